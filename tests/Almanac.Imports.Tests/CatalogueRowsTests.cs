using System.Text.Json;
using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Storage;
using Almanac.Tests.Imports.Readers;

namespace Almanac.Tests.Imports;

/// <summary>The rows of <c>almanac models</c> over the three real snapshots: no plan price, no shared name, no placeholder.</summary>
public sealed class CatalogueRowsTests(ImportedCatalogue catalogue) : IClassFixture<ImportedCatalogue>
{
    private IReadOnlyList<CatalogueRow> Rows()
    {
        var facts = catalogue.Store.Facts(new FactQuery(MetricIds: ModelCatalogue.Metrics, EntityKind: EntityKind.Model));
        return ModelCatalogue.Build(catalogue.Store.Entities(), facts.Select(f => new CatalogueFact(f.Fact, f.Source, f.Dataset)));
    }

    /// <summary>The models.dev providers whose own name says they sell a plan, read from the raw file.</summary>
    private static List<(string Code, string Name)> PlanProvidersByName()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("models-dev/api.json")));
        return json.RootElement.EnumerateObject()
            .Select(p => (p.Name, Name: p.Value.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty))
            .Where(p => p.Name.Contains("Plan", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("For Coding", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    [Fact]
    public void Every_provider_named_a_coding_or_token_plan_is_a_plan_and_no_other_pay_as_you_go_api_is()
    {
        var named = PlanProvidersByName();
        named.Count.ShouldBeGreaterThanOrEqualTo(15);
        named.ShouldAllBe(p => Organisations.IsPlan(p.Code));

        var providers = catalogue.ModelsDev.Records.Select(r => r.Provider!).Distinct(StringComparer.Ordinal);
        providers.Where(Organisations.IsPlan).Order(StringComparer.Ordinal)
            .ShouldBe(named.Select(p => p.Code).Append("gitlab").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_plan_price_is_kept_as_offering_plan_and_is_never_a_catalogue_list_price()
    {
        var planFacts = catalogue.Store.Facts(new FactQuery(MetricId: "price-input", EntityKind: EntityKind.Model))
            .Where(f => Organisations.IsPlan(f.Fact.Scope["provider"])).ToList();
        planFacts.ShouldNotBeEmpty();
        planFacts.ShouldAllBe(f => f.Fact.Scope["offering"] == "plan");

        var rows = Rows();
        rows.Where(r => r.InputPrice is not null).ShouldNotBeEmpty();
        foreach (var row in rows.Where(r => r.InputPrice is { Record: not null }))
        {
            var provider = row.InputPrice!.Record!.StartsWith("providers/", StringComparison.Ordinal) ? row.InputPrice.Record.Split('/')[1] : null;
            Organisations.IsPlan(provider).ShouldBeFalse($"{row.Model.Id} shows a price from {row.InputPrice.Record}");
        }

        // GLM-5.2's only models.dev price of 0 was Z.AI's coding plan's.
        var cheapest = CatalogueOrder.Apply(rows, "price").Take(20).ToList();
        cheapest.ShouldAllBe(r => r.InputPrice == null || !Organisations.IsPlan(r.InputPrice.Record!.Split('/', StringSplitOptions.None).ElementAtOrDefault(1)));
    }

    [Fact]
    public void No_two_models_in_the_catalogue_share_a_name()
    {
        var shared = Rows().GroupBy(r => r.Model.Name.En, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.Model.Id))}")
            .ToList();

        shared.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("providers/helicone/models/kimi-k2-0711", "kimi-k2")]
    [InlineData("providers/helicone/models/kimi-k2-0905", "kimi-k2")]
    [InlineData("providers/nano-gpt/models/gemini-2.5-flash-nothinking", "gemini-2-5-flash")]
    public void A_snapshot_or_a_thinking_switch_written_in_brackets_lands_on_the_model_itself(string record, string model)
    {
        catalogue.Store.Landed("models-dev")[record].ShouldBe(model);
    }

    [Fact]
    public void No_catalogue_figure_is_a_placeholder_or_impossible()
    {
        var rows = Rows();
        rows.Where(r => r.Context is not null).ShouldAllBe(r => r.Context > 0 && r.Context <= PlausibleValues.MaxContextTokens);
        rows.Where(r => r.Input is not null).ShouldAllBe(r => r.Input >= 0 && r.Input <= PlausibleValues.MaxPricePerMillionTokens);

        var stored = catalogue.Store.Facts(new FactQuery(MetricIds: ["context-window", "max-output-tokens", "price-input", "price-output"], EntityKind: EntityKind.Model));
        stored.ShouldAllBe(f => PlausibleValues.Implausible(f.Fact.MetricId, f.Fact.Value) == null);
    }

    [Fact]
    public void The_readers_drop_every_placeholder_the_raw_file_holds_and_count_it()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("models-dev/api.json")));
        var placeholders = new List<string>();
        var outputAboveContext = 0;
        foreach (var provider in json.RootElement.EnumerateObject())
        {
            foreach (var model in provider.Value.GetProperty("models").EnumerateObject())
            {
                if (!model.Value.TryGetProperty("limit", out var limit))
                {
                    continue;
                }

                var context = limit.TryGetProperty("context", out var c) ? c.GetDecimal() : (decimal?)null;
                var output = limit.TryGetProperty("output", out var o) ? o.GetDecimal() : (decimal?)null;
                if (context is 0 or 99_999_999)
                {
                    placeholders.Add($"$.{provider.Name}.models.{model.Name}");
                }

                if (context > 0 && context != 99_999_999 && context <= PlausibleValues.MaxContextTokens && output > context)
                {
                    outputAboveContext++;
                }
            }
        }

        placeholders.ShouldNotBeEmpty();
        var dropped = catalogue.ModelsDev.Dropped;
        dropped.Count(d => d.MetricId == "context-window" && d.Value is "0 tokens" or "99999999 tokens")
            .ShouldBe(placeholders.Count, string.Join("; ", dropped.Where(d => d.MetricId == "context-window").Take(3).Select(d => d.Value)));
        dropped.Count(d => d.Reason.Contains("above the record's own context", StringComparison.Ordinal)).ShouldBe(outputAboveContext);
        catalogue.ModelsDev.Records.SelectMany(r => r.Values).ShouldAllBe(v => PlausibleValues.Implausible(v.MetricId, v.Value) == null);
        catalogue.LiteLlm.Dropped.ShouldContain(d => d.MetricId == "price-input" && d.Location.Contains("wandb/", StringComparison.Ordinal));
    }
}
