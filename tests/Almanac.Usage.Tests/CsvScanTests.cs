using Almanac.Usage;
using Almanac.Usage.Generation;
using Almanac.Usage.Readers;
using DuckDB.NET.Data;

namespace Almanac.Tests.Usage;

/// <summary>
/// A mapped CSV file read by DuckDB's own scanner gives the same events as the line reader: every column
/// of every event, its listed cost within rounding, and the same unresolved counts.
/// </summary>
public class CsvScanTests
{
    // Every way a cell can be written that the reader takes: ISO and epoch times in seconds and milliseconds,
    // an end instead of a duration, statuses, tags repeated and padded, a logged cost, a provider prefix,
    // an unknown model, a repeated id (the first kept), blank cells falling back to a second column.
    private static readonly string[] Varied =
    [
        "id,time,end,model,provider,prompt_tokens,completion_tokens,cached_tokens,requests,status,cost,user,team,app,tags,latency_ms",
        "a1,2026-03-01T10:00:00Z,2026-03-01T10:00:01.250Z,gpt-4o-mini,OpenAI,1000,200,100,,ok,0.0012,u1,t1,web,\" beta , alpha ,beta\",",
        "a2,1772359320,,azure/gpt-4o-mini,,50,5,,2,500,,u2,,,\"x,x , y\",350.5",
        "a3,1772359320123,,claude-3-5-sonnet-20240620,anthropic,  70 ,7,0,1,200,,u3,t2,cli,,",
        "a4,2026-03-02 08:30:00+02:00,,mystery-model-x,,10,1,,,failure,,,,,,12",
        "a1,2026-03-05T10:00:00Z,,gpt-4o,openai,1,1,,,,,,,,,",
        "a5,2026-09-03T00:00:00Z,,gpt-4o-mini,,1000000,1000000,250000,,,,u1,t1,,batch,",
    ];

    [Fact]
    public void A_varied_file_scanned_by_DuckDB_stores_what_the_reader_stores()
    {
        using var folder = new TempStore();
        var log = Path.Combine(folder.Folder, "varied.csv");
        File.WriteAllLines(log, Varied);
        Compare(log, ColumnMap.None, expectedEvents: 6, expectedAdded: 5);
    }

    [Fact]
    public void A_generated_file_scanned_by_DuckDB_stores_what_the_reader_stores()
    {
        using var folder = new TempStore();
        var log = Path.Combine(folder.Folder, "generated.csv");
        using (var writer = new StreamWriter(log))
        {
            UsageGenerator.Write(20_000, UsageFormat.Csv, seed: 3, writer);
        }

        Compare(log, ColumnMap.None, expectedEvents: 20_000, expectedAdded: 20_000);
    }

    [Fact]
    public void The_same_file_scanned_twice_adds_nothing()
    {
        using var store = new TempStore();
        var log = Path.Combine(store.Folder, "varied.csv");
        File.WriteAllLines(log, Varied);
        using var engine = store.Open();
        var plan = CsvFilePlan.For(log, ColumnMap.None).ShouldNotBeNull();
        engine.TryIngestCsv(plan, UsageFixture.Normaliser()).ShouldNotBeNull().Stored.ShouldBe(new IngestCounts(5, 0));
        engine.TryIngestCsv(plan, UsageFixture.Normaliser()).ShouldNotBeNull().Stored.ShouldBe(new IngestCounts(0, 5));
        engine.Summary().Events.ShouldBe(5);
    }

    [Theory]
    [InlineData("b1,2026-03-01T10:00:00Z,gpt-4o,lots")]
    [InlineData("b1,yesterday,gpt-4o,1")]
    [InlineData(",2026-03-01T10:00:00Z,gpt-4o,1")]
    [InlineData("b1,2026-03-01T10:00:00Z,gpt-4o,-3")]
    [InlineData("b1,2026-03-01T10:00:00Z,gpt-4o,1,surplus")]
    public void A_line_the_scanner_cannot_take_whole_leaves_the_file_to_the_reader_and_writes_nothing(string line)
    {
        using var store = new TempStore();
        var log = Path.Combine(store.Folder, "bad.csv");
        File.WriteAllLines(log, ["id,time,model,input_tokens", "g1,2026-03-01T09:00:00Z,gpt-4o,5", line]);
        using var engine = store.Open();
        var normaliser = UsageFixture.Normaliser();
        engine.TryIngestCsv(CsvFilePlan.For(log, ColumnMap.None).ShouldNotBeNull(), normaliser).ShouldBeNull();
        engine.Summary().Events.ShouldBe(0);
        normaliser.Unresolved.ShouldBeEmpty();
    }

    [Fact]
    public void Only_a_CSV_whose_lines_carry_ids_is_planned_for_the_scanner()
    {
        using var folder = new TempStore();
        var withoutIds = Path.Combine(folder.Folder, "no-ids.csv");
        File.WriteAllLines(withoutIds, ["time,model", "2026-03-01T09:00:00Z,gpt-4o"]);
        CsvFilePlan.For(withoutIds, ColumnMap.None).ShouldBeNull();
        var lines = Path.Combine(folder.Folder, "calls.jsonl");
        File.WriteAllLines(lines, ["""{"id":"a","time":"2026-03-01T00:00:00Z","model":"gpt-4o"}"""]);
        CsvFilePlan.For(lines, ColumnMap.None).ShouldBeNull();
        var mapped = Path.Combine(folder.Folder, "mapped.csv");
        File.WriteAllLines(mapped, ["Request,TS,Model_Name", "r,2026-03-01T09:00:00Z,gpt-4o"]);
        var plan = CsvFilePlan.For(mapped, ColumnMap.Parse("id=request,time=ts,model=model_name")).ShouldNotBeNull();
        plan.Columns["time"].ShouldBe(["TS"]);
        plan.Columns["user"].ShouldBeEmpty();
    }

    // Ingests the file through DuckDB's scanner into one store and line by line into another, and compares every stored column.
    private static void Compare(string log, ColumnMap map, long expectedEvents, long expectedAdded)
    {
        using var scanned = new TempStore();
        using var read = new TempStore();
        var scannedNormaliser = UsageFixture.Normaliser();
        var readNormaliser = UsageFixture.Normaliser();
        using (var engine = scanned.Open())
        {
            var result = engine.TryIngestCsv(CsvFilePlan.For(log, map).ShouldNotBeNull(), scannedNormaliser).ShouldNotBeNull();
            result.EventsRead.ShouldBe(expectedEvents);
            result.Stored.Added.ShouldBe(expectedAdded);
            engine.ExportParquet(Path.Combine(scanned.Folder, "events.parquet"));
        }

        using (var engine = read.Open())
        {
            var log2 = new ReadLog(strict: true);
            using var stream = UsageFiles.Open(log);
            var counts = engine.Ingest(new MappedReader(map).Read(stream, Path.GetFileName(log), log2).Select(readNormaliser.Normalise).ToList());
            counts.Added.ShouldBe(expectedAdded);
            engine.ExportParquet(Path.Combine(read.Folder, "events.parquet"));
        }

        scannedNormaliser.Unresolved.OrderBy(u => u.Key, StringComparer.Ordinal).ShouldBe(readNormaliser.Unresolved.OrderBy(u => u.Key, StringComparer.Ordinal));
        using var check = new DuckDBConnection("Data Source=:memory:");
        check.Open();
        using var command = check.CreateCommand();
        var a = $"read_parquet('{Path.Combine(scanned.Folder, "events.parquet")}')";
        var b = $"read_parquet('{Path.Combine(read.Folder, "events.parquet")}')";
        command.CommandText = $"""
            SELECT (SELECT count(*) FROM (SELECT * EXCLUDE (cost_listed) FROM {a} EXCEPT ALL SELECT * EXCLUDE (cost_listed) FROM {b})),
                   (SELECT count(*) FROM (SELECT * EXCLUDE (cost_listed) FROM {b} EXCEPT ALL SELECT * EXCLUDE (cost_listed) FROM {a})),
                   (SELECT count(*) FROM {a}), (SELECT count(cost_listed) FROM {b}),
                   (SELECT count(*) FROM {a} AS x JOIN {b} AS y USING (event_id)
                    WHERE (x.cost_listed IS NULL) <> (y.cost_listed IS NULL) OR abs(x.cost_listed - y.cost_listed) > 1e-12 * greatest(1, abs(y.cost_listed)))
            """;
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(0, "events the scanner stored that the reader did not");
        reader.GetInt64(1).ShouldBe(0, "events the reader stored that the scanner did not");
        reader.GetInt64(2).ShouldBe(expectedAdded);
        reader.GetInt64(3).ShouldBeGreaterThan(0, "some events should be re-costed");
        reader.GetInt64(4).ShouldBe(0, "events whose listed cost differs");
    }
}
