using Almanac.Knowledge;

namespace Almanac.Catalogue;

/// <summary>
/// One model as a public dataset lists it: a provider's offering in models.dev or LiteLLM, a base
/// model in models.dev's labs, a row of Epoch AI's table. Values are already in Almanac's units
/// (prices per 1M tokens in USD, parameters as a count).
/// </summary>
/// <param name="Key">Where the record sits in its dataset, stable across snapshots:
/// <c>providers/anthropic/models/claude-3-5-sonnet-20240620</c>, <c>us.anthropic.claude-3-5-sonnet-20240620-v1:0</c>,
/// <c>Claude 3.5 Sonnet</c>.</param>
/// <param name="ModelId">The identifier the dataset uses for the model (an API id or, for Epoch, the name).</param>
/// <param name="ModelName">The human name, where the dataset gives one.</param>
/// <param name="Provider">Who serves this offering (<c>anthropic</c>, <c>bedrock</c>, <c>openrouter</c>); null for records not tied to a provider (labs, Epoch).</param>
/// <param name="Organization">The developer, where the dataset states it (Epoch's Organization, the labs lab).</param>
/// <param name="Location">Where the record was read, for messages: a JSON path or a CSV line.</param>
public sealed record DatasetRecord(
    string Key,
    string ModelId,
    string? ModelName,
    string? Provider,
    string? Organization,
    IReadOnlyList<RecordValue> Values,
    string Location);

/// <summary>One value a record states: metric, optional scope (e.g. a benchmark), value.</summary>
public sealed record RecordValue(string MetricId, FactValue Value, Scope? Scope = null);
