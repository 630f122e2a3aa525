using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;
using Almanac.Usage.DuckDb;
using Almanac.Usage.Normalisation;

namespace Almanac.Tests.Usage;

/// <summary>A small knowledge store for usage tests: a few models with developers, and gpt-4o-mini's first-party price in two periods.</summary>
internal static class UsageFixture
{
    public static readonly IReadOnlyList<Entity> Entities =
    [
        Model("gpt-4o", "GPT-4o", "openai"),
        Model("gpt-4o-mini", "GPT-4o mini", "openai"),
        Model("claude-3-5-sonnet", "Claude 3.5 Sonnet", "anthropic"),
        Model("claude-3-5-haiku", "Claude 3.5 Haiku", "anthropic"),
        Model("claude-3-7-sonnet", "Claude 3.7 Sonnet", "anthropic"),
        Model("gemini-1-5-pro", "Gemini 1.5 Pro", "google"),
    ];

    /// <summary>The first price period starts on this day, the second on <see cref="SecondPrice"/>.</summary>
    public static readonly DateOnly FirstPrice = new(2026, 1, 1);

    public static readonly DateOnly SecondPrice = new(2026, 9, 1);

    public static readonly (decimal Input, decimal Output, decimal CacheRead) Before = (0.15m, 0.60m, 0.075m);

    public static readonly (decimal Input, decimal Output, decimal CacheRead) After = (0.10m, 0.40m, 0.05m);

    public static PriceHistory Prices()
    {
        var scope = Scope.Of([KeyValuePair.Create("provider", "openai"), KeyValuePair.Create("offering", "first-party")]);
        var facts = new List<CatalogueFact>();
        foreach (var (day, prices) in new[] { (FirstPrice, Before), (SecondPrice, After) })
        {
            var snapshot = new Source($"models-dev-{day:yyyy-MM-dd}", "models.dev", $"models.dev snapshot {day:yyyy-MM-dd}", new Uri("https://models.dev/api.json"), day, SourceKind.Secondary);
            facts.Add(Price("price-input", prices.Input, snapshot, scope));
            facts.Add(Price("price-output", prices.Output, snapshot, scope));
            facts.Add(Price("price-cache-read", prices.CacheRead, snapshot, scope));
        }

        return PriceHistory.Build(facts);
    }

    public static UsageNormaliser Normaliser() => new(Entities, Prices());

    public static string SamplesFolder => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "usage-logs"));

    public static string Sample(string relative) => Path.Combine(SamplesFolder, relative);

    private static CatalogueFact Price(string metric, decimal value, Source snapshot, Scope scope) =>
        new(new Fact("gpt-4o-mini", metric, scope, Period.Instant(snapshot.Published), FactValue.Of(Quantity.Of(value, Unit.UsdPerMillionTokens)), Obtained.Reported, snapshot.Id, null),
            snapshot, "models-dev");

    private static Entity Model(string id, string name, string developer) => new(id, EntityKind.Model, new LocalizedName(name, null), [], Developer: developer);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Almanac.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No folder holding Almanac.sln above " + AppContext.BaseDirectory);
    }
}

/// <summary>A usage store file in a temporary folder, removed afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = Directory.CreateTempSubdirectory("almanac-usage-").FullName;
        Path = System.IO.Path.Combine(Folder, "usage.duckdb");
    }

    public string Folder { get; }

    public string Path { get; }

    public DuckDbUsageStore Open() => DuckDbUsageStore.Open(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
