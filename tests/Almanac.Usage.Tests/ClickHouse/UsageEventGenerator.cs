using Almanac.Usage;
namespace Almanac.Tests.Usage.ClickHouse;

/// <summary>
/// Deterministic synthetic usage events for the engine tests: three months of calls spread over
/// developers, models and providers (some unresolved), with nullable latencies and costs. Costs are
/// whole multiples of 1/1024 USD so that any order of summing them is exact and two engines'
/// sums can be compared bit for bit.
/// </summary>
internal static class UsageEventGenerator
{
    private static readonly (string Developer, string Model)[] Models =
    [
        ("openai", "gpt-4o"), ("openai", "gpt-4o-mini"), ("anthropic", "claude-sonnet-4"),
        ("anthropic", "claude-haiku-3-5"), ("google", "gemini-2-5-pro"), ("meta", "llama-3-1-70b"),
        ("", ""), // an unresolved model string
    ];

    private static readonly string[] Providers = ["openai", "anthropic", "azure", "bedrock", "vertex", "openrouter"];
    private static readonly string[] Teams = ["search", "support", "ml-platform", ""];
    private static readonly string[] Apps = ["chat", "batch-summariser", "agent"];

    private static readonly long FirstMs = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly long Span = (long)TimeSpan.FromDays(90).TotalMilliseconds;

    public static IReadOnlyList<UsageEvent> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var events = new List<UsageEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var (developer, model) = Models[random.Next(Models.Length)];
            var requests = 1 + random.Next(3);
            events.Add(new UsageEvent(
                EventId: $"evt-{seed}-{i:D7}",
                StartMs: FirstMs + random.NextInt64(Span),
                DurationMs: random.Next(10) == 0 ? null : 50 + random.Next(20_000) / 4.0,
                TimeToFirstTokenMs: random.Next(4) == 0 ? null : random.Next(3_000),
                Source: "otel",
                ModelRaw: model.Length > 0 ? model : "my-finetune-" + random.Next(5),
                ModelId: model,
                DeveloperId: developer,
                Provider: Providers[random.Next(Providers.Length)],
                InputTokens: random.Next(1, 20_000),
                OutputTokens: random.Next(0, 4_000),
                CacheReadTokens: random.Next(0, 1_000),
                ReasoningTokens: random.Next(0, 500),
                Requests: requests,
                Errors: random.Next(20) == 0 ? 1 : 0,
                CostLogged: random.Next(10) == 0 ? null : random.Next(1, 50_000) / 1024.0,
                CostListed: random.Next(5) == 0 ? null : random.Next(1, 50_000) / 1024.0,
                User: "user-" + random.Next(500),
                Team: Teams[random.Next(Teams.Length)],
                App: Apps[random.Next(Apps.Length)],
                Tags: random.Next(3) == 0 ? "batch,eval" : ""));
        }
        return events;
    }
}
