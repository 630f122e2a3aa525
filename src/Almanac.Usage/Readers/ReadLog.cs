using Almanac.Diagnostics;

namespace Almanac.Usage.Readers;

/// <summary>
/// What reading the logs of one ingest met besides events: the lines skipped (all counted, the first
/// ones kept with their place and reason) and the LLM-free records passed over. Under strict reading
/// the first bad line ends the ingest instead, so the store is left as it was.
/// </summary>
public sealed class ReadLog(bool strict)
{
    /// <summary>How many skipped lines keep their reason: a summary shows these, the rest are counted.</summary>
    public const int KeptReasons = 10;

    private readonly List<Diagnostic> _first = [];

    public bool Strict { get; } = strict;

    /// <summary>Malformed lines or records skipped.</summary>
    public long Skipped { get; private set; }

    /// <summary>The first <see cref="KeptReasons"/> skipped lines, in the order met.</summary>
    public IReadOnlyList<Diagnostic> FirstSkipped => _first;

    /// <summary>Records that are well formed but carry no LLM call (a workflow span, an embeddings page): not counted as skipped.</summary>
    public long PassedOver { get; private set; }

    /// <summary>Counts a malformed line and goes on, or under strict reading stops the ingest with it.</summary>
    public void Skip(Diagnostic error)
    {
        if (Strict)
        {
            throw new DiagnosticException(error);
        }

        Skipped++;
        if (_first.Count < KeptReasons)
        {
            _first.Add(error);
        }
    }

    public void PassOver() => PassedOver++;
}
