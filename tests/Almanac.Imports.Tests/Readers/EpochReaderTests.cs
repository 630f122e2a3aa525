using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Imports;
using Almanac.Imports.Readers;

namespace Almanac.Tests.Imports.Readers;

public sealed class EpochReaderTests
{
    private const string Header = "Model,Organization,Publication date,Domain,Parameters,Parameters notes,Training compute (FLOP),Training dataset size (datapoints),Model accessibility,Country (from Organization)";

    private static readonly Lazy<DatasetSnapshot> Notable = new(() =>
        SharedData.Read("epoch-ai/notable_ai_models_2026-01.csv", (s, f) => EpochReader.Read(s, f)));

    private static readonly Lazy<DatasetSnapshot> All = new(() =>
        SharedData.Read("epoch-ai/all_ai_models_2025-03.csv", (s, f) => EpochReader.Read(s, f)));

    private static DatasetSnapshot Read(string csv) =>
        SharedData.ReadText(csv, "epoch_2026-01.csv", (s, f) => EpochReader.Read(s, f));

    private static Diagnostic Fails(string csv) =>
        SharedData.FailsOn(csv, "epoch_2026-01.csv", (s, f) => EpochReader.Read(s, f));

    [Fact]
    public void Reads_the_language_models_of_the_notable_models_table()
    {
        var snapshot = Notable.Value;

        snapshot.Records.Count.ShouldBe(484);
        snapshot.Dataset.ShouldBe("epoch");
        snapshot.Date.ShouldBe(new DateOnly(2026, 1, 1));
        snapshot.Version.ShouldBe("notable_ai_models_2026-01");
        snapshot.Licence.ShouldBe("CC BY 4.0");
        snapshot.Records.ShouldNotContain(r => r.Key == "AlphaFold 3");
    }

    [Fact]
    public void Reads_the_language_models_of_the_all_models_table_with_its_other_columns()
    {
        var snapshot = All.Value;

        snapshot.Records.Count.ShouldBe(1041);
        snapshot.Date.ShouldBe(new DateOnly(2025, 3, 1));
        var record = snapshot.Record("DeepSeek-V3");
        record.Amount("training-compute").ShouldBe(4.56e24m);
        record.Amount("training-dataset-size").ShouldBe(14_800_000_000_000m);
        record.Value("country").ShouldBe("China");
    }

    [Fact]
    public void Reads_deepseek_v3_exactly()
    {
        var record = Notable.Value.Record("DeepSeek-V3");

        record.ModelId.ShouldBe("DeepSeek-V3");
        record.ModelName.ShouldBe("DeepSeek-V3");
        record.Provider.ShouldBeNull();
        record.Organization.ShouldBe("DeepSeek");
        record.Value("release-date").ShouldBe("2024-12-24");
        record.Value("parameters-total").ShouldBe("671000000000 parameters");
        record.Amount("training-compute").ShouldBe(3_407_800_000_000_000_000_000_000m);
        record.Value("training-dataset-size").ShouldBe("14800000000000 count");
        record.Value("accessibility").ShouldBe("Open weights (restricted use)");
        record.Value("country").ShouldBe("China");
        record.Value("developer").ShouldBe("DeepSeek");
    }

    [Fact]
    public void Collapses_new_lines_in_names_and_takes_active_parameters_from_a_plain_note()
    {
        // Written "Solar Open 100B\n" with the note "102B, of which 12B active\n".
        var record = Notable.Value.Record("Solar Open 100B");

        record.Amount("parameters-total").ShouldBe(102_000_000_000m);
        record.Amount("parameters-active").ShouldBe(12_000_000_000m);
        record.Value("country").ShouldBe("Korea (Republic of)");
    }

    [Fact]
    public void Keeps_the_first_organisation_and_each_country_once()
    {
        var record = Notable.Value.Record("GLM-4.6");

        record.Organization.ShouldBe("Z.ai (Zhipu AI)");
        record.Value("developer").ShouldBe("Z.ai (Zhipu AI),Tsinghua University");
        record.Value("country").ShouldBe("China");
    }

    [Fact]
    public void Leaves_out_active_parameters_that_a_note_only_implies() =>
        Notable.Value.Record("Grok-1").Value("parameters-active").ShouldBeNull();

    [Theory]
    [InlineData("102B, of which 12B active\n", 12e9)]
    [InlineData("355 billion total parameters with 32 billion active parameters", 32e9)]
    [InlineData("21B active params, 236B total", 21e9)]
    [InlineData("132B mixture of experts. 36B parameters active per inference", 36e9)]
    [InlineData("\"Llama 4 Maverick models have 17B active parameters and 400B total parameters.\"", 17e9)]
    [InlineData("Similarly to GLM 4.5: 355 billion total parameters (reported) with 32 billion active parameters (assumed)", null)]
    [InlineData("we suspect total parameter count around 60B-120B, active parameters around 10B-30B", null)]
    [InlineData("\"314B parameter Mixture-of-Experts model with 25% of the weights active on a given token\"", null)]
    [InlineData("MoE:\ntotal parameters - 424B\nactive parameters - 47B", null)]
    [InlineData("12B active in one mode, 20B active in another", null)]
    public void Reads_active_parameters_only_from_a_plain_statement(string note, double? active) =>
        EpochReader.ActiveParameters(note).ShouldBe(active is null ? null : (decimal)active.Value);

    [Fact]
    public void Reads_quoted_cells_and_numbers_as_written()
    {
        var snapshot = Read($"""
            {Header}
            "Model ""X""
            large",Acme,2025-06-01,"Multimodal,Language",6.71e+11,,2.700000000000001e+25,"14180000,14180000",API access,"United States of America,United States of America"
            Y,Acme,2025-06,Language,1000.0,,,"2260275840,2290000001",,
            Z,Acme,,Vision,abc,,,,,
            """);

        snapshot.Records.Select(r => r.Key).ShouldBe(["Model \"X\" large", "Y"]);
        var x = snapshot.Records[0];
        x.Value("parameters-total").ShouldBe("671000000000 parameters");
        x.Amount("training-compute").ShouldBe(27_000_000_000_000_010_000_000_000m);
        x.Amount("training-dataset-size").ShouldBe(14_180_000m);
        x.Value("country").ShouldBe("United States of America");
        x.Location.ShouldBe("line 2");
        var y = snapshot.Records[1];
        y.Value("release-date").ShouldBe("2025-06-01");
        y.Value("parameters-total").ShouldBe("1000 parameters");
        y.Value("training-dataset-size").ShouldBeNull();
        y.Location.ShouldBe("line 4");
    }

    [Fact]
    public void A_publication_date_naming_no_calendar_day_is_counted_as_dropped_where_it_was()
    {
        var snapshot = Read($"""
            {Header}
            X,Acme,2025-13-45,Language,1000.0,,,,,
            """);

        snapshot.Records.Single().Value("release-date").ShouldBeNull();
        snapshot.Dropped.ShouldBe([new DroppedValue("line 2, column 'Publication date'", "release-date", "2025-13-45", "names no calendar day")]);
    }

    [Fact]
    public void Names_a_missing_required_column_and_the_columns_found()
    {
        var error = Fails("Name,Organization,Publication date,Domain\nX,Acme,2025-01-01,Language\n");

        error.ToString().ShouldBe("epoch_2026-01.csv:1: missing required column 'Model'; found: Name, Organization, Publication date, Domain");
    }

    [Fact]
    public void Names_the_line_and_column_of_a_bad_number()
    {
        var error = Fails($"{Header}\n\"A\nB\",Acme,2025-01-01,Language,1e9,,,,,\nC,Acme,2025-01-01,Language,abc,,,,,\n");

        error.Location.ShouldBe(DiagnosticLocation.At(4, Array.IndexOf(Header.Split(','), "Parameters") + 1));
        error.Message.ShouldBe("'Parameters': expected a number, found 'abc'");
    }

    [Theory]
    [InlineData("X,Acme,01/02/2025,Language,,,,,,", 2, "Publication date", "expected a date YYYY-MM-DD, found '01/02/2025'")]
    [InlineData("X,Acme,2025-01-01,Language,-5,,,,,", 2, "Parameters", "expected a number not below zero, found '-5'")]
    [InlineData("X,Acme,2025-01-01,Language,,,1e40,,,", 2, "Training compute (FLOP)", "expected a number within ±7.9e28, found '1e40'")]
    [InlineData("X,Acme,2025-01-01,Language,,,,\"5,x\",,", 2, "Training dataset size (datapoints)", "expected a number, found '5,x'")]
    [InlineData(" ,Acme,2025-01-01,Language,,,,,,", 2, "Model", "expected a model name, found an empty cell")]
    [InlineData("X,Acme,2025-01-01,Language,,", 2, null, "expected 10 fields as in the header, found 6")]
    [InlineData("X,Acme,2025-01-01,Language,,,,,,\nX ,Acme,2025-02-01,Language,,,,,,", 3, "Model", "model 'X' is listed twice (also on line 2)")]
    public void Names_the_line_and_what_was_expected(string rows, int line, string? column, string message)
    {
        var error = Fails($"{Header}\n{rows}\n");

        error.Location.ShouldBe(column is null ? DiagnosticLocation.AtLine(line) : DiagnosticLocation.At(line, Array.IndexOf(Header.Split(','), column) + 1));
        error.Message.ShouldBe(column is null ? message : $"'{column}': {message}");
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        var error = Fails(string.Empty);

        error.Location.ToString().ShouldBe("line 1");
        error.Message.ShouldBe("the file is empty; expected a header row with the columns 'Model', 'Organization', 'Publication date', 'Domain'");
    }

    [Fact]
    public void Reports_a_quote_left_open_at_the_end_of_a_truncated_file()
    {
        const string Row = "X,Acme,2025-01-01,Language,,\"unfinished note";
        var error = Fails($"{Header}\n{Row}");

        error.ToString().ShouldBe($"epoch_2026-01.csv:2:{Row.IndexOf('"', StringComparison.Ordinal) + 1}: a quoted cell opens here and is never closed (expected a closing quote before the end of the file)");
    }

    [Fact]
    public void Dates_the_snapshot_by_the_file_name_unless_the_caller_says_otherwise()
    {
        const string csv = "Model,Organization,Publication date,Domain\n";
        using var undated = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        using var given = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));

        Should.Throw<DiagnosticException>(() => EpochReader.Read(undated, "epoch.csv")).Diagnostic.Location.ToString().ShouldBe("snapshot date");
        EpochReader.Read(given, "epoch.csv", new SnapshotInfo { Date = new DateOnly(2026, 2, 3) }).Date.ShouldBe(new DateOnly(2026, 2, 3));
        EpochReader.DateFromFileName("all_ai_models_2025-03.csv").ShouldBe(new DateOnly(2025, 3, 1));
        EpochReader.DateFromFileName("ai_models_2025-03-17.csv").ShouldBe(new DateOnly(2025, 3, 17));
        Should.Throw<DiagnosticException>(() => EpochReader.DateFromFileName("ai_models_2025-13.csv")).Diagnostic.Location.ToString().ShouldBe("file name");
    }
}
