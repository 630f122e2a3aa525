using Almanac.Analytics;
using Almanac.Knowledge;

namespace Almanac.Tests.Analytics;

public sealed class CapabilityTiersTests
{
    [Theory]
    [InlineData("claude-3-opus", CapabilityTier.Frontier)]
    [InlineData("claude-opus-4-1", CapabilityTier.Frontier)]
    [InlineData("claude-3-5-sonnet", CapabilityTier.Mid)]
    [InlineData("claude-sonnet-4", CapabilityTier.Mid)]
    [InlineData("claude-3-haiku", CapabilityTier.Small)]
    [InlineData("gpt-4", CapabilityTier.Frontier)]
    [InlineData("gpt-4o", CapabilityTier.Frontier)]
    [InlineData("gpt-4-1", CapabilityTier.Frontier)]
    [InlineData("gpt-4-turbo", CapabilityTier.Frontier)]
    [InlineData("gpt-5", CapabilityTier.Frontier)]
    [InlineData("gpt-4o-mini", CapabilityTier.Small)]
    [InlineData("gpt-4-1-nano", CapabilityTier.Small)]
    [InlineData("gpt-3-5-turbo", CapabilityTier.Mid)]
    [InlineData("o1", CapabilityTier.Frontier)]
    [InlineData("o3-pro", CapabilityTier.Frontier)]
    [InlineData("o3-mini", CapabilityTier.Small)]
    [InlineData("gemini-ultra", CapabilityTier.Frontier)]
    [InlineData("gemini-1-5-pro", CapabilityTier.Frontier)]
    [InlineData("gemini-3-pro-preview", CapabilityTier.Frontier)]
    [InlineData("gemini-1-5-flash", CapabilityTier.Mid)]
    [InlineData("gemini-1-5-flash-8b", CapabilityTier.Small)]
    [InlineData("gemini-2-0-flash-lite", CapabilityTier.Small)]
    [InlineData("gemini-nano-2", CapabilityTier.Small)]
    [InlineData("mistral-large-2", CapabilityTier.Frontier)]
    [InlineData("pixtral-large", CapabilityTier.Frontier)]
    [InlineData("mistral-medium-3", CapabilityTier.Mid)]
    [InlineData("mistral-small-3", CapabilityTier.Small)]
    [InlineData("magistral-small", CapabilityTier.Small)]
    [InlineData("qwen-max", CapabilityTier.Frontier)]
    [InlineData("hunyuan-pro", CapabilityTier.Frontier)]
    [InlineData("qwen-plus", CapabilityTier.Mid)]
    [InlineData("qwen-turbo", CapabilityTier.Mid)]
    [InlineData("llama-3-1-8b", CapabilityTier.Small)]
    [InlineData("llama-3-2-1b", CapabilityTier.Small)]
    [InlineData("gemma-7b", CapabilityTier.Small)]
    [InlineData("mistral-7b", CapabilityTier.Small)]
    [InlineData("deepseek-coder-1-3b", CapabilityTier.Small)]
    public void Reads_the_tier_from_the_model_id(string id, CapabilityTier tier) =>
        CapabilityTiers.Of(Model(id)).ShouldBe(tier);

    [Theory]
    [InlineData("deepseek-v3")]
    [InlineData("glm-4-5")]
    [InlineData("kimi-k2")]
    [InlineData("llama-3-1-405b")]
    [InlineData("llama-3-2-11b")]
    [InlineData("mixtral-8x7b")]
    [InlineData("qwen2-5-72b")]
    [InlineData("qwen3-30b-a3b")]
    [InlineData("claude-2-1")]
    [InlineData("minimax-m1")]
    [InlineData("gpt")]
    public void Gives_no_tier_when_no_rule_fits(string id) =>
        CapabilityTiers.Of(Model(id)).ShouldBeNull();

    [Theory]
    [InlineData("GPT-4.1 mini", CapabilityTier.Small)]
    [InlineData("Gemini 2.5 Pro", CapabilityTier.Frontier)]
    [InlineData("Qwen2.5-1.5B-Instruct", CapabilityTier.Small)]
    [InlineData("Claude Sonnet 4.5", CapabilityTier.Mid)]
    public void Reads_names_as_their_slugs(string name, CapabilityTier tier) =>
        CapabilityTiers.OfId(name).ShouldBe(tier);

    [Fact]
    public void Only_models_and_families_have_a_tier()
    {
        CapabilityTiers.Of(new Entity("claude-3-opus", EntityKind.ModelFamily, new LocalizedName("Claude 3 Opus", null), [])).ShouldBe(CapabilityTier.Frontier);
        CapabilityTiers.Of(new Entity("mistral-large", EntityKind.Product, new LocalizedName("Mistral Large", null), [])).ShouldBeNull();
    }

    private static Entity Model(string id) => new(id, EntityKind.Model, new LocalizedName(id, null), []);
}
