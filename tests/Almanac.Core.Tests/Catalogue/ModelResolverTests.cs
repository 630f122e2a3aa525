using Almanac.Catalogue;
using Almanac.Knowledge;

namespace Almanac.Tests.Catalogue;

/// <summary><see cref="ModelResolver"/> on small hand-made inputs: one behaviour a test.</summary>
public class ModelResolverTests
{
    private static readonly Entity[] Curated =
    [
        new("anthropic", EntityKind.Organisation, new LocalizedName("Anthropic", null), []),
        new("openai", EntityKind.Organisation, new LocalizedName("OpenAI", null), []),
        new("meta", EntityKind.Organisation, new LocalizedName("Meta", null), []),
        new("claude", EntityKind.ModelFamily, new LocalizedName("Claude", null), [], "anthropic", "anthropic"),
        new("claude-3-5-sonnet", EntityKind.Model, new LocalizedName("Claude 3.5 Sonnet", null),
            ["Claude Sonnet 3.5", "claude-3-5-sonnet-20240620", "claude-3-5-sonnet-20241022"], "claude", "anthropic"),
        new("claude-3-7-sonnet", EntityKind.Model, new LocalizedName("Claude 3.7 Sonnet", null), [], "claude", "anthropic"),
        new("llama-3-3", EntityKind.ModelFamily, new LocalizedName("Llama 3.3", null), [], "meta", "meta"),
        new("llama-3-3-70b", EntityKind.Model, new LocalizedName("Llama 3.3 70B", null), [], "llama-3-3", "meta"),
        new("gpt-4o", EntityKind.Model, new LocalizedName("GPT-4o", null), [], null, "openai"),
        new("twin-a", EntityKind.Model, new LocalizedName("Twin A", null), ["Twin"], null, "openai"),
        new("twin-b", EntityKind.Model, new LocalizedName("Twin B", null), ["Twin"], null, "openai"),
        new("gpt-4o-mini-app", EntityKind.Product, new LocalizedName("Some product", null), []),
    ];

    private static DatasetRecord Record(string id, string? name = null, string? provider = null, string? organisation = null) =>
        new(id, id, name, provider, organisation, [], id);

    private static ModelResolution Resolve(params SourcedRecord[] records) => new ModelResolver(Curated).Resolve(records);

    [Fact]
    public void A_dated_api_id_lands_on_the_curated_model()
    {
        var record = Record("claude-3-5-sonnet-20240620", "Claude Sonnet 3.5", "anthropic");
        var result = Resolve(new SourcedRecord("models-dev", record));
        result.For(record)!.ModelId.ShouldBe("claude-3-5-sonnet");
        result.NewModels.ShouldBeEmpty();
    }

    [Fact]
    public void A_reseller_id_lands_on_the_curated_model_through_its_key()
    {
        var record = Record("us.anthropic.claude-3-5-sonnet-20240620-v1:0", provider: "bedrock");
        Resolve(new SourcedRecord("litellm", record)).For(record)!.ModelId.ShouldBe("claude-3-5-sonnet");
    }

    [Fact]
    public void The_name_decides_where_id_and_name_disagree()
    {
        var record = Record("claude-3-7-sonnet-latest", "Claude 3.5 Sonnet", "somehost");
        Resolve(new SourcedRecord("models-dev", record)).For(record)!.ModelId.ShouldBe("claude-3-5-sonnet");
    }

    [Fact]
    public void A_moving_pointer_without_a_version_is_a_model_of_its_own()
    {
        var record = Record("~openai/gpt-4o-latest", "OpenAI: GPT-4o Latest", "openrouter");
        var unversioned = Record("~anthropic/claude-latest", "Anthropic: Claude Latest", "openrouter");
        var result = Resolve(new SourcedRecord("openrouter", record), new SourcedRecord("openrouter", unversioned));
        result.For(record)!.ModelId.ShouldBe("gpt-4o");
        result.For(unversioned)!.ModelId.ShouldNotBeNull();
        result.For(unversioned)!.ModelId.ShouldNotBe("claude");
        result.NewModels.Select(m => m.Id).ShouldContain(result.For(unversioned)!.ModelId!);
    }

    [Fact]
    public void A_curated_dated_alias_on_the_id_wins_over_a_different_name()
    {
        var record = Record("claude-3-5-sonnet-20241022", "Claude Sonnet 3.5 v2", "anthropic");
        Resolve(new SourcedRecord("models-dev", record)).For(record)!.ModelId.ShouldBe("claude-3-5-sonnet");
    }

    [Fact]
    public void Records_no_curated_model_names_share_one_new_model()
    {
        var a = Record("gpt-4o-mini", "GPT-4o mini", "openai");
        var b = Record("azure/gpt-4o-mini-2024-07-18", provider: "azure");
        var c = Record("GPT-4o mini", "GPT-4o mini", organisation: "OpenAI");
        var result = Resolve(new("models-dev", a), new("litellm", b), new("epoch", c));

        var model = result.NewModels.ShouldHaveSingleItem();
        model.Id.ShouldBe("gpt-4o-mini");
        model.Kind.ShouldBe(EntityKind.Model);
        model.Name.En.ShouldBe("GPT-4o mini");
        model.Developer.ShouldBe("openai");
        model.Aliases.ShouldContain("azure/gpt-4o-mini-2024-07-18");
        result.Records.Select(r => r.ModelId).ShouldAllBe(id => id == "gpt-4o-mini");
    }

    [Fact]
    public void A_new_id_never_takes_a_curated_id()
    {
        var one = Record("some-model", "GPT-4o mini app", "openai");
        var two = Record("other-model", "GPT 4o Mini App Pro", "openai");
        var result = Resolve(new("models-dev", one), new("models-dev", two));
        result.For(one)!.ModelId.ShouldBe("gpt-4o-mini-app-model");
        result.NewModels.Select(m => m.Id).ShouldBeUnique();
    }

    [Fact]
    public void Two_curated_models_answering_to_one_name_leave_the_record_ambiguous()
    {
        var record = Record("twin", "Twin", "openai");
        var resolution = Resolve(new SourcedRecord("models-dev", record)).For(record)!;
        resolution.IsResolved.ShouldBeFalse();
        resolution.Reason.ShouldBe(UnresolvedReason.Ambiguous);
        resolution.Message.ShouldBe("ambiguous between 'twin-a' and 'twin-b'");
    }

    [Fact]
    public void A_family_name_does_not_land_on_a_model()
    {
        var record = Record("Claude", "Claude", organisation: "Anthropic");
        var resolution = Resolve(new SourcedRecord("epoch", record)).For(record)!;
        resolution.Reason.ShouldBe(UnresolvedReason.FamilyNotModel);
        resolution.Message!.ShouldContain("'claude'");
    }

    [Fact]
    public void A_family_released_in_one_size_lands_on_that_model()
    {
        var record = Record("Llama 3.3", "Llama 3.3", organisation: "Meta AI");
        Resolve(new SourcedRecord("epoch", record)).For(record)!.ModelId.ShouldBe("llama-3-3-70b");
    }

    [Fact]
    public void Bookkeeping_entries_are_not_models()
    {
        var record = Record("sample_spec");
        Resolve(new SourcedRecord("litellm", record)).For(record)!.Reason.ShouldBe(UnresolvedReason.NotAModel);
    }

    [Fact]
    public void A_record_with_nothing_left_to_compare_has_no_usable_name()
    {
        var record = Record("(ensemble)");
        Resolve(new SourcedRecord("epoch", record)).For(record)!.Reason.ShouldBe(UnresolvedReason.NoUsableName);
    }

    [Theory]
    [InlineData("anthropic", "claude-3-5-sonnet-20240620", true)]
    [InlineData("amazon-bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0", false)]
    [InlineData("google-vertex", "claude-3-5-sonnet@20240620", false)]
    [InlineData("google-vertex", "gemini-2.5-pro", true)]
    [InlineData("vertex_ai-language-models", "gemini-2.5-pro", true)]
    [InlineData("openrouter", "openai/gpt-4o", false)]
    [InlineData("openai", "gpt-4o", true)]
    [InlineData("azure", "gpt-4o", false)]
    [InlineData("azure", "phi-4", true)]
    [InlineData("amazon-bedrock", "amazon.nova-pro-v1:0", true)]
    [InlineData("deepseek", "deepseek-chat", true)]
    [InlineData("dashscope", "qwen-max", true)]
    [InlineData("fireworks_ai", "accounts/fireworks/models/llama-v3p1-405b-instruct", false)]
    [InlineData("llama", "llama-3.3-70b-instruct", true)]
    public void First_party_means_the_provider_is_the_developer(string provider, string id, bool firstParty)
    {
        var record = Record(id, provider: provider);
        var result = Resolve(new SourcedRecord("models-dev", record));
        result.IsFirstParty(record).ShouldBe(firstParty);
    }

    [Fact]
    public void Records_without_a_provider_are_not_first_party()
    {
        var record = Record("GPT-4o", "GPT-4o", organisation: "OpenAI");
        Resolve(new SourcedRecord("epoch", record)).IsFirstParty(record).ShouldBeFalse();
    }

    [Fact]
    public void A_developer_not_curated_becomes_a_new_organisation()
    {
        var record = Record("grok-2", provider: "xai");
        var result = Resolve(new SourcedRecord("litellm", record));
        result.NewModels.ShouldHaveSingleItem().Developer.ShouldBe("xai");
        var organisation = result.NewOrganisations.ShouldHaveSingleItem();
        organisation.Id.ShouldBe("xai");
        organisation.Name.En.ShouldBe("xAI");
        organisation.Kind.ShouldBe(EntityKind.Organisation);
    }

    [Theory]
    [InlineData("bedrock", "amazon")]
    [InlineData("vertex_ai-anthropic_models", "google")]
    [InlineData("openrouter", null)]
    [InlineData("moonshot", "moonshot-ai")]
    [InlineData("zai", "zhipu-ai")]
    public void Providers_map_to_organisations_in_one_table(string provider, string? organisation)
    {
        Organisations.OfProvider(provider).ShouldBe(organisation);
    }

    [Theory]
    [InlineData("Z.ai (Zhipu AI),Tsinghua University", "zhipu-ai")]
    [InlineData("Google DeepMind,Google", "google")]
    [InlineData("Meta AI", "meta")]
    [InlineData("Moonshot", "moonshot-ai")]
    [InlineData("University of Luxembourg", "university-of-luxembourg")]
    public void Organisation_names_map_to_curated_ids(string name, string id)
    {
        Organisations.OfName(name).ShouldBe(id);
    }
}
