using Almanac.Knowledge;

namespace Almanac.Catalogue;

/// <summary>
/// Who is who behind model names and providers, in one place: the organisation behind each
/// provider code of models.dev and LiteLLM, the developer a family word names, and the organisation
/// ids Epoch AI's and models.dev's lab names stand for. Ids are the curated organisation ids.
/// </summary>
public static class Organisations
{
    /// <summary>
    /// Provider code (as models.dev and LiteLLM write it) -> the organisation running it, and whether
    /// it serves only its own models (a lab's API) rather than other developers' too (a cloud or reseller).
    /// A provider not listed here is a reseller with no organisation of its own in the catalogue.
    /// </summary>
    private static readonly Dictionary<string, (string Organisation, bool OwnModelsOnly)> Providers = new(StringComparer.OrdinalIgnoreCase)
    {
        // Labs: their own API.
        ["anthropic"] = ("anthropic", true),
        ["openai"] = ("openai", true),
        ["text-completion-openai"] = ("openai", true),
        ["chatgpt"] = ("openai", true),
        ["google"] = ("google", true),
        ["gemini"] = ("google", true),
        ["palm"] = ("google", true),
        ["mistral"] = ("mistral-ai", true),
        ["codestral"] = ("mistral-ai", true),
        ["text-completion-codestral"] = ("mistral-ai", true),
        ["deepseek"] = ("deepseek", true),
        ["alibaba"] = ("alibaba", true),
        ["alibaba-cn"] = ("alibaba", true),
        ["alibaba-coding-plan"] = ("alibaba", true),
        ["alibaba-coding-plan-cn"] = ("alibaba", true),
        ["alibaba-token-plan"] = ("alibaba", true),
        ["alibaba-token-plan-cn"] = ("alibaba", true),
        ["dashscope"] = ("alibaba", true),
        ["xai"] = ("xai", true),
        ["moonshotai"] = ("moonshot-ai", true),
        ["moonshotai-cn"] = ("moonshot-ai", true),
        ["moonshot"] = ("moonshot-ai", true),
        ["kimi-for-coding"] = ("moonshot-ai", true),
        ["zai"] = ("zhipu-ai", true),
        ["zai-coding-plan"] = ("zhipu-ai", true),
        ["zhipuai"] = ("zhipu-ai", true),
        ["zhipuai-coding-plan"] = ("zhipu-ai", true),
        ["cohere"] = ("cohere", true),
        ["cohere_chat"] = ("cohere", true),
        ["minimax"] = ("minimax", true),
        ["minimax-cn"] = ("minimax", true),
        ["minimax-coding-plan"] = ("minimax", true),
        ["minimax-cn-coding-plan"] = ("minimax", true),
        ["llama"] = ("meta", true),
        ["meta_llama"] = ("meta", true),
        ["meta"] = ("meta", true),
        ["xiaomi"] = ("xiaomi", true),
        ["xiaomi-token-plan-ams"] = ("xiaomi", true),
        ["xiaomi-token-plan-cn"] = ("xiaomi", true),
        ["xiaomi-token-plan-sgp"] = ("xiaomi", true),
        ["stepfun"] = ("stepfun", true),
        ["stepfun-ai"] = ("stepfun", true),
        ["perplexity"] = ("perplexity", true),
        ["perplexity-agent"] = ("perplexity", true),
        ["upstage"] = ("upstage", true),
        ["inception"] = ("inception", true),
        ["text-completion-inception"] = ("inception", true),
        ["sarvam"] = ("sarvam", true),
        ["ai21"] = ("ai21", true),
        ["sakana"] = ("sakana", true),
        ["poolside"] = ("poolside", true),
        ["amazon_nova"] = ("amazon", true),

        // Clouds that also serve their owner's models: first-party for those, resellers for the rest.
        ["google-vertex"] = ("google", false),
        ["google-vertex-anthropic"] = ("google", false),
        ["vertex_ai"] = ("google", false),
        ["vertex_ai-language-models"] = ("google", false),
        ["vertex_ai-anthropic_models"] = ("google", false),
        ["vertex_ai-mistral_models"] = ("google", false),
        ["vertex_ai-llama_models"] = ("google", false),
        ["vertex_ai-deepseek_models"] = ("google", false),
        ["vertex_ai-qwen_models"] = ("google", false),
        ["vertex_ai-openai_models"] = ("google", false),
        ["vertex_ai-zai_models"] = ("google", false),
        ["vertex_ai-ai21_models"] = ("google", false),
        ["vertex_ai-minimax_models"] = ("google", false),
        ["vertex_ai-moonshot_models"] = ("google", false),
        ["amazon-bedrock"] = ("amazon", false),
        ["bedrock"] = ("amazon", false),
        ["bedrock_converse"] = ("amazon", false),
        ["bedrock_mantle"] = ("amazon", false),
        ["sagemaker"] = ("amazon", false),
        ["azure"] = ("microsoft", false),
        ["azure_ai"] = ("microsoft", false),
        ["azure_text"] = ("microsoft", false),
        ["azure-cognitive-services"] = ("microsoft", false),
        ["github-models"] = ("microsoft", false),
        ["github_copilot"] = ("microsoft", false),
        ["nvidia"] = ("nvidia", false),
        ["nvidia_nim"] = ("nvidia", false),
        ["tencent"] = ("tencent", false),
        ["tencent-tokenhub"] = ("tencent", false),
        ["tencent-coding-plan"] = ("tencent", false),
        ["volcengine"] = ("bytedance", false),
        ["watsonx"] = ("ibm", false),
        ["snowflake"] = ("snowflake", false),
        ["snowflake-cortex"] = ("snowflake", false),
        ["databricks"] = ("databricks", false),
    };

    /// <summary>
    /// Words in a provider code that mark a subscription plan rather than a pay-as-you-go API: models.dev
    /// lists each lab's coding and token plans (<c>zai-coding-plan</c>, <c>alibaba-token-plan-cn</c>,
    /// <c>kimi-for-coding</c>) as providers of their own, with per-token prices of 0 since the plan's fee
    /// covers the tokens. Every provider of that kind in the snapshots carries one of these words in its code
    /// (and "Coding Plan", "Token Plan" or "For Coding" in its name).
    /// </summary>
    private static readonly string[] PlanWords = ["coding-plan", "token-plan", "for-coding"];

    /// <summary>
    /// Providers whose tokens come with a seat subscription, not a price list, and whose codes carry no
    /// plan word: GitHub Copilot (LiteLLM's <c>github_copilot</c>) and GitLab Duo (models.dev's <c>gitlab</c>).
    /// </summary>
    private static readonly HashSet<string> SubscriptionProviders = new(StringComparer.OrdinalIgnoreCase)
    {
        "github_copilot", "gitlab",
    };

    /// <summary>The family word a model's name starts with -> its developer.</summary>
    private static readonly Dictionary<string, string> FamilyDevelopers = new(StringComparer.Ordinal)
    {
        ["claude"] = "anthropic",
        ["gpt"] = "openai", ["chatgpt"] = "openai", ["o1"] = "openai", ["o3"] = "openai", ["o4"] = "openai",
        ["dall"] = "openai", ["whisper"] = "openai", ["davinci"] = "openai", ["codex"] = "openai", ["sora"] = "openai",
        ["gemini"] = "google", ["gemma"] = "google", ["palm"] = "google", ["lamda"] = "google", ["bert"] = "google",
        ["codegemma"] = "google", ["paligemma"] = "google", ["imagen"] = "google", ["veo"] = "google",
        ["llama"] = "meta",
        ["mistral"] = "mistral-ai", ["mixtral"] = "mistral-ai", ["magistral"] = "mistral-ai", ["devstral"] = "mistral-ai",
        ["codestral"] = "mistral-ai", ["pixtral"] = "mistral-ai", ["ministral"] = "mistral-ai", ["voxtral"] = "mistral-ai",
        ["deepseek"] = "deepseek",
        ["qwen"] = "alibaba", ["qwq"] = "alibaba", ["qvq"] = "alibaba",
        ["glm"] = "zhipu-ai", ["chatglm"] = "zhipu-ai",
        ["kimi"] = "moonshot-ai",
        ["grok"] = "xai",
        ["command"] = "cohere", ["aya"] = "cohere", ["c4ai"] = "cohere",
        ["phi"] = "microsoft",
        ["nova"] = "amazon", ["titan"] = "amazon",
        ["minimax"] = "minimax", ["abab"] = "minimax",
        ["ernie"] = "baidu",
        ["hunyuan"] = "tencent",
        ["doubao"] = "bytedance",
        ["step"] = "stepfun",
        ["mimo"] = "xiaomi",
        ["nemotron"] = "nvidia",
        ["jamba"] = "ai21",
        ["sonar"] = "perplexity",
        ["falcon"] = "tii",
        ["baichuan"] = "baichuan",
        ["granite"] = "ibm",
    };

    /// <summary>
    /// OpenRouter id prefixes (<c>meta-llama/llama-3.1-8b-instruct</c>) that are not a provider code above -> the developer.
    /// A prefix in neither table is the developer's own OpenRouter handle (<c>nousresearch</c>) and names it.
    /// </summary>
    private static readonly Dictionary<string, string> OpenRouterPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["meta-llama"] = "meta",
        ["mistralai"] = "mistral-ai",
        ["x-ai"] = "xai",
        ["qwen"] = "alibaba",
        ["z-ai"] = "zhipu-ai",
        ["thudm"] = "zhipu-ai",
        ["bytedance-seed"] = "bytedance",
        ["bytedance-research"] = "bytedance",
        ["ibm-granite"] = "ibm",
        ["sarvamai"] = "sarvam",
        ["stepfun-ai"] = "stepfun",
        ["nvidia"] = "nvidia",
        ["microsoft"] = "microsoft",
        ["amazon"] = "amazon",
        ["baidu"] = "baidu",
        ["tencent"] = "tencent",
        ["bytedance"] = "bytedance",
        ["databricks"] = "databricks",
    };

    /// <summary>Organisation names as Epoch AI and models.dev write them (compared as <see cref="AliasKey"/>) -> organisation id.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [AliasKey.Of("Anthropic")] = "anthropic",
        [AliasKey.Of("OpenAI")] = "openai",
        [AliasKey.Of("Google")] = "google",
        [AliasKey.Of("Google DeepMind")] = "google",
        [AliasKey.Of("DeepMind")] = "google",
        [AliasKey.Of("Google Research")] = "google",
        [AliasKey.Of("Google Brain")] = "google",
        [AliasKey.Of("Meta AI")] = "meta",
        [AliasKey.Of("Meta")] = "meta",
        [AliasKey.Of("Facebook AI Research")] = "meta",
        [AliasKey.Of("Facebook")] = "meta",
        [AliasKey.Of("Mistral AI")] = "mistral-ai",
        [AliasKey.Of("DeepSeek")] = "deepseek",
        [AliasKey.Of("Alibaba")] = "alibaba",
        [AliasKey.Of("Alibaba Cloud")] = "alibaba",
        [AliasKey.Of("Zhipu AI")] = "zhipu-ai",
        [AliasKey.Of("Z.ai (Zhipu AI)")] = "zhipu-ai",
        [AliasKey.Of("Z.ai")] = "zhipu-ai",
        [AliasKey.Of("Moonshot")] = "moonshot-ai",
        [AliasKey.Of("Moonshot AI")] = "moonshot-ai",
        [AliasKey.Of("xAI")] = "xai",
        [AliasKey.Of("Microsoft")] = "microsoft",
        [AliasKey.Of("Microsoft Research")] = "microsoft",
        [AliasKey.Of("NVIDIA")] = "nvidia",
        [AliasKey.Of("Cohere")] = "cohere",
        [AliasKey.Of("Cohere for AI")] = "cohere",
        [AliasKey.Of("Amazon")] = "amazon",
        [AliasKey.Of("Baidu")] = "baidu",
        [AliasKey.Of("Tencent")] = "tencent",
        [AliasKey.Of("ByteDance")] = "bytedance",
        [AliasKey.Of("MiniMax")] = "minimax",
        [AliasKey.Of("Technology Innovation Institute")] = "tii",
    };

    /// <summary>Display names of organisation ids this table may produce that are not curated everywhere.</summary>
    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.Ordinal)
    {
        ["xai"] = "xAI", ["ibm"] = "IBM", ["nvidia"] = "NVIDIA", ["xiaomi"] = "Xiaomi", ["stepfun"] = "StepFun",
        ["perplexity"] = "Perplexity", ["upstage"] = "Upstage", ["inception"] = "Inception", ["sarvam"] = "Sarvam AI",
        ["ai21"] = "AI21 Labs", ["sakana"] = "Sakana AI", ["poolside"] = "Poolside", ["snowflake"] = "Snowflake",
        ["databricks"] = "Databricks", ["cohere"] = "Cohere", ["microsoft"] = "Microsoft", ["amazon"] = "Amazon",
        ["minimax"] = "MiniMax", ["tii"] = "Technology Innovation Institute", ["baidu"] = "Baidu", ["tencent"] = "Tencent",
        ["bytedance"] = "ByteDance", ["baichuan"] = "Baichuan", ["moonshot-ai"] = "Moonshot AI", ["zhipu-ai"] = "Zhipu AI",
        ["alibaba"] = "Alibaba", ["deepseek"] = "DeepSeek", ["mistral-ai"] = "Mistral AI", ["meta"] = "Meta",
        ["google"] = "Google", ["openai"] = "OpenAI", ["anthropic"] = "Anthropic",
    };

    /// <summary>The organisation running a provider (<c>bedrock</c> -> <c>amazon</c>), or null for a reseller not in the table.</summary>
    public static string? OfProvider(string? provider) =>
        provider is not null && Providers.TryGetValue(provider, out var p) ? p.Organisation : null;

    /// <summary>True when the provider is a lab's own API, serving only that lab's models.</summary>
    public static bool ServesOwnModelsOnly(string? provider) =>
        provider is not null && Providers.TryGetValue(provider, out var p) && p.OwnModelsOnly;

    /// <summary>
    /// True when the provider sells a subscription plan (a coding or token plan, a seat of an assistant):
    /// its per-token figures are what the plan meters, not list prices, and are kept as offering <c>plan</c>.
    /// </summary>
    public static bool IsPlan(string? provider) =>
        provider is not null
        && (SubscriptionProviders.Contains(provider) || PlanWords.Any(w => provider.Contains(w, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The developer an OpenRouter id's prefix names (<c>anthropic/claude-3.5-sonnet</c> -> <c>anthropic</c>,
    /// <c>meta-llama/…</c> -> <c>meta</c>); a leading <c>~</c> (OpenRouter's moving aliases) is ignored. Null for an id without a prefix.
    /// </summary>
    public static string? OfOpenRouterPrefix(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var prefix = id[..slash].TrimStart('~');
        if (prefix.Length == 0)
        {
            return null;
        }

        return OpenRouterPrefixes.TryGetValue(prefix, out var developer) ? developer : OfProvider(prefix) ?? Slug.Of(prefix);
    }

    /// <summary>The developer a model key's family word names (<c>claude</c> -> <c>anthropic</c>), if known.</summary>
    public static string? OfFamily(ModelKey key) =>
        key.FamilyWord is { } word && FamilyDevelopers.TryGetValue(word, out var id) ? id : null;

    /// <summary>
    /// The organisation id an organisation name stands for: the first of a comma-joined list
    /// (<c>Z.ai (Zhipu AI),Tsinghua</c>), a provider code, a known name, or else the slug of the name.
    /// Null for an empty name.
    /// </summary>
    public static string? OfName(string? name)
    {
        var first = name?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(first))
        {
            return null;
        }

        if (Providers.TryGetValue(first, out var provider))
        {
            return provider.Organisation;
        }

        return Names.TryGetValue(AliasKey.Of(first), out var id) ? id : Slug.Of(first);
    }

    /// <summary>The English name to give an organisation id created from these tables.</summary>
    public static string DisplayName(string id) => DisplayNames.TryGetValue(id, out var name) ? name : id;
}
