using Almanac.Knowledge;
using Almanac.Knowledge.Imports;
using Almanac.Periods;
using Almanac.Quantities;
using Almanac.Storage;

namespace Almanac.Tests.Storage;

/// <summary>
/// What every store must do, run against each real backend: a SQLite file and a PostgreSQL server.
/// </summary>
public abstract class KnowledgeStoreContract : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    private readonly List<IKnowledgeStore> _opened = [];

    /// <summary>Opens the same, initially empty, store each time it is called within one test.</summary>
    protected abstract IKnowledgeStore OpenStore();

    private IKnowledgeStore Open()
    {
        var store = OpenStore();
        _opened.Add(store);
        return store;
    }

    [Fact]
    public void Creates_its_schema_on_first_use()
    {
        var store = Open();
        store.SchemaVersion().ShouldBe(6);
        store.LoadedFingerprint().ShouldBeNull();
        store.Facts(new FactQuery()).ShouldBeEmpty();
    }

    [Fact]
    public void Stores_facts_with_their_sources_and_exact_values()
    {
        var store = Open();
        var summary = store.Load(SampleKnowledge.With(SampleKnowledge.Share, SampleKnowledge.Valuation, SampleKnowledge.Mixtral, SampleKnowledge.Release), "fp1", "test", Monday);

        summary.Added.ShouldBe(4);
        var facts = Open().Facts(new FactQuery(EntityIds: ["anthropic"]));
        facts.Select(f => f.Fact.MetricId).ShouldBe(["market-share", "valuation"]);
        var share = facts[0];
        share.Fact.ShouldBe(SampleKnowledge.Share with { Origin = null });
        share.Fact.Value.Quantity!.Value.Value.ShouldBe(32m);
        share.Source.ShouldBe(SampleKnowledge.Menlo);
        share.RecordedAt.ShouldBe(Monday);
        facts[1].Fact.Value.Quantity!.Value.Value.ShouldBe(183_000_000_000m);

        var mixtral = Open().Facts(new FactQuery(EntityIds: ["mixtral-8x7b"]));
        mixtral.Single(f => f.Fact.MetricId == "parameters-total").Fact.Value.Quantity.ShouldBe(Quantity.Range(46_700_000_000m, 47_000_000_000m, Unit.Parameters, Qualifier.About));
        mixtral.Single(f => f.Fact.MetricId == "release-date").Fact.Value.Date.ShouldBe(new DateOnly(2023, 12, 11));
        Open().LoadedFingerprint().ShouldBe("fp1");
    }

    [Fact]
    public void Its_generation_grows_with_every_committed_load_seen_from_another_connection()
    {
        var writer = Open();
        var reader = Open();
        var empty = reader.Generation();

        writer.Load(SampleKnowledge.With(SampleKnowledge.Share), "fp1", "test", Monday);
        var loaded = reader.Generation();
        writer.Load(SampleKnowledge.With(SampleKnowledge.Share, SampleKnowledge.Valuation), "fp2", "test", Tuesday);

        loaded.ShouldBeGreaterThan(empty);
        reader.Generation().ShouldBeGreaterThan(loaded);
    }

    [Fact]
    public void Loading_the_same_data_twice_adds_nothing()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(SampleKnowledge.Share, SampleKnowledge.Valuation), "fp1", "test", Monday);
        var again = store.Load(SampleKnowledge.With(SampleKnowledge.Share, SampleKnowledge.Valuation), "fp1", "test", Tuesday);

        again.ShouldBe(new LoadSummary(0, 2, 0, 4, 6, 2));
        store.Facts(new FactQuery(IncludeRetracted: true)).Count.ShouldBe(2);
    }

    [Fact]
    public void A_changed_fact_is_added_and_the_old_one_kept_as_retracted()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(SampleKnowledge.Share), "fp1", "test", Monday);
        var corrected = SampleKnowledge.Share with { Value = FactValue.Of(Quantity.Of(33m, Unit.Percent)) };
        var summary = store.Load(SampleKnowledge.With(corrected), "fp2", "test", Tuesday);

        summary.Added.ShouldBe(1);
        summary.Retracted.ShouldBe(1);
        store.Facts(new FactQuery()).Single().Fact.Value.Quantity!.Value.Value.ShouldBe(33m);
        var history = store.Facts(new FactQuery(IncludeRetracted: true));
        history.Count.ShouldBe(2);
        history.Single(f => f.RetractedAt is not null).Fact.Value.Quantity!.Value.Value.ShouldBe(32m);
        history.Single(f => f.RetractedAt is not null).RetractedAt.ShouldBe(Tuesday);
    }

    [Fact]
    public void As_of_a_date_shows_only_what_had_been_published()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(SampleKnowledge.Share, SampleKnowledge.Valuation), "fp1", "test", Monday);

        store.Facts(new FactQuery(AsOf: new DateOnly(2025, 8, 1))).Select(f => f.Fact.MetricId).ShouldBe(["market-share"]);
        store.Facts(new FactQuery(AsOf: new DateOnly(2025, 9, 2))).Count.ShouldBe(2);
        store.Facts(new FactQuery(AsOf: new DateOnly(2025, 7, 30))).ShouldBeEmpty();
    }

    [Fact]
    public void Filters_by_metric_and_by_period()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(SampleKnowledge.Share, SampleKnowledge.Valuation, SampleKnowledge.Mixtral), "fp1", "test", Monday);

        store.Facts(new FactQuery(MetricId: "valuation")).Single().Fact.ShouldBe(SampleKnowledge.Valuation with { Origin = null });
        store.Facts(new FactQuery(Within: Periods.Period.Half(2025, 1))).Single().Fact.MetricId.ShouldBe("market-share");
        store.Facts(new FactQuery(Within: Periods.Period.Year(2023))).Single().Fact.EntityId.ShouldBe("mixtral-8x7b");
    }

    [Fact]
    public void A_load_that_fails_midway_leaves_the_store_unchanged()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(SampleKnowledge.Share), "fp1", "test", Monday);

        // A fact about an entity the knowledge base does not define breaks a foreign key after
        // the definitions and earlier facts were written: the whole load must roll back.
        var orphan = SampleKnowledge.Valuation with { EntityId = "no-such-entity" };
        Should.Throw<Exception>(() => store.Load(SampleKnowledge.With(SampleKnowledge.Mixtral, orphan), "fp2", "test", Tuesday));

        var reopened = Open();
        reopened.LoadedFingerprint().ShouldBe("fp1");
        reopened.Facts(new FactQuery(IncludeRetracted: true)).Select(f => f.Fact).ShouldBe([SampleKnowledge.Share with { Origin = null }]);
    }

    [Fact]
    public void Keeps_entity_and_metric_names_in_both_languages()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(), "fp1", "test", Monday);

        var names = new KnowledgeBase(store.Entities(), store.Metrics(), [], []);
        names.ResolveEntity("谷歌").Single().Id.ShouldBe("google");
        names.ResolveEntity("安索普").Single().Id.ShouldBe("anthropic");
        names.ResolveEntity("mixtral 8x7b").Single().Id.ShouldBe("mixtral-8x7b");
        names.ResolveMetric("市场份额")!.Id.ShouldBe("market-share");
        names.ResolveMetric("份额")!.Id.ShouldBe("market-share");
    }

    [Fact]
    public void Keeps_the_records_of_an_import_and_moves_the_facts_of_a_record_that_lands_elsewhere()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(SampleKnowledge.Share), "fp1", "test", Monday);
        var batch = SampleKnowledge.Import("2026-07-02");
        const string Key = "providers/anthropic/models/claude-3-5-sonnet-20240620";
        store.Import(batch with { Records = [new Catalogue.DatasetRecord(Key, "claude-3-5-sonnet-20240620", "Claude Sonnet 3.5", "anthropic", null, [], "$.anthropic")] }, Monday);

        var kept = store.Records().ShouldHaveSingleItem();
        (kept.Dataset, kept.Record.Key, kept.Record.ModelName, kept.Record.Provider).ShouldBe(("models-dev", Key, "Claude Sonnet 3.5", "anthropic"));

        // Another dataset's import finds the record lands on another model, as a reseller's offering.
        var moved = new Entity("claude-sonnet-3-5", EntityKind.Model, new LocalizedName("Claude Sonnet 3.5", null), []);
        var other = new ImportBatch("litellm", "v1", batch.Sources, [moved], [], [], [], [])
        {
            Relanded = [new LandedRecord(Key, moved.Id, "models-dev", "reseller")],
        };
        var summary = store.Import(other, Tuesday);

        summary.Moved.ShouldBe(2);
        store.Landed("models-dev")[Key].ShouldBe(moved.Id);
        store.Facts(new FactQuery(EntityIds: ["claude-3-5-sonnet"])).ShouldBeEmpty();
        var now = store.Facts(new FactQuery(EntityIds: [moved.Id]));
        now.Select(f => f.Fact.Value.Quantity!.Value.Value).ShouldBe([3m, 15m], ignoreOrder: true);
        now.ShouldAllBe(f => f.Fact.Scope["provider"] == "anthropic" && f.Fact.Origin == Key && f.RetractedAt == null);
        var history = store.Facts(new FactQuery(EntityIds: ["claude-3-5-sonnet"], IncludeRetracted: true));
        history.Count.ShouldBe(2);
        history.ShouldAllBe(f => f.RetractedAt == Tuesday);

        // The same landing again moves nothing.
        store.Import(other, Tuesday.AddDays(1)).Moved.ShouldBe(0);
    }

    [Fact]
    public void Imports_a_snapshot_once_and_keeps_its_facts_apart_from_curated_ones()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(SampleKnowledge.Share), "fp1", "test", Monday);
        var batch = SampleKnowledge.Import("2026-07-02");

        var first = store.Import(batch, Monday);
        var again = Open().Import(batch, Tuesday);

        first.ShouldBe(new ImportSummary(Added: 2, Unchanged: 0, NewEntities: 1, Unresolved: 1));
        again.ShouldBe(new ImportSummary(Added: 0, Unchanged: 2, NewEntities: 0, Unresolved: 1));
        var prices = store.Facts(new FactQuery(EntityIds: ["claude-3-5-sonnet"]));
        prices.Select(f => f.Fact.Value.Quantity!.Value.Value).ShouldBe([3m, 15m], ignoreOrder: true);
        prices.ShouldAllBe(f => f.Dataset == "models-dev" && f.Source.Id == "models-dev-2026-07-02");
        prices.Select(f => f.Fact.Origin).Distinct().ShouldBe(["providers/anthropic/models/claude-3-5-sonnet-20240620"]);
        new KnowledgeBase(store.Entities(), store.Metrics(), [], []).ResolveEntity("claude-3-5-sonnet-20240620").Single().Id.ShouldBe("claude-3-5-sonnet");
        store.Unresolved().ShouldHaveSingleItem().Reason.ShouldBe("no model name");

        // A curated reload neither retracts imported facts nor drops imported names.
        store.Load(SampleKnowledge.With(SampleKnowledge.Share, SampleKnowledge.Valuation), "fp2", "test", Tuesday);
        store.Facts(new FactQuery(EntityIds: ["claude-3-5-sonnet"])).Count.ShouldBe(2);
        new KnowledgeBase(store.Entities(), store.Metrics(), [], []).ResolveEntity("claude-3-5-sonnet-20240620").ShouldHaveSingleItem();
    }

    [Fact]
    public void A_newer_snapshot_adds_dated_facts_and_as_of_returns_what_was_known_then()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(), "fp1", "test", Monday);
        store.Import(SampleKnowledge.Import("2026-07-02"), Monday);
        store.Import(SampleKnowledge.Import("2026-09-01", inputPrice: 2.5m), Tuesday);

        store.Facts(new FactQuery(EntityIds: ["claude-3-5-sonnet"], MetricId: "price-input", AsOf: new DateOnly(2026, 8, 1)))
            .Single().Fact.Value.Quantity!.Value.Value.ShouldBe(3m);
        store.Facts(new FactQuery(EntityIds: ["claude-3-5-sonnet"], MetricId: "price-input"))
            .Select(f => f.Fact.Value.Quantity!.Value.Value).ShouldBe([3m, 2.5m]);
    }

    [Fact]
    public void A_failed_import_leaves_the_store_unchanged()
    {
        var store = Open();
        store.Load(SampleKnowledge.With(), "fp1", "test", Monday);
        var batch = SampleKnowledge.Import("2026-07-02");
        var broken = batch with { Facts = [.. batch.Facts, batch.Facts[0] with { EntityId = "no-such-model", Origin = "x" }] };

        Should.Throw<Exception>(() => store.Import(broken, Monday));

        var reopened = Open();
        reopened.Facts(new FactQuery()).ShouldBeEmpty();
        reopened.Entities().ShouldNotContain(e => e.Id == "claude-3-5-sonnet");
        reopened.Unresolved().ShouldBeEmpty();
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        Cleanup();
        GC.SuppressFinalize(this);
    }

    protected virtual void Cleanup()
    {
    }
}
