using Almanac.Checking;
using Almanac.DataFiles;
using Almanac.Knowledge;

namespace Almanac.Tests.Checking;

/// <summary>The repository's curated data, loaded once for all tests, as a check would see it.</summary>
internal static class Knowledge
{
    private static readonly Lazy<CheckKnowledge> Loaded = new(Load);

    public static CheckKnowledge Check => Loaded.Value;

    public static string SpecPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Specs", .. parts]);

    private static CheckKnowledge Load()
    {
        var result = DataFolder.Load(Path.Combine(RepositoryRoot(), "data"));
        var kb = result.Knowledge ?? throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        return new CheckKnowledge(kb.Entities, kb.Metrics, kb.Facts.Select(f => new Statement(f, kb.Source(f.SourceId)!)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "metrics.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No data/metrics.yaml above the test binaries.");
    }
}
