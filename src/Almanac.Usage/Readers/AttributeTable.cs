using System.Reflection;

namespace Almanac.Usage.Readers;

/// <summary>A field-to-names table kept as an embedded tab-separated file (<c>#</c> lines are comments).</summary>
internal static class AttributeTable
{
    public static Dictionary<string, string[]> Load(string resourceSuffix)
    {
        var assembly = typeof(AttributeTable).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(resourceSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} is missing");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            table[cells[0]] = cells[1..];
        }

        return table;
    }

    internal static Assembly Assembly => typeof(AttributeTable).Assembly;
}
