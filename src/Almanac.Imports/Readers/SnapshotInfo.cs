using Almanac.Diagnostics;

namespace Almanac.Imports.Readers;

/// <summary>
/// What the caller knows about a dataset file that the file may not say itself: the day it is as
/// of, a version label, where it came from. Each reader documents which of these it needs.
/// </summary>
/// <remarks>
/// The snapshot date is chosen in this order: <see cref="Date"/>; a date the file states (LiteLLM's
/// <c>last_updated</c>, the <c>_2026-01</c> in an Epoch file name); <see cref="LastWritten"/>. A file
/// that leaves all three empty cannot be dated, and the reader says so with an <see cref="DiagnosticException"/>.
/// </remarks>
public sealed record SnapshotInfo
{
    /// <summary>The day the snapshot is as of; overrides any date the file states.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>
    /// The day the file was last written (downloaded), used only when neither <see cref="Date"/> nor
    /// the file gives one. The reader does not look at the file system itself.
    /// </summary>
    public DateOnly? LastWritten { get; init; }

    /// <summary>A version label (a commit, a release); by default the reader derives one from the file.</summary>
    public string? Version { get; init; }

    /// <summary>Where the snapshot was obtained; by default the dataset's public address.</summary>
    public Uri? Url { get; init; }
}
