using Almanac.Checking;
using Almanac.Hosting;
using Almanac.Storage;

namespace Almanac.Cli.Commands;

/// <summary>The checking pipeline over the store: names from the curated entities, facts from the store.</summary>
internal sealed class NoteChecker(IKnowledgeStore store, DateOnly? asOf, string language)
{
    private readonly DocumentChecker _checker = StoreChecker.Create(store, asOf, language);

    /// <summary>Checks a note; an unreadable one is a <see cref="CliException"/> naming the file.</summary>
    public CheckReport Check(byte[] bytes, string name)
    {
        var outcome = _checker.Check(bytes, name);
        return outcome.Report ?? throw new CliException(outcome.Error!, ExitCodes.InvalidData);
    }
}
