using Almanac.Checking;
using Almanac.Diagnostics;
using Almanac.Hosting;
using Almanac.Storage;

namespace Almanac.Cli.Commands;

/// <summary>
/// The checking pipeline over the store, built once per command and used for every note it checks:
/// names from the store's entities, the facts about each entity read once.
/// </summary>
internal sealed class NoteChecker(IKnowledgeStore store, DateOnly? asOf, string language)
{
    private readonly DocumentChecker _checker = StoreChecker.Create(store, asOf, language);

    /// <summary>
    /// Checks a note; an unreadable one is a <see cref="CliException"/> naming the file. An interruption
    /// (Ctrl+C) stops the check with <see cref="OperationCanceledException"/>.
    /// </summary>
    public CheckReport Check(byte[] bytes, string name, CancellationToken interrupted)
    {
        var outcome = _checker.Check(bytes, name, interrupted);
        return outcome.Report ?? throw new DiagnosticException(outcome.Error!);
    }
}
