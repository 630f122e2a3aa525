using Almanac.Catalogue;

namespace Almanac.Tests.Catalogue;

/// <summary>The rules of <see cref="ModelKey"/>, on real ids and names of models.dev, LiteLLM and Epoch AI.</summary>
public class ModelKeyTests
{
    [Theory]
    [InlineData("claude-3-5-sonnet-20240620", "claude 3.5 sonnet")]
    [InlineData("Claude Sonnet 3.5", "claude sonnet 3.5")]
    [InlineData("Claude 3.5 Sonnet", "claude 3.5 sonnet")]
    [InlineData("us.anthropic.claude-3-5-sonnet-20240620-v1:0", "claude 3.5 sonnet")]
    [InlineData("anthropic.claude-3-5-sonnet-20241022-v2:0", "claude 3.5 sonnet")]
    [InlineData("apac.anthropic.claude-3-5-sonnet-20240620-v1:0", "claude 3.5 sonnet")]
    [InlineData("global.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude sonnet 4.5")]
    [InlineData("openrouter/anthropic/claude-3.5-sonnet", "claude 3.5 sonnet")]
    [InlineData("vertex_ai/claude-3-5-sonnet@20240620", "claude 3.5 sonnet")]
    [InlineData("bedrock/us-gov-west-1/anthropic.claude-3-5-sonnet-20240620-v1:0", "claude 3.5 sonnet")]
    [InlineData("claude-3-7-sonnet-20250219", "claude 3.7 sonnet")]
    [InlineData("claude-opus-4-0", "claude opus 4")]
    [InlineData("claude-opus-4-1-20250805", "claude opus 4.1")]
    [InlineData("Claude Haiku 4.5 (EU)", "claude haiku 4.5")]
    [InlineData("anthropic.claude-v2:1", "claude 2.1")]
    [InlineData("gpt-4o-2024-08-06", "gpt 4o")]
    [InlineData("GPT-4o (2024-05-13)", "gpt 4o")]
    [InlineData("GPT-4o (Aug 2024)", "gpt 4o")]
    [InlineData("gpt-4o-mini", "gpt 4o mini")]
    [InlineData("GPT-4o mini", "gpt 4o mini")]
    [InlineData("ft:gpt-4o-mini-2024-07-18", "gpt 4o mini")]
    [InlineData("gpt-4-0613", "gpt 4")]
    [InlineData("gpt-4-turbo", "gpt 4 turbo")]
    [InlineData("GPT-4 Turbo (Apr 2024)", "gpt 4 turbo")]
    [InlineData("gpt-3.5-turbo-0125", "gpt 3.5 turbo")]
    [InlineData("o1-2024-12-17", "o1")]
    [InlineData("o1-mini", "o1 mini")]
    [InlineData("o1-preview", "o1 preview")]
    [InlineData("chatgpt-4o-latest", "chatgpt 4o")]
    [InlineData("meta-llama/llama-3.1-405b-instruct", "llama 3.1 405b")]
    [InlineData("Meta-Llama-3.1-405B-Instruct", "llama 3.1 405b")]
    [InlineData("fireworks_ai/accounts/fireworks/models/llama-v3p1-405b-instruct", "llama 3.1 405b")]
    [InlineData("meta.llama3-1-70b-instruct-v1:0", "llama 3.1 70b")]
    [InlineData("Llama 3.1-405B", "llama 3.1 405b")]
    [InlineData("Llama 3-70B", "llama 3 70b")]
    [InlineData("together_ai/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", "llama 3.1 405b")]
    [InlineData("llama-3.1-8b-instant", "llama 3.1 8b")]
    [InlineData("llama-3.3-70b-versatile", "llama 3.3 70b")]
    [InlineData("vertex_ai/meta/llama3-405b-instruct-maas", "llama 3 405b")]
    [InlineData("ollama/llama2:13b", "llama 2 13b")]
    [InlineData("databricks/databricks-meta-llama-3-1-405b-instruct", "llama 3.1 405b")]
    [InlineData("Mixtral 8x7B", "mixtral 8x7b")]
    [InlineData("open-mixtral-8x7b", "mixtral 8x7b")]
    [InlineData("mistral.mixtral-8x7b-instruct-v0:1", "mixtral 8x7b")]
    [InlineData("mistralai/Mixtral-8x7B-Instruct-v0.1", "mixtral 8x7b")]
    [InlineData("Mistral: Mixtral 8x22B Instruct", "mixtral 8x22b")]
    [InlineData("mistralai/mistral-7b-instruct-v03", "mistral 7b")]
    [InlineData("mistral/mistral-large-2407", "mistral large 2407")]
    [InlineData("Mistral Large 24.11", "mistral large 2411")]
    [InlineData("mistral-large-latest", "mistral large")]
    [InlineData("vertex_ai/mistral-large@latest", "mistral large")]
    [InlineData("Qwen2.5-72B", "qwen 2.5 72b")]
    [InlineData("Qwen2.5 Instruct (72B)", "qwen 2.5 72b")]
    [InlineData("qwen2-5-72b-instruct", "qwen 2.5 72b")]
    [InlineData("together_ai/Qwen/Qwen2.5-72B-Instruct-Turbo", "qwen 2.5 72b")]
    [InlineData("Qwen/Qwen3-235B-A22B-Instruct-2507", "qwen 3 235b a22b")]
    [InlineData("qwen3p7-plus", "qwen 3.7 plus")]
    [InlineData("Qwen3-Next 80B-A3B (Thinking)", "qwen 3 next 80b a3b thinking")]
    [InlineData("deepseek-chat", "deepseek chat")]
    [InlineData("deepseek.r1-v1:0", "deepseek r1")]
    [InlineData("deepseek.v3-v1:0", "deepseek 3")]
    [InlineData("DeepSeek-V3", "deepseek 3")]
    [InlineData("deepseek-v3-0324", "deepseek 3")]
    [InlineData("fireworks_ai/accounts/fireworks/models/deepseek-v3p1", "deepseek 3.1")]
    [InlineData("DeepSeek-R1 (May 2025)", "deepseek r1")]
    [InlineData("kimi-k2-thinking-251104", "kimi k2 thinking")]
    [InlineData("gemini-2.0-flash-001", "gemini 2 flash")]
    [InlineData("Gemini 2.0 Flash-Lite", "gemini 2 flash lite")]
    [InlineData("gemini/gemini-gemma-2-27b-it", "gemma 2 27b")]
    [InlineData("Gemma 4 26B A4B IT", "gemma 4 26b a4b")]
    [InlineData("gemini-flash-latest", "gemini flash")]
    [InlineData("glm-4p5-air", "glm 4.5 air")]
    [InlineData("zai.glm-4.7", "glm 4.7")]
    [InlineData("GLM-4.5", "glm 4.5")]
    [InlineData("kimi-k2-instruct-0905", "kimi k2")]
    [InlineData("fireworks_ai/accounts/fireworks/models/kimi-k2p5", "kimi k2.5")]
    [InlineData("xai/grok-2-1212", "grok 2")]
    [InlineData("grok-4.20-0309-reasoning", "grok 4.20 reasoning")]
    [InlineData("command-r-plus-08-2024", "command r plus")]
    [InlineData("Command R+", "command r plus")]
    [InlineData("command-r7b-12-2024", "command r7b")]
    [InlineData("cohere-command-r-plus-08-2024", "command r plus")]
    [InlineData("phi-3-mini-128k-instruct", "phi 3 mini")]
    [InlineData("Phi-3-mini-instruct (4k)", "phi 3 mini")]
    [InlineData("nvidia/llama-3_1-nemotron-safety-guard-8b-v3", "llama 3.1 nemotron safety guard 8b v3")]
    [InlineData("upstage/solar-10_7b-instruct", "solar 10.7b")]
    [InlineData("Llama 4 Maverick 17B 128E Instruct FP8", "llama 4 maverick 17b")]
    [InlineData("meta.llama4-scout-17b-instruct-v1:0", "llama 4 scout 17b")]
    [InlineData("openai.gpt-oss-120b-1:0", "gpt oss 120b")]
    [InlineData("nousresearch/hermes-3-llama-3.1-405b:free", "hermes 3 llama 3.1 405b")]
    [InlineData("AU Anthropic Claude Opus 4.6", "claude opus 4.6")]
    [InlineData("Google Gemma 3 27B Instruct", "gemma 3 27b")]
    [InlineData("amazon.nova-pro-v1:0", "nova pro")]
    [InlineData("text-embedding-3-large", "text embedding 3 large")]
    public void Reads_a_dataset_name_as_model_tokens(string written, string tokens)
    {
        string.Join(' ', ModelKey.Of(written).Tokens).ShouldBe(tokens);
    }

    [Theory]
    [InlineData("claude-3-5-sonnet-20240620", "20240620")]
    [InlineData("us.anthropic.claude-3-5-sonnet-20240620-v1:0", "v1:0")]
    [InlineData("anthropic.claude-3-5-sonnet-20241022-v2:0", "v2:0")]
    [InlineData("apac.anthropic.claude-3-5-sonnet-20240620-v1:0", "v1:0")]
    [InlineData("global.anthropic.claude-sonnet-4-5-20250929-v1:0", "v1:0")]
    [InlineData("vertex_ai/claude-3-5-sonnet@20240620", "20240620")]
    [InlineData("bedrock/us-gov-west-1/anthropic.claude-3-5-sonnet-20240620-v1:0", "v1:0")]
    [InlineData("claude-3-7-sonnet-20250219", "20250219")]
    [InlineData("claude-opus-4-1-20250805", "20250805")]
    [InlineData("gpt-4o-2024-08-06", "2024-08-06")]
    [InlineData("GPT-4o (2024-05-13)", "2024-05-13")]
    [InlineData("GPT-4o (Aug 2024)", "aug 2024")]
    [InlineData("ft:gpt-4o-mini-2024-07-18", "2024-07-18")]
    [InlineData("gpt-4-0613", "0613")]
    [InlineData("GPT-4 Turbo (Apr 2024)", "apr 2024")]
    [InlineData("gpt-3.5-turbo-0125", "0125")]
    [InlineData("o1-2024-12-17", "2024-12-17")]
    [InlineData("meta.llama3-1-70b-instruct-v1:0", "v1:0")]
    [InlineData("mistral.mixtral-8x7b-instruct-v0:1", "v0:1")]
    [InlineData("mistralai/Mixtral-8x7B-Instruct-v0.1", "v0.1")]
    [InlineData("mistralai/mistral-7b-instruct-v03", "v03")]
    [InlineData("Qwen/Qwen3-235B-A22B-Instruct-2507", "2507")]
    [InlineData("deepseek.r1-v1:0", "v1:0")]
    [InlineData("deepseek.v3-v1:0", "v1:0")]
    [InlineData("deepseek-v3-0324", "0324")]
    public void Keeps_what_it_takes_off_as_the_snapshot(string written, string snapshot)
    {
        ModelKey.Of(written).Snapshot.ShouldBe(snapshot);
    }

    [Theory]
    [InlineData("us.anthropic.claude-3-5-sonnet-20240620-v1:0", "us")]
    [InlineData("apac.anthropic.claude-3-5-sonnet-20240620-v1:0", "apac")]
    [InlineData("global.anthropic.claude-sonnet-4-5-20250929-v1:0", "global")]
    [InlineData("Claude Haiku 4.5 (EU)", "eu")]
    [InlineData("ft:gpt-4o-mini-2024-07-18", "fine-tuned")]
    [InlineData("meta-llama/llama-3.1-405b-instruct", "instruct")]
    [InlineData("Meta-Llama-3.1-405B-Instruct", "instruct")]
    [InlineData("fireworks_ai/accounts/fireworks/models/llama-v3p1-405b-instruct", "instruct")]
    [InlineData("meta.llama3-1-70b-instruct-v1:0", "instruct")]
    [InlineData("together_ai/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", "turbo")]
    [InlineData("llama-3.1-8b-instant", "instant")]
    [InlineData("llama-3.3-70b-versatile", "versatile")]
    [InlineData("vertex_ai/meta/llama3-405b-instruct-maas", "maas")]
    [InlineData("databricks/databricks-meta-llama-3-1-405b-instruct", "instruct")]
    [InlineData("mistral.mixtral-8x7b-instruct-v0:1", "instruct")]
    [InlineData("mistralai/Mixtral-8x7B-Instruct-v0.1", "instruct")]
    [InlineData("Mistral: Mixtral 8x22B Instruct", "instruct")]
    [InlineData("mistralai/mistral-7b-instruct-v03", "instruct")]
    [InlineData("Qwen2.5 Instruct (72B)", "instruct")]
    [InlineData("qwen2-5-72b-instruct", "instruct")]
    [InlineData("together_ai/Qwen/Qwen2.5-72B-Instruct-Turbo", "turbo")]
    [InlineData("Qwen/Qwen3-235B-A22B-Instruct-2507", "instruct")]
    [InlineData("gemini/gemini-gemma-2-27b-it", "it")]
    [InlineData("Gemma 4 26B A4B IT", "it")]
    [InlineData("kimi-k2-instruct-0905", "instruct")]
    public void Keeps_packaging_words_as_variants(string written, string variant)
    {
        ModelKey.Of(written).Variants.ShouldContain(variant);
    }

    [Theory]
    [InlineData("claude-3-5-sonnet-20240620", "Claude Sonnet 3.5")]
    [InlineData("Claude 3.5 Sonnet", "Claude Sonnet 3.5")]
    [InlineData("us.anthropic.claude-3-5-sonnet-20240620-v1:0", "openrouter/anthropic/claude-3.5-sonnet")]
    [InlineData("fireworks_ai/accounts/fireworks/models/llama-v3p1-405b-instruct", "Llama 3.1-405B")]
    [InlineData("Meta-Llama-3.1-405B-Instruct", "meta-llama/llama-3.1-405b-instruct")]
    [InlineData("qwen2-5-72b-instruct", "Qwen2.5-72B")]
    [InlineData("Qwen2.5 Instruct (72B)", "Qwen2.5-72B")]
    [InlineData("open-mixtral-8x7b", "Mixtral 8x7B")]
    [InlineData("gpt-4o-2024-08-06", "GPT-4o (Aug 2024)")]
    [InlineData("claude-opus-4-0", "Claude Opus 4")]
    [InlineData("gemini-2.0-flash-001", "Gemini 2.0 Flash")]
    [InlineData("command-r-plus-08-2024", "Command R+")]
    [InlineData("glm-4p5", "GLM-4.5")]
    [InlineData("mistral/mistral-large-2411", "Mistral Large 24.11")]
    [InlineData("anthropic.claude-v2:1", "Claude 2.1")]
    [InlineData("ollama/llama2:13b", "Llama 2 13B")]
    [InlineData("Gemini-1.5-Pro-API-0514", "gemini-1.5-pro")]
    [InlineData("Gemini-1.5-Pro-API-0409-Preview", "Gemini-1.5-Pro-Preview-0409")]
    [InlineData("GPT-4o-2024-05-13", "gpt-4o")]
    [InlineData("Claude 3.5 Sonnet (20241022)", "claude-3-5-sonnet-20241022")]
    public void The_same_model_written_two_ways_has_one_identity(string one, string other)
    {
        ModelKey.Of(one).ShouldBe(ModelKey.Of(other));
        ModelKey.Of(one).IsEmpty.ShouldBeFalse();
    }

    [Theory]
    [InlineData("claude-3-5-sonnet-20240620", "claude-3-7-sonnet-20250219")]
    [InlineData("gpt-4o", "gpt-4o-mini")]
    [InlineData("gpt-4", "gpt-4-turbo")]
    [InlineData("o1", "o1-preview")]
    [InlineData("o1", "o1-pro")]
    [InlineData("Llama 3.1 405B", "Llama 3.1 70B")]
    [InlineData("Llama 3.1 405B", "Llama 3 405B")]
    [InlineData("gemini-2.0-flash", "gemini-2.0-flash-lite")]
    [InlineData("Gemini 1.5 Flash", "Gemini 1.5 Flash 8B")]
    [InlineData("kimi-k2", "kimi-k2-thinking")]
    [InlineData("mixtral-8x7b", "mixtral-8x22b")]
    [InlineData("mistral-large-2407", "mistral-large-2411")]
    [InlineData("deepseek-v3", "deepseek-v3.1")]
    [InlineData("deepseek-chat", "deepseek-v3")]
    [InlineData("gemini-3-pro-preview", "Gemini 3 Pro")]
    [InlineData("Qwen2.5-72B", "Qwen2-72B")]
    [InlineData("qwen-turbo", "qwen")]
    [InlineData("Claude 3.7 Sonnet (thinking-32k)", "Claude 3.7 Sonnet")]
    [InlineData("Claude Opus 4 (thinking-16k)", "Claude Opus 4 (20250514)")]
    [InlineData("Gemini-Advanced-0514", "Gemini-1.5-Pro-API-0514")]
    [InlineData("Qwen3-235B-A22B-no-thinking", "Qwen3-235B-A22B-Thinking-2507")]
    public void Different_models_keep_different_identities(string one, string other)
    {
        ModelKey.Of(one).ShouldNotBe(ModelKey.Of(other));
    }

    [Theory]
    [InlineData("Llama-3.3-70B-Instruct-Turbo", "turbo")]
    [InlineData("Meta-Llama-3-8B-Instruct-Lite", "lite")]
    [InlineData("llama-2-7b-chat", "chat")]
    public void Serving_words_are_variants_of_a_sized_checkpoint(string written, string variant)
    {
        ModelKey.Of(written).Variants.ShouldContain(variant);
    }

    [Theory]
    [InlineData("gpt-4-turbo", "turbo")]
    [InlineData("Gemini 2.0 Flash-Lite", "lite")]
    [InlineData("deepseek-chat", "chat")]
    [InlineData("gpt-5-chat-latest", "chat")]
    public void Serving_words_name_a_model_that_has_no_size(string written, string token)
    {
        ModelKey.Of(written).Tokens.ShouldContain(token);
    }

    [Theory]
    [InlineData("mistral-large-latest")]
    [InlineData("vertex_ai/mistral-large@latest")]
    [InlineData("Claude Opus 4.5 (latest)")]
    [InlineData("chatgpt-4o-latest")]
    public void Marks_moving_pointers(string written)
    {
        ModelKey.Of(written).IsMoving.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("(ensemble)")]
    [InlineData("ft:")]
    [InlineData(" - / ")]
    public void An_unusable_name_gives_an_empty_key_without_throwing(string written)
    {
        ModelKey.Of(written).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void The_stem_keeps_the_id_as_written_without_host_region_and_revision()
    {
        ModelKey.Of("bedrock/us-gov-west-1/anthropic.claude-3-5-sonnet-20240620-v1:0").Stem.ShouldBe("claude-3-5-sonnet-20240620");
        ModelKey.Of("us.anthropic.claude-3-5-sonnet-20240620-v1:0").Variants.ShouldContain("us");
    }

    [Fact]
    public void A_default_key_is_empty()
    {
        default(ModelKey).IsEmpty.ShouldBeTrue();
        default(ModelKey).Tokens.ShouldBeEmpty();
    }
}
