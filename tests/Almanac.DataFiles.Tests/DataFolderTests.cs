using Almanac.DataFiles;
using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Tests.DataFiles;

public sealed class DataFolderTests
{
    [Fact]
    public void Reads_a_valid_folder_into_a_knowledge_base()
    {
        using var folder = DataFolderBuilder.Valid();
        var result = DataFolder.Load(folder.Root);

        result.Diagnostics.ShouldBeEmpty();
        var fact = result.Knowledge!.Facts.ShouldHaveSingleItem();
        fact.Value.Quantity.ShouldBe(Quantity.Of(5_617_000_000m, Unit.Usd));
        fact.Scope.Canonical.ShouldBe("region=world");
        fact.Origin.ShouldBe("data/facts/x.yaml:1");
        result.Knowledge.ResolveEntity("谷歌").ShouldHaveSingleItem().Id.ShouldBe("google");
        result.Fingerprint.ShouldBe(DataFolder.Fingerprint(folder.Root));
    }

    [Fact]
    public void Reads_the_status_of_a_model_announced_and_never_released()
    {
        using var folder = DataFolderBuilder.Valid().With("entities/models.yaml", UnreleasedModel);
        var result = DataFolder.Load(folder.Root);

        result.Diagnostics.ShouldBeEmpty();
        result.Knowledge!.ResolveEntity("Behemoth").ShouldHaveSingleItem().Status.ShouldBe(Entity.Unreleased);
        result.Knowledge.ResolveEntity("google").ShouldHaveSingleItem().Status.ShouldBeNull();
    }

    [Theory]
    [InlineData("kind: model", "status: withdrawn", "data/entities/models.yaml:4:11: unknown status 'withdrawn'; expected 'unreleased'")]
    [InlineData("kind: model-family", "status: unreleased", "data/entities/models.yaml:4:11: status 'unreleased' applies to a model, not a model-family")]
    public void Rejects_a_status_that_is_not_an_unreleased_model(string kind, string status, string message)
    {
        using var folder = DataFolderBuilder.Valid().With(
            "entities/models.yaml",
            UnreleasedModel.Replace("kind: model", kind, StringComparison.Ordinal).Replace("status: unreleased", status, StringComparison.Ordinal));
        var result = DataFolder.Load(folder.Root);

        result.Knowledge.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe(message);
    }

    private const string UnreleasedModel = """
        - id: behemoth
          kind: model
          name: { en: Behemoth, zh: Behemoth }
          status: unreleased
        """;

    [Fact]
    public void Names_file_line_and_column_of_an_unknown_metric()
    {
        using var folder = DataFolderBuilder.Valid().With("facts/x.yaml", DataFolderBuilder.Fact.Replace("metric: market-size", "metric: market_szie", StringComparison.Ordinal));
        var result = DataFolder.Load(folder.Root);

        result.Knowledge.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("data/facts/x.yaml:2:11: unknown metric 'market_szie'; did you mean 'market-size'?");
    }

    [Fact]
    public void Reads_how_metrics_relate_within_measured_and_additive()
    {
        using var folder = DataFolderBuilder.Valid().With("metrics.yaml", DataFolderBuilder.Metrics + """

            - id: weekly-active-users
              name: { en: weekly active users, zh: 周活用户 }
              dimension: count
              measured: instant
              within: [monthly-active-users]
            - id: monthly-active-users
              name: { en: monthly active users, zh: 月活用户 }
              dimension: count
              measured: instant
              additive: true
            """);
        var result = DataFolder.Load(folder.Root);

        result.Diagnostics.ShouldBeEmpty();
        var weekly = result.Knowledge!.Metric("weekly-active-users")!;
        weekly.Within.ShouldBe(["monthly-active-users"]);
        weekly.AtInstant.ShouldBeTrue();
        weekly.Additive.ShouldBeFalse();
        result.Knowledge.Metric("monthly-active-users")!.Additive.ShouldBeTrue();
        result.Knowledge.Metric("market-size")!.AtInstant.ShouldBeFalse();
    }

    [Fact]
    public void Names_the_position_of_an_unknown_metric_a_metric_is_within()
    {
        using var folder = DataFolderBuilder.Valid().With("metrics.yaml", DataFolderBuilder.Metrics + """

            - id: weekly-active-users
              name: { en: weekly active users, zh: 周活用户 }
              dimension: count
              measured: sometimes
              within: [market-szie]
            """);
        var result = DataFolder.Load(folder.Root);

        result.Knowledge.ShouldBeNull();
        result.Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "data/metrics.yaml:11:13: unknown measurement 'sometimes'; expected instant or period",
            "data/metrics.yaml:12:11: unknown metric 'market-szie'; did you mean 'market-size'?",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Reports_invalid_yaml_at_its_position()
    {
        using var folder = DataFolderBuilder.Valid().With("facts/x.yaml", "- entity: llm\n  metric: [unclosed\n");
        var diagnostic = DataFolder.Load(folder.Root).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Source.ShouldBe("data/facts/x.yaml");
        diagnostic.Location.Line.ShouldBe(3);
        diagnostic.Message.ShouldStartWith("invalid YAML: ");
    }

    [Fact]
    public void Rejects_nesting_too_deep_to_read_without_overflowing_the_stack()
    {
        // Deep enough to overflow the stack of a recursive reader many times over.
        var depth = 100_000;
        using var folder = DataFolderBuilder.Valid().With("facts/deep.yaml", "- entity: " + new string('[', depth) + new string(']', depth) + "\n");
        var diagnostic = DataFolder.Load(folder.Root).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Source.ShouldBe("data/facts/deep.yaml");
        diagnostic.Location.Line.ShouldBe(1);
        diagnostic.Message.ShouldBe("nesting deeper than 64 levels; data files need only a few");
    }

    [Fact]
    public void Rejects_bytes_that_are_not_utf8_where_they_sit()
    {
        var fact = System.Text.Encoding.UTF8.GetBytes(DataFolderBuilder.Fact);
        var quote = System.Text.Encoding.UTF8.GetBytes("  quote: The market");
        var at = fact.AsSpan().IndexOf(quote) + quote.Length;
        // 0xC3 opens a two-byte sequence that '(' does not continue.
        var broken = fact[..at].Concat(new byte[] { 0xC3, 0x28 }).Concat(fact[at..]).ToArray();
        using var folder = DataFolderBuilder.Valid().WithBytes("facts/x.yaml", broken);

        var result = DataFolder.Load(folder.Root);

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Source.ShouldBe("data/facts/x.yaml");
        diagnostic.Location.Line.ShouldBe(9);
        diagnostic.Location.Column.ShouldBe("  quote: The market".Length + 1);
        diagnostic.Message.ShouldBe("the file is not valid UTF-8 here (save it as UTF-8)");
        result.Knowledge.ShouldBeNull();
    }

    [Theory]
    [InlineData("unit: USD", "unit: USDD", "unknown unit 'USDD'")]
    [InlineData("unit: USD", "unit: percent", "unit 'percent' measures percent, but metric 'market-size' is currency")]
    [InlineData("value: 5.617e9", "value: lots", "'value' must be a number such as 5.617e9, not 'lots'")]
    [InlineData("period: \"2024\"", "period: \"2024-Q5\"", "cannot read period '2024-Q5'")]
    [InlineData("source: report", "source: rapport", "unknown source 'rapport'; did you mean 'report'?")]
    [InlineData("obtained: estimated", "obtained: guessed", "unknown 'obtained' value 'guessed'")]
    [InlineData("scope: { region: world }", "scope: { region: wrld }", "unknown region 'wrld'; did you mean 'world'?")]
    [InlineData("scope: { region: world }", "scope: { regoin: world }", "unknown scope key 'regoin'")]
    [InlineData("quote:", "qoute:", "unknown field 'qoute' in a fact")]
    [InlineData("value: 5.617e9", "value: [9, 5]", "range low 9 is above its high 5")]
    public void Rejects_a_bad_fact_with_what_was_expected(string good, string bad, string message)
    {
        using var folder = DataFolderBuilder.Valid().With("facts/x.yaml", DataFolderBuilder.Fact.Replace(good, bad, StringComparison.Ordinal));
        var result = DataFolder.Load(folder.Root);

        result.Knowledge.ShouldBeNull();
        result.Diagnostics.ShouldContain(d => d.Message.StartsWith(message, StringComparison.Ordinal) && d.Source == "data/facts/x.yaml" && d.Location.Line > 0 && d.Location.Column > 0);
    }

    [Fact]
    public void Rejects_a_fact_stated_twice()
    {
        using var folder = DataFolderBuilder.Valid().With("facts/y.yaml", DataFolderBuilder.Fact);
        var diagnostic = DataFolder.Load(folder.Root).Diagnostics.ShouldHaveSingleItem();

        diagnostic.ToString().ShouldBe("data/facts/y.yaml:1:3: duplicate fact: the same figure is already stated at data/facts/x.yaml:1");
    }

    [Fact]
    public void Rejects_duplicate_ids_and_shared_aliases()
    {
        using var folder = DataFolderBuilder.Valid().With("entities/more.yaml", """
            - id: google
              kind: organisation
              name: Google again
            - id: alphabet
              kind: organisation
              name: { en: Alphabet, zh: 谷歌 }
            """);
        var messages = DataFolder.Load(folder.Root).Diagnostics.Select(d => d.ToString()).ToList();

        messages.ShouldContain("data/entities/more.yaml:1:7: duplicate entity id 'google' (first defined at data/entities/all.yaml:1)");
        messages.ShouldContain(m => m.StartsWith("data/entities/more.yaml:4:3: entity 'alphabet': name or alias '谷歌' already names entity 'google'", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_a_source_without_a_date_or_a_web_address()
    {
        using var folder = DataFolderBuilder.Valid().With("sources/all.yaml", """
            - id: report
              publisher: Example Research
              title: LLM market report
              url: example.org/report
              kind: primary
            """);
        var messages = DataFolder.Load(folder.Root).Diagnostics.Select(d => d.ToString()).ToList();

        messages.ShouldContain("data/sources/all.yaml:1:3: source has no 'published' date");
        messages.ShouldContain("data/sources/all.yaml:4:8: 'url' must be an absolute http(s) address, not 'example.org/report'");
    }

    [Fact]
    public void A_missing_metrics_file_is_reported()
    {
        using var folder = new DataFolderBuilder();
        DataFolder.Load(folder.Root).Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("data/metrics.yaml:1:1: missing: a data folder needs metrics.yaml");
    }

    [Fact]
    public void The_fingerprint_changes_with_any_byte()
    {
        using var folder = DataFolderBuilder.Valid();
        var before = DataFolder.Fingerprint(folder.Root);
        folder.With("facts/x.yaml", DataFolderBuilder.Fact.Replace("5.617e9", "5.618e9", StringComparison.Ordinal));

        DataFolder.Fingerprint(folder.Root).ShouldNotBe(before);
    }
}
