using Almanac.Catalogue;
using Almanac.Imports;
using Almanac.Knowledge;
using Almanac.Storage;

namespace Almanac.Tests.Imports;

public sealed class DatasetImporterTests(ImportedCatalogue catalogue) : IClassFixture<ImportedCatalogue>
{
    [Theory]
    [InlineData("models-dev")]
    [InlineData("litellm")]
    [InlineData("epoch")]
    public void Every_record_lands_on_one_model_or_is_listed_as_unresolved_with_a_reason(string dataset)
    {
        var snapshot = dataset switch { "models-dev" => catalogue.ModelsDev, "litellm" => catalogue.LiteLlm, _ => catalogue.Epoch };
        var landed = catalogue.Store.Landed(dataset);
        var unresolved = catalogue.Store.Unresolved(dataset).ToDictionary(u => u.RecordKey, StringComparer.Ordinal);
        var entities = catalogue.Store.Entities().Where(e => e.Kind == EntityKind.Model).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

        landed.Count.ShouldBeGreaterThan(0);
        foreach (var record in snapshot.Records)
        {
            var onModel = landed.TryGetValue(record.Key, out var model);
            (onModel ^ unresolved.ContainsKey(record.Key)).ShouldBeTrue($"{record.Key} must be either on a model or unresolved");
            if (onModel)
            {
                entities.ShouldContain(model!);
            }
            else
            {
                unresolved[record.Key].Reason.ShouldNotBeNullOrWhiteSpace();
            }
        }

        // Each current fact cites a record that landed on the fact's model (later imports move facts whose record lands elsewhere).
        var current = catalogue.Store.Facts(new FactQuery(EntityKind: EntityKind.Model)).Where(f => f.Dataset == dataset).ToList();
        current.Count.ShouldBeGreaterThan(0);
        current.ShouldAllBe(f => landed[f.Fact.Origin!] == f.Fact.EntityId);
    }

    [Fact]
    public void Under_five_percent_of_models_dev_first_party_entries_are_unresolved()
    {
        var firstParty = catalogue.Batches["models-dev"].Facts
            .Where(f => f.Scope["offering"] == "first-party").Select(f => f.Origin).Distinct().Count();
        var unresolvedFirstParty = catalogue.Batches["models-dev"].Unresolved
            .Count(u => Organisations.ServesOwnModelsOnly(u.Provider));

        firstParty.ShouldBeGreaterThan(400);
        ((double)unresolvedFirstParty / (firstParty + unresolvedFirstParty)).ShouldBeLessThan(0.05);
    }

    // Well-known models, and which of the three datasets hold them in these snapshots.
    [Theory]
    [InlineData("claude-3-5-sonnet", "models-dev", "litellm", "epoch")]
    [InlineData("gpt-4o", "models-dev", "litellm", "epoch")]
    [InlineData("llama-3-1-405b", "models-dev", "litellm", "epoch")]
    [InlineData("qwen2-5-72b", "models-dev", "litellm", "epoch")]
    [InlineData("deepseek-v3", "models-dev", "litellm", "epoch")]
    [InlineData("mixtral-8x7b", "models-dev", "litellm", "epoch")]
    [InlineData("glm-4-5", "models-dev", "litellm", "epoch")]
    [InlineData("kimi-k2", "models-dev", "litellm", "epoch")]
    [InlineData("gemini-1-5-pro", "epoch")]
    public void A_well_known_model_is_one_canonical_model_carrying_every_datasets_facts(string model, params string[] datasets)
    {
        var facts = catalogue.Store.Facts(new FactQuery(EntityIds: [model]));

        facts.Select(f => f.Dataset).OfType<string>().Distinct().Order().ShouldBe(datasets.Order());
    }

    [Fact]
    public void Claude_3_5_sonnet_keeps_first_party_and_reseller_prices_apart()
    {
        var prices = catalogue.Store.Facts(new FactQuery(EntityIds: ["claude-3-5-sonnet"], MetricId: "price-input"))
            .Where(f => f.Dataset == "models-dev").ToList();

        var anthropic = prices.Where(f => f.Fact.Scope["provider"] == "anthropic").ShouldHaveSingleItem();
        anthropic.Fact.Scope["offering"].ShouldBe("first-party");
        anthropic.Fact.Value.Quantity!.Value.Value.ShouldBe(3m);
        anthropic.Fact.Origin.ShouldBe("providers/anthropic/models/claude-3-5-sonnet-20240620");
        anthropic.Source.Published.ShouldBe(new DateOnly(2026, 7, 2));
        prices.Where(f => f.Fact.Scope["offering"] == "reseller").ShouldNotBeEmpty();
    }

    [Fact]
    public void Keeps_both_sides_of_the_deepseek_chat_price_disagreement()
    {
        var facts = catalogue.Store.Facts(new FactQuery(EntityIds: ["deepseek-chat"]));
        var conflicts = ConflictFinder.Find(facts.Select(f => new Statement(f.Fact, f.Source)), catalogue.Store.Metrics());

        var price = conflicts.Single(c => c.MetricId == "price-input" && c.Scope["provider"] == "deepseek");
        price.Statements.Select(s => (s.Source.Publisher, s.Fact.Value.Quantity!.Value.Value))
            .ShouldBe([("models.dev", 0.14m), ("BerriAI (LiteLLM)", 0.28m)], ignoreOrder: true);
        conflicts.ShouldContain(c => c.MetricId == "context-window" && c.Scope["provider"] == "deepseek");
    }

    [Fact]
    public void Importing_the_same_snapshot_again_adds_nothing()
    {
        var again = catalogue.Store.Import(
            DatasetImporter.Prepare([catalogue.Epoch], catalogue.Store.CuratedEntities(), ImportedCatalogue.Earlier(catalogue.Store), catalogue.Store.Landed("epoch"), catalogue.Store.Records()),
            ImportedCatalogue.ImportedAt.AddDays(1));

        again.Added.ShouldBe(0);
        again.Unchanged.ShouldBe(catalogue.Summaries["epoch"].Added);
        again.NewEntities.ShouldBe(0);
    }

    [Fact]
    public void As_of_a_date_before_a_snapshot_leaves_its_facts_out()
    {
        var before = catalogue.Store.Facts(new FactQuery(EntityIds: ["deepseek-chat"], AsOf: new DateOnly(2026, 7, 10)));

        before.ShouldNotBeEmpty();
        before.ShouldAllBe(f => f.Dataset != "litellm");
        before.ShouldContain(f => f.Dataset == "models-dev");
    }

    [Fact]
    public void An_epoch_only_model_shows_its_parameter_count_in_the_catalogue()
    {
        var facts = catalogue.Store.Facts(new FactQuery(MetricIds: ModelCatalogue.Metrics, EntityKind: EntityKind.Model));
        var rows = ModelCatalogue.Build(catalogue.Store.Entities(), facts.Select(f => new CatalogueFact(f.Fact, f.Source, f.Dataset)));

        var epochOnly = rows.Where(r => r.Publishers.SequenceEqual(["Epoch AI"]) && r.Parameters is not null).ToList();
        epochOnly.Count.ShouldBeGreaterThan(50);
        var chinchilla = rows.Single(r => r.Model.Name.En == "Chinchilla");
        chinchilla.Parameters!.Value.Quantity!.Value.Value.ShouldBe(70_000_000_000m);
        chinchilla.Parameters.Dataset.ShouldBe("epoch");
    }
}
