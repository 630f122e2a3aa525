using Almanac.Analytics;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Analytics;

/// <summary>Facts and sources shaped exactly as the curated Menlo Ventures survey facts are.</summary>
internal static class MenloFacts
{
    public static readonly Source Report2024 = new(
        "menlo-2024-state-of-generative-ai-in-the-enterprise",
        "Menlo Ventures",
        "2024: The State of Generative AI in the Enterprise",
        new Uri("https://menlovc.com/2024-the-state-of-generative-ai-in-the-enterprise/"),
        new DateOnly(2024, 11, 20),
        SourceKind.Primary);

    public static readonly Source MidYear2025 = new(
        "menlo-2025-mid-year-llm-market-update",
        "Menlo Ventures",
        "2025 Mid-Year LLM Market Update: Foundation Model Landscape + Economics",
        new Uri("https://menlovc.com/perspective/2025-mid-year-llm-market-update/"),
        new DateOnly(2025, 7, 31),
        SourceKind.Primary);

    public static readonly Source TechCrunch = new(
        "techcrunch-2025-07-31-enterprises-prefer-anthropic",
        "TechCrunch",
        "Enterprises prefer Anthropic's AI models over anyone else's, including OpenAI's",
        new Uri("https://techcrunch.com/2025/07/31/enterprises-prefer-anthropics-ai-models-over-anyone-elses-including-openais/"),
        new DateOnly(2025, 7, 31),
        SourceKind.Secondary);

    public static readonly Source Report2025 = new(
        "menlo-2025-state-of-generative-ai-in-the-enterprise",
        "Menlo Ventures",
        "2025: The State of Generative AI in the Enterprise",
        new Uri("https://menlovc.com/perspective/2025-the-state-of-generative-ai-in-the-enterprise/"),
        new DateOnly(2025, 12, 9),
        SourceKind.Primary);

    public static readonly ShareQuery Usage = new("enterprise-llm-api", "usage");

    public static readonly ShareQuery Spend = new("enterprise-llm-api", "spend");

    /// <summary>Every market-share fact of the curated Menlo file, plus a spend fact that is not a share.</summary>
    public static IReadOnlyList<SourcedFact> All { get; } =
    [
        Share("openai", "usage", "@2023-12-31", 50, MidYear2025),
        Share("openai", "usage", "@2025-06-30", 25, MidYear2025, sample: 150),
        Share("anthropic", "usage", "@2025-06-30", 32, MidYear2025, sample: 150),
        Share("google", "usage", "@2025-06-30", 20, MidYear2025, sample: 150),
        Share("meta", "usage", "@2025-06-30", 9, MidYear2025, sample: 150),
        Share("deepseek", "usage", "@2025-06-30", 1, MidYear2025, sample: 150),
        Share("anthropic", "usage", "@2025-06-30", 42, MidYear2025, sample: 150, useCase: "coding"),
        Share("openai", "usage", "@2025-06-30", 21, MidYear2025, sample: 150, useCase: "coding"),
        Share("open-source-models", "usage", "@2025-06-30", 13, MidYear2025, sample: 150),
        Share("open-source-models", "usage", "2024-H2", 19, MidYear2025),
        Share("claude-sonnet-4", "usage", "2025-06", 45, MidYear2025, sample: 150, segment: "anthropic-users"),
        Share("claude-3-5-sonnet", "usage", "2025-05", 83, MidYear2025, sample: 150, segment: "anthropic-users"),
        Share("claude-3-5-sonnet", "usage", "2025-06", 16, MidYear2025, sample: 150, segment: "anthropic-users"),
        Share("anthropic", "usage", "2023", 12, TechCrunch),
        Share("anthropic", "usage", "@2025-06-30", 32, TechCrunch),
        Share("openai", "usage", "2024", 34, Report2024),
        Share("openai", "usage", "2023", 50, Report2024),
        Share("anthropic", "usage", "2024", 24, Report2024),
        Share("anthropic", "usage", "2023", 12, Report2024),
        Share("anthropic", "spend", "2025", 40, Report2025, sample: 495),
        Share("anthropic", "spend", "2024", 24, Report2025),
        Share("anthropic", "spend", "2023", 12, Report2025),
        Share("openai", "spend", "2025", 27, Report2025, sample: 495),
        Share("openai", "spend", "2023", 50, Report2025),
        Share("google", "spend", "2025", 21, Report2025, sample: 495),
        Share("google", "spend", "2023", 7, Report2025),
        Share("anthropic", "spend", "2025", 54, Report2025, sample: 495, useCase: "coding", qualifier: Qualifier.Estimated),
        Share("openai", "spend", "2025", 21, Report2025, sample: 495, useCase: "coding"),
        Share("open-source-models", "spend", "2025", 11, Report2025, sample: 495),
        Share("open-source-models", "spend", "2024", 19, Report2025),
        Share("chinese-open-source-models", "usage", "2025", 1, Report2025, sample: 495),
        new(
            new Fact("enterprise-llm-api", "spend", Scope.Empty, Canonical("2024"), FactValue.Of(Quantity.Of(3.5e9m, Unit.Usd)), Obtained.Estimated, MidYear2025.Id, null),
            MidYear2025),
    ];

    /// <summary>A market share in the enterprise LLM API market, as the curated files write one.</summary>
    public static SourcedFact Share(
        string entity,
        string basis,
        string period,
        decimal percent,
        Source source,
        int? sample = null,
        string? useCase = null,
        string? segment = null,
        Qualifier qualifier = Qualifier.Exact,
        string market = "enterprise-llm-api",
        string? region = null,
        Obtained obtained = Obtained.Survey)
    {
        var scope = new Dictionary<string, string> { ["market"] = market, ["basis"] = basis };
        if (useCase is not null)
        {
            scope["use-case"] = useCase;
        }

        if (segment is not null)
        {
            scope["segment"] = segment;
        }

        if (region is not null)
        {
            scope["region"] = region;
        }

        var fact = new Fact(entity, "market-share", Scope.Of(scope), Canonical(period), FactValue.Of(Quantity.Of(percent, Unit.Percent, qualifier)), obtained, source.Id, null, sample);
        return new SourcedFact(fact, source);
    }

    public static Period Canonical(string period) =>
        Period.TryParseCanonical(period, out var parsed) ? parsed : throw new ArgumentException($"Not a canonical period: {period}", nameof(period));

    public static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
}
