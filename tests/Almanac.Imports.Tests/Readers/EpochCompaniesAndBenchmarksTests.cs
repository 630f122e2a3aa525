using System.Globalization;
using System.IO.Compression;
using Almanac.Catalogue;
using Almanac.DataFiles;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Knowledge;
using Microsoft.VisualBasic.FileIO;

namespace Almanac.Tests.Imports.Readers;

public sealed class EpochCompaniesAndBenchmarksTests
{
    private static readonly Lazy<IReadOnlyList<Entity>> Curated = new(() =>
    {
        var data = DataFolder.Load(RepositoryData());
        data.Diagnostics.ShouldBeEmpty();
        return [.. data.Knowledge!.Entities];
    });

    private static readonly Lazy<DatasetSnapshot> Companies = new(() =>
        EpochCompaniesReader.Read(DatasetInput.FromPath(SharedData.PathOf("epoch-ai/companies")), null).Single());

    private static readonly Lazy<DatasetSnapshot> Benchmarks = new(() =>
        EpochBenchmarksReader.Read(DatasetInput.FromPath(SharedData.PathOf("epoch-ai/benchmarks")), null).Single());

    [Fact]
    public void Every_company_lands_on_its_curated_organisation()
    {
        var landing = new OrganisationLanding(Curated.Value, []);
        var names = EpochCompaniesReader.CompanyNames(DatasetInput.FromPath(SharedData.PathOf("epoch-ai/companies")));
        var landed = names.ToDictionary(n => n, n => landing.Land(n));

        names.Count.ShouldBe(Csv("epoch-ai/companies/ai_companies.csv").Count);
        landed["Google"].ShouldBe("google");
        landed["Z.ai"].ShouldBe("zhipu-ai");
        landed["Meta"].ShouldBe("meta");
        landed["Mistral AI"].ShouldBe("mistral-ai");
        var curated = Curated.Value.Where(e => e.Kind == EntityKind.Organisation).Select(e => e.Id).ToHashSet();
        foreach (var (name, id) in landed)
        {
            // Every company Epoch AI lists is a curated organisation (xAI among them), so none is created.
            curated.ShouldContain(id!, name);
        }

        landed["xAI"].ShouldBe("xai");
        landing.Created.ShouldBeEmpty();
    }

    [Fact]
    public void Revenue_run_rates_are_the_annualised_rows_with_each_cited_address()
    {
        var rows = Csv("epoch-ai/companies/ai_companies_revenue_reports.csv");
        var annualised = rows.Where(r => r["Type"] is "Annualized revenue" or "Annual recurring revenue").ToList();
        var values = Companies.Value.Records.SelectMany(r => r.Values.Select(v => (r, v))).Where(x => x.v.MetricId == "revenue-run-rate").ToList();

        var expected = annualised.Sum(r => Math.Max(1, Urls(r).Count));
        values.Count.ShouldBe(expected);
        foreach (var row in annualised)
        {
            var day = DateOnly.ParseExact(row["Date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var amount = decimal.Parse(row["Annualized revenue (USD)"], NumberStyles.Float, CultureInfo.InvariantCulture);
            var mine = values.Where(x => x.r.ModelId == row["Company"] && x.v.Period == Almanac.Periods.Period.Instant(day) && x.v.Value.Quantity!.Value.Value == amount).ToList();
            mine.Select(x => x.v.Source!.Url.ToString()).ShouldBe(Urls(row).Select(u => new Uri(u).ToString()), ignoreOrder: true);
            mine.ShouldAllBe(x => x.v.Source!.Title.Contains("via Epoch AI, 'Data on AI Companies'") && x.v.Source.Kind == SourceKind.Secondary);
            mine.ShouldAllBe(x => x.v.Source!.Published == DateOnly.ParseExact(row["Report date"], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            mine.ShouldAllBe(x => x.v.Note!.StartsWith(row["Type"]));
        }

        var skippedTypes = rows.Count(r => r["Type"] is "Yearly revenue" or "Quarterly revenue" or "Product/division revenue" or "Other");
        Companies.Value.Skipped.Where(s => s.Reason.StartsWith("revenue of type")).Sum(s => s.Count).ShouldBe(skippedTypes);
    }

    [Fact]
    public void Placeholder_rows_are_skipped_and_counted_and_the_zip_reads_as_the_folder()
    {
        var placeholders = new[] { "revenue_reports", "funding_rounds", "usage_reports", "staff_reports", "compute_spend" }
            .Sum(f => Csv($"epoch-ai/companies/ai_companies_{f}.csv").Count(r => r.All(kv => kv.Key == "Company" || kv.Value.Trim().Length == 0)));
        placeholders.ShouldBeGreaterThan(0);
        Companies.Value.Skipped.Single(s => s.Reason == "empty placeholder row").Count.ShouldBe(placeholders);

        var zip = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"), "ai_companies.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        try
        {
            ZipFile.CreateFromDirectory(SharedData.PathOf("epoch-ai/companies"), zip, CompressionLevel.Fastest, includeBaseDirectory: true);
            var zipped = EpochCompaniesReader.Read(DatasetInput.FromPath(zip), null).Single();

            zipped.Date.ShouldBe(Companies.Value.Date);
            zipped.Records.Select(r => (r.Key, r.Values.Count)).ShouldBe(Companies.Value.Records.Select(r => (r.Key, r.Values.Count)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(zip)!, recursive: true);
        }
    }

    [Fact]
    public void Staff_of_divisions_land_apart_and_usage_lands_on_known_products()
    {
        var staff = Csv("epoch-ai/companies/ai_companies_staff_reports.csv");
        var deepMind = staff.Where(r => r["Division name"] is "DeepMind" or "Google DeepMind").ToList();
        var employees = Companies.Value.Records.Where(r => r.Values.Any(v => v.MetricId == "employees")).ToList();

        employees.Where(r => r.ModelId is "DeepMind" or "Google DeepMind").Select(r => r.Key).Distinct().Count().ShouldBe(deepMind.Count);
        employees.ShouldNotContain(r => r.ModelId == "Google");

        var chatGpt = Csv("epoch-ai/companies/ai_companies_usage_reports.csv").Where(r => r["Product"] == "ChatGPT" && r["Active users time period"] == "Weekly").ToList();
        var weekly = Companies.Value.Records.Where(r => r.Subject == EntityKind.Product && r.ModelId == "chatgpt" && r.Values.Any(v => v.MetricId == "weekly-active-users")).ToList();
        weekly.Count.ShouldBe(chatGpt.Count);
    }

    [Fact]
    public void Epoch_runs_are_percentages_of_the_file_scale_with_their_run_day()
    {
        var rows = Csv("epoch-ai/benchmarks/gpqa_diamond.csv");
        var records = Benchmarks.Value.Records.Where(r => r.Key.StartsWith("gpqa_diamond/", StringComparison.Ordinal)).ToList();

        records.Count.ShouldBe(rows.Count(r => r["mean_score"].Length > 0 && r["Model version"].Length > 0));
        foreach (var row in rows.Where(r => r["mean_score"].Length > 0))
        {
            var record = records.Single(r => r.Key == "gpqa_diamond/" + row["id"]);
            var score = record.Values.Single(v => v.MetricId == "benchmark-score");
            score.Value.Quantity!.Value.Value.ShouldBe(decimal.Parse(row["mean_score"], NumberStyles.Float, CultureInfo.InvariantCulture) * 100m);
            score.Value.Quantity!.Value.Unit.ShouldBe(Almanac.Quantities.Unit.Percent);
            score.Scope!["benchmark"].ShouldBe("gpqa-diamond");
            score.Scope["evaluator"].ShouldBe("epoch-ai");
            score.Source.ShouldBeNull();
            if (row["Started at"].Length >= 10)
            {
                score.Period!.Value.Start.ShouldBe(DateOnly.ParseExact(row["Started at"][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        // Percentages already: LiveBench gives 82.35, not 0.8235.
        var live = Csv("epoch-ai/benchmarks/live_bench_external.csv").First(r => r["Model version"].Length > 0 && r["Global average"].Length > 0);
        Benchmarks.Value.Records.First(r => r.Key == "live_bench_external/" + live["id"]).Values.Single().Value.Quantity!.Value.Value
            .ShouldBe(decimal.Parse(live["Global average"], NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void External_rows_cite_their_source_link_and_are_scoped_by_evaluator()
    {
        var row = Csv("epoch-ai/benchmarks/mmlu_external.csv").First(r => r["Model version"] == "amazon.nova-lite-v1:0");
        var record = Benchmarks.Value.Records.Single(r => r.Key == "mmlu_external/" + row["id"]);
        var score = record.Values.Single();

        score.Value.Quantity!.Value.Value.ShouldBe(decimal.Parse(row["EM"], NumberStyles.Float, CultureInfo.InvariantCulture) * 100m);
        score.Scope!["evaluator"].ShouldBe("stanford-crfm");
        score.Source!.Url.ShouldBe(new Uri(row["Source link"]));
        score.Source.Publisher.ShouldBe("Stanford CRFM");
        score.Source.Title.ShouldContain("via Epoch AI, 'Data on AI Benchmarking'");
    }

    [Fact]
    public void Model_versions_land_on_canonical_models()
    {
        var batch = DatasetImporter.Prepare(Benchmarks.Value, Curated.Value, []);
        var landed = batch.Landed.ToDictionary(l => l.RecordKey, l => l.EntityId);
        string LandingOf(string file, string version)
        {
            // A record's key is the row's id, or its version and name in a file without ids (the ECI file).
            var row = Csv($"epoch-ai/benchmarks/{file}").First(r => r["Model version"] == version);
            var id = row.GetValueOrDefault("id") is { Length: > 0 } rowId ? rowId : $"{version}/{row.GetValueOrDefault("Name")}";
            return landed[Path.GetFileNameWithoutExtension(file) + "/" + id];
        }

        LandingOf("gpqa_diamond.csv", "claude-3-5-sonnet-20240620").ShouldBe("claude-3-5-sonnet");
        LandingOf("gpqa_diamond.csv", "gemini-3-flash-preview").ShouldBe(LandingOf("simpleqa_verified.csv", "gemini-3-flash-preview"));
        LandingOf("mmlu_external.csv", "amazon.nova-lite-v1:0").ShouldContain("nova-lite");
        // A reseller's path and spelling (fireworks/…v3p2) meet the developer's (deepseek/deepseek-v3.2) on one model.
        LandingOf("frontiermath.csv", "fireworks/deepseek-v3p2").ShouldBe(LandingOf("epoch_capabilities_index.csv", "deepseek/deepseek-v3.2"));
        batch.Unresolved.ShouldBeEmpty();
    }

    [Fact]
    public void Every_benchmark_of_the_file_table_is_a_curated_benchmark()
    {
        var benchmarks = Curated.Value.Where(e => e.Kind == EntityKind.Benchmark).Select(e => e.Id).ToHashSet();
        var files = Directory.GetFiles(SharedData.PathOf("epoch-ai/benchmarks"), "*.csv").Select(Path.GetFileName).ToList();

        EpochBenchmarksReader.Files.Select(f => f.FileName).ShouldBe(files, ignoreOrder: true);
        foreach (var file in EpochBenchmarksReader.Files.Where(f => f.Benchmark is not null))
        {
            benchmarks.ShouldContain(file.Benchmark!, file.FileName);
        }
    }

    [Fact]
    public void A_run_date_naming_no_calendar_day_is_counted_as_dropped_with_its_file_line_and_column()
    {
        var folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "gpqa_diamond.csv"), "Model version,mean_score,Started at\ngemini-3-flash-preview,0.83,2025-13-45\nclaude-3-5-sonnet-20240620,0.59,2025-01-02\n");
            var snapshot = EpochBenchmarksReader.Read(DatasetInput.FromPath(folder), null).Single();

            snapshot.Records.Count.ShouldBe(2);
            snapshot.Date.ShouldBe(new DateOnly(2025, 1, 2));
            var dropped = snapshot.Dropped.Single();
            dropped.Location.ShouldBe("gpqa_diamond.csv, line 2, column 3 ('Started at')");
            dropped.Value.ShouldBe("2025-13-45");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Urls(Dictionary<string, string> row) =>
        [.. new[] { "Source 1", "Source 2", "Source 3" }.Where(row.ContainsKey).Select(c => row[c].Trim()).Where(u => u.Length > 0).Distinct()];

    private static string RepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Almanac.sln")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new InvalidOperationException("no Almanac.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>An independent RFC 4180 reader, so expectations do not come from the code under test.</summary>
    private static List<Dictionary<string, string>> Csv(string relative)
    {
        using var parser = new TextFieldParser(SharedData.PathOf(relative)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
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
