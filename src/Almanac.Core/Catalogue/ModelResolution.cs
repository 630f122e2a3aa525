using Almanac.Knowledge;

namespace Almanac.Catalogue;

/// <summary>One record of a dataset, with the dataset's code (<c>models-dev</c>, <c>litellm</c>, <c>epoch</c>).</summary>
public sealed record SourcedRecord(string Dataset, DatasetRecord Record);

/// <summary>Why a record landed on no canonical model.</summary>
public enum UnresolvedReason
{
    /// <summary>Neither the id nor the name leaves anything to compare once hosting and packaging are taken off.</summary>
    NoUsableName,

    /// <summary>The record is a dataset's bookkeeping entry, not a model.</summary>
    NotAModel,

    /// <summary>The names of the record point at two or more curated models.</summary>
    Ambiguous,

    /// <summary>The name is that of a curated model family (<c>Claude</c>, <c>Mistral Small</c>), not one model in it.</summary>
    FamilyNotModel,
}

/// <summary>
/// What one record resolved to: exactly one of a canonical model id or an unresolved reason.
/// </summary>
/// <param name="Key">The key the record was compared by: its name's where it has a human name, else its id's.</param>
/// <param name="ModelId">The canonical model id (curated or new), or null when unresolved.</param>
/// <param name="Reason">Why the record is unresolved, or null when resolved.</param>
/// <param name="Message">For an unresolved record, what was found: <c>ambiguous between 'a' and 'b'</c>.</param>
/// <param name="Developer">The organisation id that makes the model, where it could be told.</param>
/// <param name="IsFirstParty">True when the record's provider is the model's developer (Anthropic's API for Claude,
/// Vertex AI for Gemini), false for resellers (Bedrock for Claude, OpenRouter) and records without a provider.</param>
public sealed record RecordResolution(
    string Dataset,
    DatasetRecord Record,
    ModelKey Key,
    string? ModelId,
    UnresolvedReason? Reason,
    string? Message,
    string? Developer,
    bool IsFirstParty)
{
    public bool IsResolved => ModelId is not null;
}

/// <summary>
/// The outcome of <see cref="ModelResolver.Resolve(IEnumerable{SourcedRecord})"/>: a resolution for every
/// record in input order, the model entities created for models no curated entity names, and the
/// organisations those name as developer that are not curated.
/// </summary>
public sealed class ModelResolution
{
    private readonly Dictionary<DatasetRecord, RecordResolution> _byRecord;

    internal ModelResolution(IReadOnlyList<RecordResolution> records, IReadOnlyList<Entity> newModels, IReadOnlyList<Entity> newOrganisations)
    {
        Records = records;
        NewModels = newModels;
        NewOrganisations = newOrganisations;
        _byRecord = new Dictionary<DatasetRecord, RecordResolution>(ReferenceEqualityComparer.Instance);
        foreach (var r in records)
        {
            _byRecord.TryAdd(r.Record, r);
        }
    }

    public IReadOnlyList<RecordResolution> Records { get; }

    /// <summary>New model entities (kind model), ids unique and distinct from every curated id.</summary>
    public IReadOnlyList<Entity> NewModels { get; }

    /// <summary>Developers named by new models that are not curated organisations.</summary>
    public IReadOnlyList<Entity> NewOrganisations { get; }

    public IEnumerable<RecordResolution> Unresolved => Records.Where(r => !r.IsResolved);

    /// <summary>The resolution of a record passed in (the same instance), or null.</summary>
    public RecordResolution? For(DatasetRecord record) => _byRecord.GetValueOrDefault(record);

    /// <summary>True when the record's provider is the developer of the model it resolved to.</summary>
    public bool IsFirstParty(DatasetRecord record) => For(record)?.IsFirstParty ?? false;
}
