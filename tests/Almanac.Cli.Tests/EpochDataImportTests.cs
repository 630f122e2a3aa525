using System.Globalization;
using System.Text.Json;
using Microsoft.VisualBasic.FileIO;

namespace Almanac.Tests.Cli;

/// <summary>A fresh store into which the command line imported Epoch AI's companies data and benchmarking hub.</summary>
public sealed class EpochDataStore : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public EpochDataStore()
    {
        Directory.CreateDirectory(_folder);
        Store = Path.Combine(_folder, "almanac.db");
        Companies = Run("import", "epoch-companies", SharedDatasets.PathOf("epoch-ai/companies"));
        Benchmarks = Run("import", "epoch-benchmarks", SharedDatasets.PathOf("epoch-ai/benchmarks"));
    }

    public string Folder => _folder;

    public string Store { get; }

    public CliRun Companies { get; }

    public CliRun Benchmarks { get; }

    public CliRun Run(params string[] args) => CliRun.Of([.. args, "--store", Store, "--data", CliRun.RepositoryData]);

    public List<JsonElement> Facts(params string[] args) =>
        [.. JsonDocument.Parse(Run(["facts", .. args, "--format", "json"]).Output).RootElement.EnumerateArray()];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class EpochDataImportTests(EpochDataStore store) : IClassFixture<EpochDataStore>
{
    [Fact]
    public void Anthropic_valuations_list_each_closed_round_with_its_date_and_source()
    {
        store.Companies.ExitCode.ShouldBe(0, store.Companies.Error);
        var valuations = store.Facts("--entity", "anthropic", "--metric", "valuation")
            .Where(f => f.GetProperty("source").GetProperty("title").GetString()!.Contains("Epoch AI", StringComparison.Ordinal))
            .ToList();

        var rounds = Csv("epoch-ai/companies/ai_companies_funding_rounds.csv")
            .Where(r => r["Company"] == "Anthropic" && r["Valuation (post-money)"].Length > 0)
            .ToList();
        rounds.ShouldNotBeEmpty();
        foreach (var round in rounds.Where(r => r["Status"] == "Closed"))
        {
            var period = "@" + round["Close date"];
            var value = decimal.Parse(round["Valuation (post-money)"], NumberStyles.Float, CultureInfo.InvariantCulture);
            var facts = valuations.Where(f => f.GetProperty("period").GetString() == period && f.GetProperty("value").GetDecimal() == value).ToList();
            var urls = new[] { "Source 1", "Source 2", "Source 3" }.Select(c => round[c].Trim()).Where(u => u.Length > 0).ToList();
            facts.Select(f => f.GetProperty("source").GetProperty("url").GetString()).ShouldBe(urls, ignoreOrder: true);
            facts.ShouldNotBeEmpty();
            foreach (var fact in facts)
            {
                fact.GetProperty("scope").TryGetProperty("status", out _).ShouldBeFalse();
                fact.GetProperty("scope").TryGetProperty("round", out _).ShouldBeTrue();
            }
        }

        // A round in talks is never a plain valuation: its status is in the scope.
        foreach (var talks in rounds.Where(r => r["Status"] != "Closed"))
        {
            var value = decimal.Parse(talks["Valuation (post-money)"], NumberStyles.Float, CultureInfo.InvariantCulture);
            var facts = valuations.Where(f => f.GetProperty("value").GetDecimal() == value).ToList();
            facts.ShouldNotBeEmpty();
            facts.ShouldAllBe(f => f.GetProperty("scope").GetProperty("status").GetString() == talks["Status"].ToLowerInvariant().Replace(' ', '-'));
        }

        // The Series F is the curated facts' round.
        valuations.ShouldContain(f => f.GetProperty("scope").GetProperty("round").GetString() == "series-f");
    }

    [Fact]
    public void Importing_the_same_folders_again_adds_nothing()
    {
        var before = store.Facts().Count;
        var again = store.Run("import", "epoch-companies", SharedDatasets.PathOf("epoch-ai/companies"));
        var benchmarks = store.Run("import", "epoch-benchmarks", SharedDatasets.PathOf("epoch-ai/benchmarks"));

        again.ExitCode.ShouldBe(0, again.Error);
        benchmarks.ExitCode.ShouldBe(0, benchmarks.Error);
        store.Facts().Count.ShouldBe(before);
    }

    [Fact]
    public void A_broken_file_names_its_line_and_column_and_leaves_the_store_unchanged()
    {
        var before = store.Facts().Count;
        var folder = Path.Combine(store.Folder, "broken");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(SharedDatasets.PathOf("epoch-ai/companies")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        var funding = Path.Combine(folder, "ai_companies_funding_rounds.csv");
        var lines = File.ReadAllText(funding).Replace("580000000.0", "580 million", StringComparison.Ordinal);
        File.WriteAllText(funding, lines);
        var bad = store.Run("import", "epoch-companies", folder);

        bad.ExitCode.ShouldBe(1);
        var line = File.ReadAllLines(funding).ToList().FindIndex(l => l.Contains("580 million", StringComparison.Ordinal)) + 1;
        bad.Error.ShouldContain($"ai_companies_funding_rounds.csv:{line}:5: 'Funding (equity)': expected a number, found '580 million'");
        store.Facts().Count.ShouldBe(before);

        const string OpenRow = "a,OpenAI,5,2020-01-01,2020-01-01,,,\"never closed,Full company,,,,";
        File.WriteAllText(Path.Combine(folder, "ai_companies_staff_reports.csv"), "Id,Company,Staff count,Date,Report date,Source 1,Source 2,Notes,Type,Division name,Source type,Confidence,Graph note\n"
            + OpenRow + "\n");
        File.WriteAllText(funding, File.ReadAllText(funding).Replace("580 million", "580000000.0", StringComparison.Ordinal));
        var unclosed = store.Run("import", "epoch-companies", folder);

        unclosed.ExitCode.ShouldBe(1);
        unclosed.Error.ShouldContain($"ai_companies_staff_reports.csv:2:{OpenRow.IndexOf('"', StringComparison.Ordinal) + 1}: a quoted cell opens here and is never closed");
        store.Facts().Count.ShouldBe(before);
    }

    [Fact]
    public void A_benchmark_score_read_from_the_store_is_supported_and_a_different_one_contradicted()
    {
        store.Benchmarks.ExitCode.ShouldBe(0, store.Benchmarks.Error);
        var scores = store.Facts("--metric", "benchmark-score")
            .Where(f => f.GetProperty("scope").TryGetProperty("benchmark", out var b) && b.GetString() == "gpqa-diamond")
            .GroupBy(f => f.GetProperty("entity").GetString())
            .Where(g => g.Count() == 1)
            .Select(g => g.Single())
            .ToList();
        var fact = scores.Single(f => f.GetProperty("entity").GetString() == "claude-3-opus");
        var name = fact.GetProperty("entity_name").GetString();
        var score = Math.Round(fact.GetProperty("value").GetDecimal(), 1).ToString(CultureInfo.InvariantCulture);
        var note = Path.Combine(store.Folder, "gpqa.md");
        File.WriteAllText(note, $"{name} scores {score}% on GPQA Diamond.\n\n{name} scores 12% on GPQA Diamond.\n");

        var run = store.Run("check", note, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var claims = JsonDocument.Parse(run.Output).RootElement.GetProperty("claims").EnumerateArray().ToList();
        claims.Count.ShouldBe(2, run.Output);
        claims.ShouldAllBe(c => c.GetProperty("scope").GetProperty("benchmark").GetString() == "gpqa-diamond");
        claims[0].GetProperty("verdict").GetString().ShouldBe("supported", claims[0].ToString());
        claims[1].GetProperty("verdict").GetString().ShouldBe("contradicted", claims[1].ToString());
    }

    private static List<Dictionary<string, string>> Csv(string relative)
    {
        // An independent RFC 4180 reader, so the expectations do not come from the code under test.
        using var parser = new TextFieldParser(SharedDatasets.PathOf(relative)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            rows.Add(header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => fields[x.i]));
        }

        return rows;
    }
}
