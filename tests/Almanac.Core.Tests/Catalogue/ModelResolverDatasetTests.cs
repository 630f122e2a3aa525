using Almanac.Catalogue;
using Almanac.Knowledge;

namespace Almanac.Tests.Catalogue;

/// <summary>
/// <see cref="ModelResolver"/> over the real public datasets (models.dev, LiteLLM, both Epoch AI tables)
/// and the curated entities of this repository, all resolved together once.
/// </summary>
public class ModelResolverDatasetTests
{
    private static ModelResolution Resolved => PublicDatasets.Resolved;

    private static IEnumerable<RecordResolution> Find(string dataset, string modelId) =>
        Resolved.Records.Where(r => r.Dataset == dataset && r.Record.ModelId == modelId);

    /// <summary>Each probe is <c>dataset|id as the dataset writes it</c>; a model missing from a dataset has no probe there.</summary>
    [Theory]
    [InlineData("claude-3-5-sonnet", "models-dev|claude-3-5-sonnet-20240620", "models-dev|claude-3-5-sonnet-20241022", "litellm|us.anthropic.claude-3-5-sonnet-20240620-v1:0", "litellm|vertex_ai/claude-3-5-sonnet@20240620", "litellm|openrouter/anthropic/claude-3.5-sonnet", "epoch|Claude 3.5 Sonnet")]
    [InlineData("claude-3-7-sonnet", "models-dev|claude-3-7-sonnet-20250219", "epoch|Claude 3.7 Sonnet")]
    [InlineData("claude-3-opus", "models-dev|claude-3-opus-20240229", "epoch|Claude 3 Opus")]
    [InlineData("claude-3-haiku", "models-dev|claude-3-haiku-20240307", "litellm|anthropic.claude-3-haiku-20240307-v1:0")]
    [InlineData("claude-3-5-haiku", "models-dev|claude-3-5-haiku@20241022", "epoch|Claude 3.5 Haiku")]
    [InlineData("claude-opus-4", "models-dev|claude-opus-4-20250514", "models-dev|claude-opus-4-0", "epoch|Claude Opus 4")]
    [InlineData("claude-sonnet-4", "models-dev|claude-sonnet-4-20250514", "epoch|Claude Sonnet 4")]
    [InlineData("gpt-4o", "models-dev|gpt-4o", "models-dev|gpt-4o-2024-08-06", "litellm|gpt-4o-2024-05-13", "litellm|azure/eu/gpt-4o-2024-08-06", "litellm|openrouter/openai/gpt-4o", "epoch|GPT-4o", "epoch|GPT-4o (Aug 2024)")]
    [InlineData("gpt-4o-mini", "models-dev|gpt-4o-mini", "litellm|gpt-4o-mini-2024-07-18", "litellm|azure/gpt-4o-mini", "epoch|GPT-4o mini")]
    [InlineData("gpt-4-turbo", "models-dev|gpt-4-turbo", "litellm|gpt-4-turbo-2024-04-09", "epoch|GPT-4 Turbo (Apr 2024)")]
    [InlineData("gpt-4", "models-dev|gpt-4", "litellm|gpt-4-0613", "epoch|GPT-4 (Mar 2023)", "epoch|GPT-4")]
    [InlineData("o1", "models-dev|o1", "litellm|o1-2024-12-17", "litellm|azure/us/o1-2024-12-17", "epoch|o1")]
    [InlineData("o1-mini", "models-dev|o1-mini", "litellm|azure/o1-mini", "epoch|o1-mini")]
    [InlineData("o3", "models-dev|o3", "epoch|o3")]
    [InlineData("gpt-3-5-turbo", "models-dev|gpt-3.5-turbo", "litellm|gpt-3.5-turbo-0125", "epoch|GPT-3.5 Turbo")]
    [InlineData("llama-3-1-405b", "models-dev|meta-llama-3.1-405b-instruct", "litellm|fireworks_ai/accounts/fireworks/models/llama-v3p1-405b-instruct", "litellm|meta.llama3-1-405b-instruct-v1:0", "litellm|together_ai/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", "litellm|vertex_ai/meta/llama3-405b-instruct-maas", "epoch|Llama 3.1-405B")]
    [InlineData("llama-3-1-70b", "models-dev|meta.llama3-1-70b-instruct-v1:0", "models-dev|meta-llama-3.1-70b-instruct", "litellm|meta.llama3-1-70b-instruct-v1:0")]
    [InlineData("llama-3-1-8b", "models-dev|llama-3.1-8b-instant", "models-dev|meta.llama3-1-8b-instruct-v1:0", "litellm|groq/llama-3.1-8b-instant")]
    [InlineData("llama-3-70b", "models-dev|meta-llama-3-70b-instruct", "litellm|meta.llama3-70b-instruct-v1:0", "litellm|bedrock/us-east-1/meta.llama3-70b-instruct-v1:0", "epoch|Llama 3-70B")]
    [InlineData("llama-3-3-70b", "models-dev|llama-3.3-70b-versatile", "models-dev|meta-llama/Llama-3.3-70B-Instruct-Turbo", "litellm|meta.llama3-3-70b-instruct-v1:0", "epoch|Llama 3.3 70B", "epoch|Llama 3.3")]
    [InlineData("llama-3-2-11b", "models-dev|meta/llama-3.2-11b-vision-instruct", "epoch|Llama 3.2 11B")]
    [InlineData("llama-4-scout", "models-dev|meta-llama/llama-4-scout-17b-16e-instruct", "epoch|Llama 4 Scout")]
    [InlineData("llama-4-maverick", "models-dev|meta.llama4-maverick-17b-instruct-v1:0", "epoch|Llama 4 Maverick")]
    [InlineData("qwen2-5-72b", "models-dev|qwen2-5-72b-instruct", "models-dev|Qwen/Qwen2.5-72B-Instruct", "litellm|together_ai/Qwen/Qwen2.5-72B-Instruct-Turbo", "litellm|deepinfra/Qwen/Qwen2.5-72B-Instruct", "epoch|Qwen2.5-72B", "epoch|Qwen2.5 Instruct (72B)")]
    [InlineData("qwen2-72b", "epoch|Qwen2-72B")]
    [InlineData("deepseek-v3", "models-dev|deepseek-ai/DeepSeek-V3", "litellm|deepseek/deepseek-v3", "litellm|fireworks_ai/accounts/fireworks/models/deepseek-v3", "litellm|together_ai/deepseek-ai/DeepSeek-V3", "epoch|DeepSeek-V3")]
    [InlineData("deepseek-r1", "models-dev|deepseek-ai/DeepSeek-R1", "models-dev|deepseek.r1-v1:0", "litellm|deepseek/deepseek-r1", "litellm|together_ai/deepseek-ai/DeepSeek-R1", "epoch|DeepSeek-R1", "epoch|DeepSeek-R1 (May 2025)")]
    [InlineData("mixtral-8x7b", "models-dev|open-mixtral-8x7b", "litellm|mistral.mixtral-8x7b-instruct-v0:1", "litellm|together_ai/mistralai/Mixtral-8x7B-Instruct-v0.1", "epoch|Mixtral 8x7B")]
    [InlineData("mixtral-8x22b", "models-dev|open-mixtral-8x22b", "litellm|mistral/open-mixtral-8x22b", "epoch|Mixtral 8x22B")]
    [InlineData("mistral-7b", "models-dev|open-mistral-7b", "litellm|mistral.mistral-7b-instruct-v0:2", "epoch|Mistral 7B")]
    [InlineData("mistral-large-2", "models-dev|mistralai/mistral-large-2407", "litellm|mistral/mistral-large-2407", "litellm|mistral.mistral-large-2407-v1:0", "epoch|Mistral Large 2")]
    [InlineData("gemini-1-5-pro", "epoch|Gemini 1.5 Pro")]
    [InlineData("gemini-1-5-flash", "models-dev|google/gemini-flash-1.5", "litellm|gemini/gemini-1.5-flash", "epoch|Gemini 1.5 Flash")]
    [InlineData("gemini-2-0-flash", "models-dev|gemini-2.0-flash", "litellm|gemini/gemini-2.0-flash-001", "litellm|gemini-2.0-flash", "epoch|Gemini 2.0 Flash")]
    [InlineData("gemini-2-5-pro", "models-dev|gemini-2.5-pro", "litellm|gemini/gemini-2.5-pro", "epoch|Gemini 2.5 Pro (Jun 2025)")]
    [InlineData("glm-4-5", "models-dev|glm-4.5", "litellm|fireworks_ai/accounts/fireworks/models/glm-4p5", "litellm|zai/glm-4.5", "epoch|GLM-4.5")]
    [InlineData("kimi-k2", "models-dev|kimi-k2-0711-preview", "models-dev|moonshotai/Kimi-K2-Instruct", "litellm|fireworks_ai/accounts/fireworks/models/kimi-k2-instruct", "litellm|together_ai/moonshotai/Kimi-K2-Instruct-0905", "epoch|Kimi K2")]
    [InlineData("kimi-k2-thinking", "models-dev|kimi-k2-thinking", "litellm|moonshot/kimi-k2-thinking", "epoch|Kimi K2 Thinking")]
    [InlineData("grok-2", "litellm|xai/grok-2", "litellm|xai/grok-2-1212", "epoch|Grok-2")]
    [InlineData("command-r-plus", "models-dev|command-r-plus-08-2024", "litellm|command-r-plus", "litellm|cohere.command-r-plus-v1:0", "epoch|Command R+")]
    [InlineData("command-r", "models-dev|command-r-08-2024", "litellm|command-r", "epoch|Command R")]
    [InlineData("gemma-2-27b", "models-dev|google/gemma-2-27b-it", "litellm|gemini/gemini-gemma-2-27b-it", "epoch|Gemma 2 27B")]
    [InlineData("phi-3-mini-instruct", "models-dev|phi-3-mini-4k-instruct", "models-dev|phi-3-mini-128k-instruct", "litellm|azure_ai/Phi-3-mini-4k-instruct")]
    [InlineData("phi-3-5-mini-instruct", "models-dev|phi-3.5-mini-instruct", "litellm|azure_ai/Phi-3.5-mini-instruct", "epoch|phi-3.5-mini")]
    [InlineData("phi-4", "models-dev|phi-4", "epoch|Phi-4")]
    public void A_well_known_model_resolves_to_one_canonical_model_from_every_dataset(string expected, params string[] probes)
    {
        foreach (var probe in probes)
        {
            var (dataset, modelId) = (probe[..probe.IndexOf('|', StringComparison.Ordinal)], probe[(probe.IndexOf('|', StringComparison.Ordinal) + 1)..]);
            var found = Find(dataset, modelId).ToArray();
            found.ShouldNotBeEmpty($"{dataset} has no record '{modelId}'");
            found.Select(r => r.ModelId).Distinct().ShouldBe([expected], $"{dataset} '{modelId}'");
        }
    }

    [Fact]
    public void The_well_known_models_cover_all_three_datasets_and_stay_apart()
    {
        var ids = typeof(ModelResolverDatasetTests).GetMethod(nameof(A_well_known_model_resolves_to_one_canonical_model_from_every_dataset))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]).ToArray();
        ids.Length.ShouldBeGreaterThanOrEqualTo(40);
        ids.ShouldBeUnique();
    }

    [Fact]
    public void Under_five_percent_of_first_party_models_dev_entries_are_unresolved()
    {
        var firstParty = Resolved.Records.Where(r => r.Dataset == "models-dev" && r.Record.Provider is not null && r.IsFirstParty).ToArray();
        firstParty.Length.ShouldBeGreaterThan(400);
        var unresolved = firstParty.Count(r => !r.IsResolved);
        ((double)unresolved / firstParty.Length).ShouldBeLessThan(0.05);
    }

    [Theory]
    [InlineData("models-dev", "claude-3-5-sonnet-20240620", "claude-3-7-sonnet-20250219")]
    [InlineData("epoch", "Claude 3.5 Sonnet", "Claude 3.7 Sonnet")]
    [InlineData("models-dev", "gpt-4o", "gpt-4o-mini")]
    [InlineData("litellm", "gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18")]
    [InlineData("epoch", "GPT-4o", "GPT-4o mini")]
    [InlineData("litellm", "meta.llama3-1-405b-instruct-v1:0", "meta.llama3-1-70b-instruct-v1:0")]
    [InlineData("models-dev", "meta-llama-3.1-405b-instruct", "meta-llama-3.1-70b-instruct")]
    [InlineData("models-dev", "gemini-2.0-flash", "gemini-2.0-flash-lite")]
    [InlineData("models-dev", "kimi-k2-0711-preview", "kimi-k2-thinking")]
    public void Near_names_stay_different_models(string dataset, string one, string other)
    {
        var a = Find(dataset, one).Select(r => r.ModelId).Distinct().ShouldHaveSingleItem();
        var b = Find(dataset, other).Select(r => r.ModelId).Distinct().ShouldHaveSingleItem();
        a.ShouldNotBeNull();
        b.ShouldNotBeNull();
        a.ShouldNotBe(b);
    }

    [Fact]
    public void Every_record_has_either_a_model_or_a_reason()
    {
        Resolved.Records.Count.ShouldBe(PublicDatasets.Records.Count);
        Resolved.Records.ShouldAllBe(r => (r.ModelId != null) != (r.Reason != null));
    }

    [Fact]
    public void New_model_ids_are_unique_slugs_apart_from_curated_ids()
    {
        var curated = PublicDatasets.Curated.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var ids = Resolved.NewModels.Select(m => m.Id).ToArray();
        ids.ShouldBeUnique();
        ids.ShouldAllBe(id => !curated.Contains(id));
        ids.ShouldAllBe(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9-]*$"));
        Resolved.NewModels.ShouldAllBe(m => m.Kind == EntityKind.Model && m.Name.En.Length > 0);
    }

    [Fact]
    public void New_models_name_their_developer_from_provider_or_organisation()
    {
        var byId = Resolved.NewModels.ToDictionary(m => m.Id);
        byId["gpt-4-1-mini"].Developer.ShouldBe("openai");
        byId["grok-2"].Developer.ShouldBe("xai");
        byId["command-r-plus"].Developer.ShouldBe("cohere");
        byId["gemma-2-27b"].Developer.ShouldBe("google");
        byId["phi-4"].Developer.ShouldBe("microsoft");
        var known = PublicDatasets.Curated.Select(e => e.Id).Concat(Resolved.NewOrganisations.Select(o => o.Id)).ToHashSet(StringComparer.Ordinal);
        Resolved.NewModels.Where(m => m.Developer is not null).ShouldAllBe(m => known.Contains(m.Developer!));
    }

    [Fact]
    public void New_models_answer_to_every_id_and_name_seen_for_them()
    {
        var gpt41Mini = Resolved.NewModels.Single(m => m.Id == "gpt-4-1-mini");
        gpt41Mini.Name.En.ShouldBe("GPT-4.1 mini");
        gpt41Mini.Aliases.ShouldContain("azure/gpt-4.1-mini");
        gpt41Mini.Aliases.ShouldContain("gpt-4.1-mini-2025-04-14");
    }

    [Fact]
    public void Bedrock_serving_claude_is_a_reseller_and_anthropic_first_party()
    {
        Find("models-dev", "claude-3-5-sonnet-20240620").Where(r => r.Record.Provider == "anthropic").ShouldAllBe(r => r.IsFirstParty);
        Find("litellm", "us.anthropic.claude-3-5-sonnet-20240620-v1:0").ShouldAllBe(r => !r.IsFirstParty);
        Find("litellm", "vertex_ai/claude-3-5-sonnet@20240620").ShouldAllBe(r => !r.IsFirstParty);
        Find("litellm", "gemini/gemini-2.5-pro").ShouldAllBe(r => r.IsFirstParty);
    }
}
