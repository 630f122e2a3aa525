using Almanac.Diagnostics;

namespace Almanac.Imports.Readers;

/// <summary>Chooses a snapshot's date: the caller's override, the file's own, the file's last-write date.</summary>
internal static class SnapshotDates
{
    /// <summary>For files that state no date: the caller must give one.</summary>
    public static DateOnly FromCaller(string fileName, SnapshotInfo? info) =>
        Choose(fileName, info, fromFile: null, whereTheFileWouldSayIt: "the file states no date");

    public static DateOnly Choose(string fileName, SnapshotInfo? info, DateOnly? fromFile, string whereTheFileWouldSayIt) =>
        info?.Date ?? fromFile ?? info?.LastWritten ?? throw new DiagnosticException(Diagnostic.Invalid(
            fileName,
            DiagnosticLocation.In("snapshot date"),
            $"{whereTheFileWouldSayIt}; expected the caller to give the snapshot's date or the file's last-write date"));
}
