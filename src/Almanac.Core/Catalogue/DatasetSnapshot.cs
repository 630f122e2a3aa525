using Almanac.Knowledge;

namespace Almanac.Catalogue;

/// <summary>
/// One download of a dataset: what it is, which version or date, and its records. Every fact
/// imported from it cites it as the source.
/// </summary>
/// <param name="Dataset">The dataset's code: <c>models-dev</c>, <c>litellm</c> or <c>epoch</c>.</param>
/// <param name="Version">The version or snapshot label (a date, a commit, a file's own stamp).</param>
/// <param name="Date">The day the snapshot's content is as of: what <c>--as-of</c> compares.</param>
/// <param name="Url">Where the snapshot can be had (the file's public address, or the file given).</param>
public sealed record DatasetSnapshot(
    string Dataset,
    string Version,
    DateOnly Date,
    Uri Url,
    string Publisher,
    string Title,
    string Licence,
    IReadOnlyList<DatasetRecord> Records,
    IReadOnlyList<Entity>? Entities = null)
{
    /// <summary>Values the reader left out as placeholders or impossible figures (<see cref="PlausibleValues"/>), for the import summary.</summary>
    public IReadOnlyList<DroppedValue> Dropped { get; init; } = [];

    /// <summary>
    /// Entities the dataset itself defines, not models or developers: the benchmarks of Epoch AI's
    /// benchmarking hub, with the names they go by. Curated entities of the same id are kept as they are.
    /// </summary>
    public IReadOnlyList<Entity> Entities { get; init; } = Entities ?? [];

    /// <summary>Rows the reader read and left out on purpose (placeholder rows, figures that are not the measure), counted by reason.</summary>
    public IReadOnlyList<SkippedRows> Skipped { get; init; } = [];
}

/// <summary>How many rows a reader left out for one reason (<c>empty placeholder row</c>).</summary>
public sealed record SkippedRows(string Reason, int Count);
