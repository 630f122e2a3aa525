namespace Almanac.Usage;

/// <summary>
/// One LLM call (or, for an organisation usage page, one bucket of calls) as every reader gives it
/// and every engine stores it: the row of the normalised events table. The column names and types
/// are the contract between the readers and the engines' SQL files (<c>Sql/*.sql</c> of each engine);
/// times are UTC milliseconds since the Unix epoch because ClickHouse 18.16 has no sub-second
/// timestamp type and both engines must give identical answers.
/// </summary>
/// <param name="EventId">The span id, request id or bucket key; when a log has none, a hash of the line's content. Ingesting an event whose id is stored adds nothing.</param>
/// <param name="StartMs">When the call started (<c>start_ms</c>).</param>
/// <param name="DurationMs">Start to end (<c>duration_ms</c>); null when the log does not say.</param>
/// <param name="TimeToFirstTokenMs">Start to the first streamed token (<c>ttft_ms</c>); null when not logged.</param>
/// <param name="Source">The log format it came from (<c>otel</c>, <c>litellm</c>, <c>openai</c>, <c>csv</c>).</param>
/// <param name="ModelRaw">The model string as logged (the response model where the log has one, else the requested one).</param>
/// <param name="ModelId">The canonical model it resolved to; empty when it resolved to nothing (then <see cref="ModelRaw"/> is listed as unresolved).</param>
/// <param name="DeveloperId">The organisation that made the model; empty when unknown.</param>
/// <param name="Provider">Who served the call (the API's provider, a reseller or a cloud); kept apart from the developer.</param>
/// <param name="Requests">Calls this event stands for: 1 for a span or a log row, the bucket's count for a usage page.</param>
/// <param name="Errors">Of those, calls that failed.</param>
/// <param name="CostLogged">The cost in USD as the log states it; null when it states none.</param>
/// <param name="CostListed">The cost at the list price in force on the event's day; null when no price is known.</param>
/// <param name="User">The end user, API key owner or similar dimension; empty when not logged.</param>
/// <param name="Team">The team dimension; empty when not logged.</param>
/// <param name="App">The service or application dimension; empty when not logged.</param>
/// <param name="Tags">Free tags, sorted and joined by commas; empty when none.</param>
public sealed record UsageEvent(
    string EventId,
    long StartMs,
    double? DurationMs,
    double? TimeToFirstTokenMs,
    string Source,
    string ModelRaw,
    string ModelId,
    string DeveloperId,
    string Provider,
    long InputTokens,
    long OutputTokens,
    long CacheReadTokens,
    long ReasoningTokens,
    long Requests,
    long Errors,
    double? CostLogged,
    double? CostListed,
    string User,
    string Team,
    string App,
    string Tags);
