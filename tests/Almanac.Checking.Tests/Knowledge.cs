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

    /// <summary>
    /// A seed document, read where it is kept beside the repository (<c>../shared/seeds</c>) rather
    /// than copied in: <c>004-research-note.md</c> is the research note, <c>000-menlo-article.md</c> the article.
    /// </summary>
    public static string SeedPath(string name) => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "seeds", name switch
    {
        "004-research-note.md" => "004_85998f9bbbdc5ba5.txt",
        "000-menlo-article.md" => "000_f6f9bbcc7f4aaa0b.txt",
        _ => throw new ArgumentException($"unknown seed '{name}'", nameof(name)),
    }));

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
