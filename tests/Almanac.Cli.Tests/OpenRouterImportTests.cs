using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Almanac.Tests.Cli;

/// <summary>A store into which the command line imported the folder of real OpenRouter snapshots.</summary>
public sealed class OpenRouterStore : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public OpenRouterStore()
    {
        Store = Path.Combine(_folder, "almanac.db");
        Import = Run("import", "openrouter", SharedDatasets.OpenRouterModels);
    }

    public string Store { get; }

    public CliRun Import { get; }

    public CliRun Run(params string[] args) => CliRun.Of([.. args, "--store", Store, "--data", CliRun.RepositoryData]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// <c>almanac import openrouter</c> on the folder of monthly snapshots, and <c>almanac prices</c> checked
/// against the raw files, read here independently of the importer.
/// </summary>
public sealed class OpenRouterImportTests(OpenRouterStore store) : IClassFixture<OpenRouterStore>
{
    /// <summary>One raw snapshot: its day (from the file name) and each model's pricing strings by id.</summary>
    private sealed record RawSnapshot(string File, DateOnly Day, Dictionary<string, JsonElement> Pricing);

    private static readonly Lazy<List<RawSnapshot>> Raw = new(ReadRaw);

    private static List<RawSnapshot> ReadRaw()
    {
        var snapshots = new List<RawSnapshot>();
        foreach (var path in Directory.GetFiles(SharedDatasets.OpenRouterModels).Where(p => p.EndsWith(".json", StringComparison.Ordinal) || p.EndsWith(".json.gz", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var file = File.OpenRead(path);
            using Stream content = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var document = JsonDocument.Parse(content);
            var name = Path.GetFileName(path);
            var day = DateOnly.ParseExact(name.Substring("openrouter_models_".Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var pricing = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var model in document.RootElement.GetProperty("data").EnumerateArray())
            {
                pricing[model.GetProperty("id").GetString()!] = model.GetProperty("pricing").Clone();
            }

            snapshots.Add(new RawSnapshot(name, day, pricing));
        }

        return snapshots;
    }

    private static decimal? PerMillion(JsonElement pricing, string field) =>
        pricing.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() != "-1"
            ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture) * 1_000_000m / 1.000000000000000000000m
            : null;

    /// <summary>Plain ids (no <c>:tag</c>) whose prompt price differs between two successive snapshots listing them both.</summary>
    private static List<(string Id, DateOnly Day, decimal Old, decimal New)> PromptChanges()
    {
        var raw = Raw.Value;
        var changes = new List<(string, DateOnly, decimal, decimal)>();
        for (var i = 1; i < raw.Count; i++)
        {
            foreach (var (id, pricing) in raw[i].Pricing)
            {
                if (id.Contains(':', StringComparison.Ordinal) || !raw[i - 1].Pricing.TryGetValue(id, out var before))
                {
                    continue;
                }

                if (PerMillion(before, "prompt") is { } old && PerMillion(pricing, "prompt") is { } now && old != now)
                {
                    changes.Add((id, raw[i].Day, old, now));
                }
            }
        }

        return changes;
    }

    private List<JsonElement> Prices(string model)
    {
        var run = store.Run("prices", model, "--provider", "openrouter", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("prices").EnumerateArray()
            .Where(p => p.GetProperty("variant").ValueKind == JsonValueKind.Null)
            .ToList();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<decimal> Inputs(JsonElement row) => row.GetProperty("input").EnumerateArray().Select(v => v.GetDecimal());

    [Fact]
    public void The_folder_imports_one_snapshot_per_file()
    {
        store.Import.ExitCode.ShouldBe(0, store.Import.Error);
        store.Import.Output.ShouldContain($"{Raw.Value.Count} snapshots, {Day(Raw.Value[0].Day)} → {Day(Raw.Value[^1].Day)}");
    }

    [Fact]
    public void Price_periods_start_and_end_at_the_snapshots_where_the_raw_prompt_price_changed()
    {
        var changes = PromptChanges();
        changes.Count.ShouldBeGreaterThan(20);

        // Spread over the whole history rather than the first few ids.
        var sample = changes.Where((_, i) => i % Math.Max(1, changes.Count / 25) == 0).ToList();
        foreach (var (id, day, old, now) in sample)
        {
            var rows = Prices(id);
            rows.ShouldContain(r => r.GetProperty("to").GetString() == Day(day) && Inputs(r).Contains(old), $"{id}: {old} until {Day(day)}");
            rows.ShouldContain(r => r.GetProperty("from").GetString() == Day(day) && Inputs(r).Contains(now), $"{id}: {now} from {Day(day)}");
            var from = rows.Single(r => r.GetProperty("from").GetString() == Day(day) && Inputs(r).Contains(now));
            from.GetProperty("first_source").GetProperty("date").GetString().ShouldBe(Day(day));
            from.GetProperty("first_source").GetProperty("title").GetString()!.ShouldContain(Raw.Value.Single(s => s.Day == day).File[18..35]);
        }
    }

    [Fact]
    public void A_price_still_listed_at_the_last_snapshot_has_no_end()
    {
        var last = Raw.Value[^1];
        var (id, pricing) = last.Pricing.First(p => p.Key.StartsWith("anthropic/", StringComparison.Ordinal) && !p.Key.Contains(':', StringComparison.Ordinal) && PerMillion(p.Value, "prompt") is > 0);
        Prices(id).ShouldContain(r => r.GetProperty("to").ValueKind == JsonValueKind.Null && Inputs(r).Contains(PerMillion(pricing, "prompt")!.Value));
    }

    [Fact]
    public void Variable_router_prices_are_no_prices()
    {
        var routers = Raw.Value.SelectMany(s => s.Pricing).Where(p => p.Value.TryGetProperty("prompt", out var v) && v.GetString() == "-1")
            .Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
        routers.ShouldContain("openrouter/auto");
        foreach (var id in routers)
        {
            var run = store.Run("facts", "--entity", id, "--metric", "price-input", "--format", "json");
            run.ExitCode.ShouldBe(0, run.Error);
            JsonDocument.Parse(run.Output).RootElement.GetArrayLength().ShouldBe(0, id);
        }
    }

    [Fact]
    public void Importing_the_same_folder_again_adds_nothing()
    {
        var again = store.Run("import", "openrouter", SharedDatasets.OpenRouterModels);

        again.ExitCode.ShouldBe(0, again.Error);
        var row = again.Output.Split('\n').Single(l => l.Contains("│ openrouter", StringComparison.Ordinal)).Split('│');
        row[3].Trim().ShouldBe("0");
        row[4].Trim().ShouldNotBe("0");
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("bad json")]
    [InlineData("price not a number")]
    public void A_broken_file_is_refused_with_its_file_and_location_and_the_store_is_unchanged(string breakage)
    {
        var folder = Directory.CreateTempSubdirectory("almanac-openrouter-").FullName;
        try
        {
            var good = Directory.GetFiles(SharedDatasets.OpenRouterModels, "*.json.gz").Order(StringComparer.Ordinal).First();
            File.Copy(good, Path.Combine(folder, Path.GetFileName(good)));
            string brokenName;
            string expected;
            switch (breakage)
            {
                case "truncated":
                    brokenName = "openrouter_models_2027-01-01T000000Z.json.gz";
                    var bytes = File.ReadAllBytes(good);
                    File.WriteAllBytes(Path.Combine(folder, brokenName), bytes[..(bytes.Length / 2)]);
                    expected = "openrouter_models_2027-01-01T000000Z.json";
                    break;
                case "bad json":
                    brokenName = "openrouter_models_2027-01-01T000000Z.json";
                    File.WriteAllText(Path.Combine(folder, brokenName), """{"data": [{"id": "acme/model", "pricing": {"prompt": "0.000001",}}]}""");
                    expected = "openrouter_models_2027-01-01T000000Z.json:1:";
                    break;
                default:
                    brokenName = "openrouter_models_2027-01-01T000000Z.json";
                    File.WriteAllText(Path.Combine(folder, brokenName), """{"data": [{"id": "acme/ok", "pricing": {"prompt": "0.000001"}}, {"id": "acme/model", "pricing": {"prompt": "cheap"}}]}""");
                    expected = "openrouter_models_2027-01-01T000000Z.json: $.data[1].pricing.prompt";
                    break;
            }

            var before = store.Run("facts", "--entity", "gpt-4o", "--format", "json").Output;
            var run = store.Run("import", "openrouter", folder);

            run.ExitCode.ShouldBe(1, run.Output);
            run.Error.ShouldContain(expected);
            run.Error.ShouldContain("nothing was imported");
            store.Run("facts", "--entity", "gpt-4o", "--format", "json").Output.ShouldBe(before);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Prices_of_an_unknown_model_is_a_usage_error_and_a_model_without_prices_says_so()
    {
        var unknown = store.Run("prices", "no-such-model-anywhere");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("unknown entity 'no-such-model-anywhere'");

        // A curated model OpenRouter never listed.
        var none = store.Run("prices", "gpt-4o", "--provider", "nonesuch");
        none.ExitCode.ShouldBe(0, none.Error);
        none.Output.ShouldContain("has no prices");
    }

    [Fact]
    public void Imported_facts_are_the_resellers_and_name_the_developer()
    {
        var run = store.Run("facts", "--entity", "anthropic/claude-3.5-sonnet", "--metric", "price-output", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        var facts = JsonDocument.Parse(run.Output).RootElement.EnumerateArray()
            .Where(f => f.GetProperty("source").GetProperty("id").GetString()!.StartsWith("openrouter-", StringComparison.Ordinal)).ToList();
        facts.Count.ShouldBeGreaterThan(10);
        facts.ShouldAllBe(f => f.GetProperty("scope").GetProperty("provider").GetString() == "openrouter"
            && f.GetProperty("scope").GetProperty("offering").GetString() == "reseller");

        // The family word says nothing of these developers: the id's prefix does.
        Developer("microsoft/wizardlm-2-8x22b").ShouldBe("microsoft");
        Developer("nousresearch/hermes-3-llama-3.1-405b").ShouldBe("nousresearch");
    }

    [Fact]
    public void New_models_go_by_the_developers_name_without_OpenRouters_vendor_prefix()
    {
        // The last snapshot lists "tencent/hy-mt2-30b-a3b" as "Tencent: Hy-MT2-30B-A3B": the model is named as Tencent names it.
        const string Id = "tencent/hy-mt2-30b-a3b";
        var last = Directory.GetFiles(SharedDatasets.OpenRouterModels, "*.json").Order(StringComparer.Ordinal).Last();
        using var document = JsonDocument.Parse(File.ReadAllText(last));
        var listed = document.RootElement.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("id").GetString() == Id).GetProperty("name").GetString()!;
        listed.ShouldStartWith("Tencent: ");

        var run = store.Run("entities", Id, "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        var entity = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().First();
        entity.GetProperty("name_en").GetString().ShouldBe(listed["Tencent: ".Length..]);
    }

    private string? Developer(string id)
    {
        var run = store.Run("entities", id, "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Single().GetProperty("developer").GetString();
    }
}

/// <summary><c>almanac models --as-of</c> takes each dataset's latest snapshot on or before the day, never a later one.</summary>
public sealed class ModelsAsOfTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-asof-").FullName;

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--store", Path.Combine(_folder, "almanac.db"), "--data", CliRun.RepositoryData]);

    private string Snapshot(string name, decimal input) =>
        WriteFile(name, """{"anthropic": {"id": "anthropic", "models": {"acme-one": {"id": "acme-one", "name": "Acme One", "cost": {"input": """
            + input.ToString(CultureInfo.InvariantCulture) + """, "output": 9}}}}}""");

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private decimal? InputPrice(string asOf)
    {
        var run = Run("models", "--as-of", asOf, "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        var row = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().FirstOrDefault(m => m.GetProperty("name").GetString() == "Acme One");
        return row.ValueKind == JsonValueKind.Object && row.GetProperty("price_input").ValueKind == JsonValueKind.Object
            ? row.GetProperty("price_input").GetProperty("value").GetDecimal()
            : null;
    }

    [Fact]
    public void The_price_in_force_on_the_day_is_shown()
    {
        // A lab's own API: its price is first-party, the one the catalogue shows.
        Run("import", "models-dev", Snapshot("january.json", 3), "--snapshot-date", "2025-01-10").ExitCode.ShouldBe(0);
        Run("import", "models-dev", Snapshot("march.json", 1), "--snapshot-date", "2025-03-10").ExitCode.ShouldBe(0);

        InputPrice("2025-02-20").ShouldBe(3m);
        InputPrice("2025-03-10").ShouldBe(1m);
        InputPrice("2025-01-01").ShouldBeNull();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
