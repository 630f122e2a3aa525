namespace Almanac.Tests;

/// <summary>Reads a tab-separated spec fixture from <c>Specs/</c>: one case a line, <c>#</c> starts a comment line.</summary>
internal static class SpecFile
{
    public static IEnumerable<string[]> Rows(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", name);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return line.Split('\t');
        }
    }
}
