using Almanac.Diagnostics;
using Almanac.Knowledge;

namespace Almanac.DataFiles;

/// <summary>
/// The outcome of reading a data folder: a knowledge base when every file is valid, otherwise
/// the diagnostics and no knowledge base at all, so nothing half-read can be stored.
/// </summary>
public sealed class LoadResult
{
    internal LoadResult(KnowledgeBase? knowledge, IReadOnlyList<Diagnostic> diagnostics, string fingerprint, int fileCount)
    {
        Knowledge = knowledge;
        Diagnostics = diagnostics;
        Fingerprint = fingerprint;
        FileCount = fileCount;
    }

    public KnowledgeBase? Knowledge { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Succeeded => Knowledge is not null;

    /// <summary>A hash of every file's path and content: equal fingerprints mean equal data.</summary>
    public string Fingerprint { get; }

    public int FileCount { get; }
}
