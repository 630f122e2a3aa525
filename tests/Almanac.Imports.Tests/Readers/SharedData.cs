using Almanac.Diagnostics;
using Almanac.Imports;
using Almanac.Catalogue;
using Almanac.Knowledge;

namespace Almanac.Tests.Imports.Readers;

/// <summary>
/// The public datasets kept beside the repository in <c>../shared/data</c>, and small helpers to look
/// into what a reader made of them.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Almanac.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        throw new InvalidOperationException("No folder holding Almanac.sln above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string relative) => Path.Combine(Root.Value, relative);

    public static DatasetSnapshot Read(string relative, Func<Stream, string, DatasetSnapshot> read)
    {
        using var stream = File.OpenRead(PathOf(relative));
        return read(stream, Path.GetFileName(relative));
    }

    /// <summary>Runs a reader on text, as a file with that name would be read.</summary>
    public static DatasetSnapshot ReadText(string text, string fileName, Func<Stream, string, DatasetSnapshot> read)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return read(stream, fileName);
    }

    public static Diagnostic FailsOn(string text, string fileName, Func<Stream, string, DatasetSnapshot> read) =>
        Should.Throw<DiagnosticException>(() => ReadText(text, fileName, read)).Diagnostic;

    public static DatasetRecord Record(this DatasetSnapshot snapshot, string key) =>
        snapshot.Records.Single(r => r.Key == key);

    /// <summary>The one value of a metric (in a scope), in its invariant text form: <c>3 USD/1M tokens</c>, <c>2024-06-20</c>.</summary>
    public static string? Value(this DatasetRecord record, string metricId, Scope? scope = null)
    {
        var found = record.Values
            .Where(v => v.MetricId == metricId && Equals(v.Scope ?? Scope.Empty, scope ?? Scope.Empty))
            .ToList();
        found.Count.ShouldBeLessThanOrEqualTo(1, $"{record.Key} has {found.Count} values of {metricId}");
        return found.Count == 0 ? null : found[0].Value.ToString();
    }

    public static decimal Amount(this DatasetRecord record, string metricId, Scope? scope = null) =>
        record.Values.Single(v => v.MetricId == metricId && Equals(v.Scope ?? Scope.Empty, scope ?? Scope.Empty)).Value.Quantity!.Value.Value;
}
