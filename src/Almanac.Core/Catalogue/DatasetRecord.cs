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
/// <param name="Subject">What the record is about: a model (landed by the model resolution rules) or an
/// organisation (a company row of Epoch AI's companies data, landed on the organisation its name stands for),
/// or a product (<see cref="ModelId"/> is the curated product's id, e.g. <c>chatgpt</c>; without one the record stays on its <see cref="Organization"/>).</param>
public sealed record DatasetRecord(
    string Key,
    string ModelId,
    string? ModelName,
    string? Provider,
    string? Organization,
    IReadOnlyList<RecordValue> Values,
    string Location,
    EntityKind Subject = EntityKind.Model);

/// <summary>
/// One value a record states: metric, optional scope (e.g. a benchmark), value, and where the
/// dataset says more than the snapshot does, the value's own period and source.
/// </summary>
/// <param name="Period">The period the value describes (a week of token counts, the day of a funding round);
/// null for a value that is as of the snapshot's day (a list price, a context window).</param>
/// <param name="Source">The document the value rests on, where the dataset cites one per row (Epoch AI's
/// companies data); null to cite the snapshot itself.</param>
/// <param name="Quote">The row's own words for the value, where the dataset keeps them.</param>
/// <param name="Note">What the dataset says about the value (its confidence, its type), kept with the fact.</param>
public sealed record RecordValue(
    string MetricId,
    FactValue Value,
    Scope? Scope = null,
    Periods.Period? Period = null,
    Source? Source = null,
    Obtained Obtained = Obtained.Reported,
    string? Quote = null,
    string? Note = null);
