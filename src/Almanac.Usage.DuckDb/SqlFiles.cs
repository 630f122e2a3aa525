using System.Collections.Concurrent;

namespace Almanac.Usage.DuckDb;

/// <summary>The engine's SQL, one file per statement group in <c>Sql/</c>, embedded in the assembly.</summary>
internal static class SqlFiles
{
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    public static string Text(string name) => Texts.GetOrAdd(name, static n =>
    {
        var assembly = typeof(SqlFiles).Assembly;
        using var stream = assembly.GetManifestResourceStream("Almanac.Usage.DuckDb.Sql." + n)
            ?? throw new InvalidOperationException($"SQL file {n} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
