using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Almanac.Knowledge;

namespace Almanac.Catalogue;

/// <summary>
/// Lands each model record of the public datasets on one canonical model: a curated model where
/// one is the same model, else a new model shared by every record with the same key.
/// </summary>
/// <remarks>
/// The steps, for each record:
/// <list type="number">
/// <item>A dataset's bookkeeping entries (<c>sample_spec</c>) are not models.</item>
/// <item>The key is the record's human name's where it has one (models.dev names are written by hand
/// and carry what ids leave out: <c>DeepSeek-V3.1</c> for <c>deepseek.v3-v1:0</c>), else its id's.</item>
/// <item>Exact: the id, the name, or their stems written as a curated model's id, name or alias
/// (compared as <see cref="AliasKey"/>) land there; the curated aliases are the deliberate exceptions
/// to the key rules (<c>Mistral Large 2407</c>). Where the id's key and the name's key differ, only the
/// name counts, and the id only when written as a curated alias that pins a dated snapshot
/// (<c>claude-3-5-sonnet-20241022</c>, named <c>Claude Sonnet 3.5 v2</c>).</item>
/// <item>Key: the key equal to the key of a curated model's id, name or alias lands there.</item>
/// <item>Family: a key or name of a curated model family does not land, unless the family has exactly one
/// model and that model's name is the family's plus a size (<c>Llama 3.3</c> is <c>Llama 3.3 70B</c>).</item>
/// <item>Two or more curated models from the steps above: unresolved, ambiguous.</item>
/// <item>A moving pointer without a version number (<c>Gemini Pro Latest</c>) lands only where its own id or name is curated;
/// otherwise it is a model of its own, never a fixed model or family that shares its words.</item>
/// <item>Otherwise records with the same key make one new model.</item>
/// </list>
/// </remarks>
public sealed partial class ModelResolver
{
    private static readonly HashSet<string> BookkeepingKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "sample_spec", "fallback_generalizations", "last_updated",
    };

    private readonly Dictionary<string, Entity> _curated;
    private readonly Dictionary<string, HashSet<string>> _modelsByAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _modelsBySnapshotAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _modelsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _familiesByAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _familiesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _soleModelOfFamily = new(StringComparer.Ordinal);

    /// <summary>The names of the curated models and families as they compare: a new model's name must differ from each.</summary>
    private readonly HashSet<string> _curatedNames;

    /// <summary>
    /// The key of each name met so far, shared by every resolver: the rules are a chain of regular expressions
    /// and a key depends on the name alone, while one resolution asks for the key of the same id or name several
    /// times (to match it, to find its developer, to name a new model) and each import resolves again the records
    /// of every dataset imported before it.
    /// </summary>
    private static readonly ConcurrentDictionary<string, ModelKey> Keys = new(StringComparer.Ordinal);

    /// <summary>Names kept in <see cref="Keys"/> at most; past that it starts again, so a long-running process does not grow without end.</summary>
    private const int MaxKeptKeys = 200_000;

    /// <summary>
    /// The steps matched so far against one set of curated models and families (<see cref="MatchedSteps.Curated"/>
    /// tells which). A step depends on a record's id and name and on those curated entities alone, and every import
    /// resolves again the records of every dataset imported before it, against the same curated data.
    /// </summary>
    private static MatchedSteps? _lastMatched;

    /// <summary>The steps of this resolver's curated entities, shared with any other resolver of the same ones.</summary>
    private readonly ConcurrentDictionary<(string Id, string? Name), Step> _matched;

    /// <param name="curated">The curated entities (all kinds; models and model families are matched, every id is reserved).</param>
    public ModelResolver(IEnumerable<Entity> curated)
    {
        _curated = curated.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var matchedAgainst = new StringBuilder();
        foreach (var entity in _curated.Values)
        {
            var (byAlias, byKey) = entity.Kind switch
            {
                EntityKind.Model => (_modelsByAlias, _modelsByKey),
                EntityKind.ModelFamily => (_familiesByAlias, _familiesByKey),
                _ => (null, null),
            };
            if (byAlias is null || byKey is null)
            {
                continue;
            }

            matchedAgainst.Append(entity.Kind.ToCode()).Append(Separator).Append(entity.Id).Append(Separator).Append(entity.Parent).Append(Separator);
            foreach (var name in KnowledgeBase.NamesOf(entity))
            {
                matchedAgainst.Append(name).Append(Separator);
                Add(byAlias, AliasKey.Of(name), entity.Id);
                var key = KeyOf(name);
                if (!key.IsEmpty)
                {
                    Add(byKey, key.Identity, entity.Id);
                }

                if (entity.Kind == EntityKind.Model && key.Snapshot is not null)
                {
                    Add(_modelsBySnapshotAlias, AliasKey.Of(name), entity.Id);
                }
            }
        }

        _curatedNames = _curated.Values.Where(e => e.Kind is EntityKind.Model or EntityKind.ModelFamily)
            .Select(e => AliasKey.Of(e.Name.En)).ToHashSet(StringComparer.Ordinal);
        var modelsByFamily = _curated.Values.Where(e => e.Kind == EntityKind.Model && e.Parent is not null).ToLookup(e => e.Parent!, StringComparer.Ordinal);
        foreach (var family in _curated.Values.Where(e => e.Kind == EntityKind.ModelFamily))
        {
            var children = modelsByFamily[family.Id].ToArray();
            var familyKey = KeyOf(family.Name.En);
            if (children.Length == 1 && KeyOf(children[0].Name.En).IdentityWithoutSizes == familyKey.Identity)
            {
                _soleModelOfFamily[family.Id] = children[0].Id;
            }
        }

        var curatedKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(matchedAgainst.ToString())));
        var last = Volatile.Read(ref _lastMatched);
        if (last is not null && last.Curated == curatedKey && last.Steps.Count < MaxKeptKeys)
        {
            _matched = last.Steps;
        }
        else
        {
            _matched = new ConcurrentDictionary<(string Id, string? Name), Step>();
            Volatile.Write(ref _lastMatched, new MatchedSteps(curatedKey, _matched));
        }
    }

    private const char Separator = '\u001f';

    /// <summary>Resolves every record of the snapshots together, so the same model meets across datasets.</summary>
    public ModelResolution Resolve(IEnumerable<DatasetSnapshot> snapshots) =>
        Resolve(snapshots.SelectMany(s => s.Records.Select(r => new SourcedRecord(s.Dataset, r))));

    /// <summary>Resolves every record together, so the same model meets across datasets.</summary>
    public ModelResolution Resolve(IEnumerable<SourcedRecord> records)
    {
        var input = records.ToArray();

        // A record's step follows from its id and name alone, and the datasets list one model under many
        // providers (models.dev names each model once per provider serving it): each distinct pair is matched once.
        var steps = new Step[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            var record = input[i].Record;
            if (!_matched.TryGetValue((record.ModelId, record.ModelName), out steps[i]))
            {
                _matched[(record.ModelId, record.ModelName)] = steps[i] = Match(record);
            }
        }

        var newModels = NewModels(input, steps);

        var resolutions = new RecordResolution[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            var (dataset, record) = input[i];
            var step = steps[i];
            string? modelId = step.CuratedId;
            string? developer = null;
            if (modelId is not null)
            {
                developer = _curated[modelId].Developer;
            }
            else if (step.Reason is null && newModels.ByIdentity.TryGetValue(step.Key.Identity, out var created))
            {
                modelId = created.Id;
                developer = created.Developer;
            }
            else
            {
                developer = DeveloperEvidence(record, step.Key);
            }

            resolutions[i] = new RecordResolution(
                dataset, record, step.Key, modelId, modelId is null ? step.Reason : null, modelId is null ? step.Message : null,
                developer, IsFirstParty(record, developer));
        }

        return new ModelResolution(resolutions, newModels.Models, newModels.Organisations);
    }

    private static ModelKey KeyOf(string? name)
    {
        var written = name ?? string.Empty;
        if (Keys.TryGetValue(written, out var key))
        {
            return key;
        }

        if (Keys.Count >= MaxKeptKeys)
        {
            Keys.Clear();
        }

        return Keys[written] = ModelKey.Of(written);
    }

    private static bool IsFirstParty(DatasetRecord record, string? developer)
    {
        var operatedBy = Organisations.OfProvider(record.Provider);
        if (operatedBy is null)
        {
            return false;
        }

        return developer is null ? Organisations.ServesOwnModelsOnly(record.Provider) : operatedBy == developer;
    }

    /// <summary>The developer a record itself tells: its family word, its stated organisation, or a lab's own API serving it.</summary>
    private static string? DeveloperEvidence(DatasetRecord record, ModelKey key) =>
        Organisations.OfFamily(key)
        ?? Organisations.OfFamily(KeyOf(record.ModelId))
        ?? Organisations.OfName(record.Organization)
        ?? (Organisations.ServesOwnModelsOnly(record.Provider) ? Organisations.OfProvider(record.Provider) : null);

    private Step Match(DatasetRecord record)
    {
        var idKey = KeyOf(record.ModelId);
        if (BookkeepingKeys.Contains(record.ModelId.Trim()))
        {
            return new Step(idKey, null, UnresolvedReason.NotAModel, $"'{record.ModelId}' is the dataset's own entry, not a model");
        }

        var nameKey = string.IsNullOrWhiteSpace(record.ModelName) ? default : KeyOf(record.ModelName);
        var key = nameKey.IsEmpty ? idKey : nameKey;
        if (key.IsEmpty)
        {
            return new Step(key, null, UnresolvedReason.NoUsableName, $"no model name is left in '{record.ModelId}'");
        }

        // Where the id and the name disagree, the name decides (deepseek.v3-v1:0 is named DeepSeek-V3.1),
        // unless the id is written as a curated alias that pins a dated snapshot (claude-3-5-sonnet-20241022).
        string[] idWritten = [record.ModelId, idKey.Stem];
        string[] nameWritten = nameKey.IsEmpty ? [] : [record.ModelName!, nameKey.Stem];
        var agree = nameKey.IsEmpty || nameKey.Identity == idKey.Identity;
        var aliases = AliasKeys(agree ? [.. idWritten, .. nameWritten] : nameWritten);

        // A moving pointer without a version (Gemini Pro Latest, GPT Latest) follows whatever the developer
        // ships next: it is no fixed curated model nor its family, only a model of its own unless curated by that very name.
        if (key.IsMoving && !key.Tokens.Any(t => t.Any(char.IsAsciiDigit)))
        {
            var named = Lookup(_modelsByAlias, AliasKeys([record.ModelId, .. nameWritten.Take(1)]));
            return named.Count > 0 ? Single(key, named) : new Step(key, null, null, null);
        }

        var exact = Lookup(_modelsByAlias, aliases);
        if (!agree)
        {
            exact.UnionWith(Lookup(_modelsBySnapshotAlias, AliasKeys(idWritten)));
        }

        if (exact.Count > 0)
        {
            return Single(key, exact);
        }

        var byKey = Lookup(_modelsByKey, [key.Identity]);
        if (byKey.Count > 0)
        {
            return Single(key, byKey);
        }

        var families = Lookup(_familiesByAlias, aliases);
        families.UnionWith(Lookup(_familiesByKey, [key.Identity]));
        if (families.Count > 0)
        {
            if (families.Count == 1 && _soleModelOfFamily.TryGetValue(families.First(), out var sole))
            {
                return new Step(key, sole, null, null);
            }

            return new Step(key, null, UnresolvedReason.FamilyNotModel,
                $"'{record.ModelName ?? record.ModelId}' names the model family {Quoted(families)}, not one model");
        }

        return new Step(key, null, null, null);
    }

    private static string[] AliasKeys(IEnumerable<string> written) =>
        written.Where(w => w.Length > 0).Select(AliasKey.Of).Distinct(StringComparer.Ordinal).ToArray();

    private static Step Single(ModelKey key, HashSet<string> ids) =>
        ids.Count == 1
            ? new Step(key, ids.First(), null, null)
            : new Step(key, null, UnresolvedReason.Ambiguous, $"ambiguous between {Quoted(ids)}");

    private static string Quoted(IEnumerable<string> ids) =>
        string.Join(" and ", ids.Order(StringComparer.Ordinal).Select(id => $"'{id}'"));

    private static HashSet<string> Lookup(Dictionary<string, HashSet<string>> index, IEnumerable<string> keys)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (index.TryGetValue(key, out var ids))
            {
                found.UnionWith(ids);
            }
        }

        return found;
    }

    private static void Add(Dictionary<string, HashSet<string>> index, string key, string id)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        ids.Add(id);
    }

    private NewModelSet NewModels(SourcedRecord[] input, Step[] steps)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < input.Length; i++)
        {
            if (steps[i].CuratedId is null && steps[i].Reason is null)
            {
                var identity = steps[i].Key.Identity;
                if (!groups.TryGetValue(identity, out var members))
                {
                    groups[identity] = members = [];
                    order.Add(identity);
                }

                members.Add(i);
            }
        }

        var taken = new HashSet<string>(_curated.Keys, StringComparer.Ordinal);
        var aliasOwners = new Dictionary<string, int>(StringComparer.Ordinal);

        // Each group's records, gathered once: naming, aliases and the developer all read them.
        var membersOf = new Dictionary<string, DatasetRecord[]>(order.Count, StringComparer.Ordinal);
        foreach (var identity in order)
        {
            membersOf[identity] = groups[identity].Select(i => input[i].Record).ToArray();
        }

        var names = DistinctNames(order, identity => membersOf[identity], identity => steps[groups[identity][0]].Key);
        var drafts = new List<(string Identity, string Id, string Name, List<(string Alias, string Key)> Aliases, string? Developer)>();
        foreach (var identity in order)
        {
            var members = membersOf[identity];
            var name = names[identity];
            var id = UniqueId(Slug.Of(name), taken);
            var seen = new HashSet<string>(StringComparer.Ordinal) { AliasKey.Of(name), AliasKey.Of(id) };
            var aliases = new List<(string Alias, string Key)>();
            foreach (var record in members)
            {
                foreach (var written in (ReadOnlySpan<string?>)[record.ModelId, record.ModelName])
                {
                    if (string.IsNullOrWhiteSpace(written))
                    {
                        continue;
                    }

                    var alias = written.Trim();
                    var k = AliasKey.Of(alias);
                    if (seen.Add(k))
                    {
                        aliases.Add((alias, k));
                        aliasOwners[k] = aliasOwners.GetValueOrDefault(k) + 1;
                    }
                }
            }

            var developer = Organisations.OfFamily(steps[groups[identity][0]].Key)
                ?? members.Select(r => Organisations.OfFamily(KeyOf(r.ModelId))).FirstOrDefault(d => d is not null)
                ?? members.Select(r => Organisations.OfName(r.Organization)).Where(d => d is not null)
                    .GroupBy(d => d!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Key).FirstOrDefault()
                ?? members.Where(r => Organisations.ServesOwnModelsOnly(r.Provider)).Select(r => Organisations.OfProvider(r.Provider)).FirstOrDefault();
            drafts.Add((identity, id, name, aliases, developer));
        }

        var models = new List<Entity>();
        var byIdentity = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var (identity, id, name, aliases, developer) in drafts)
        {
            // An alias two new models share, or one a curated entity answers to, would make names ambiguous: it is left out.
            var kept = aliases.Where(a =>
                aliasOwners[a.Key] == 1 && !_modelsByAlias.ContainsKey(a.Key) && !_familiesByAlias.ContainsKey(a.Key) && !taken.Contains(a.Alias))
                .Select(a => a.Alias).ToArray();
            var entity = new Entity(id, EntityKind.Model, new LocalizedName(name, null), kept, Developer: developer);
            models.Add(entity);
            byIdentity[identity] = entity;
        }

        var organisations = new List<Entity>();
        var organisationNames = input.Where(r => !string.IsNullOrWhiteSpace(r.Record.Organization))
            .Select(r => r.Record.Organization!.Split(',')[0].Trim())
            .Where(n => n.Length > 0)
            .GroupBy(n => Organisations.OfName(n)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var developer in models.Select(m => m.Developer).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!_curated.ContainsKey(developer))
            {
                var display = Organisations.DisplayName(developer);
                if (display == developer && organisationNames.TryGetValue(developer, out var written))
                {
                    display = written;
                }

                organisations.Add(new Entity(developer, EntityKind.Organisation, new LocalizedName(display, null), []));
            }
        }

        return new NewModelSet(models, organisations, byIdentity);
    }

    /// <summary>
    /// A name for each new model that no other model, curated or new, goes by: where taking the bracketed
    /// qualifiers off makes two models' names the same (<c>Grok 4.20 (Reasoning)</c> and <c>Grok 4.20</c>,
    /// <c>CLIP (ResNet-50)</c> and <c>CLIP (ViT L/14@336px)</c>), those models keep them; two names still the
    /// same are told apart by the record id each model is listed under most.
    /// </summary>
    private Dictionary<string, string> DistinctNames(List<string> identities, Func<string, DatasetRecord[]> membersOf, Func<string, ModelKey> keyOf)
    {
        var names = identities.ToDictionary(i => i, i => BestName(membersOf(i), keyOf(i), keepQualifiers: false), StringComparer.Ordinal);
        foreach (var clash in Clashes(names, _curatedNames))
        {
            names[clash] = BestName(membersOf(clash), keyOf(clash), keepQualifiers: true);
        }

        foreach (var clash in Clashes(names, _curatedNames))
        {
            var id = membersOf(clash).GroupBy(r => KeyOf(r.ModelId).Stem, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            names[clash] = $"{names[clash]} ({id})";
        }

        return names;
    }

    private static List<string> Clashes(Dictionary<string, string> names, HashSet<string> curatedNames) =>
        names.GroupBy(n => AliasKey.Of(n.Value), StringComparer.Ordinal)
            .Where(g => g.Count() > 1 || curatedNames.Contains(g.Key))
            .SelectMany(g => g.Select(n => n.Key))
            .ToList();

    /// <summary>
    /// The name a new model is given: the human name most records use, once bracketed qualifiers other
    /// than a size or a thinking mode are taken off (<c>Claude Haiku 4.5 (EU)</c> is <c>Claude Haiku 4.5</c>), names without a
    /// vendor path or label first, shorter first on a tie; an id's stem where no record has a human name.
    /// </summary>
    private static string BestName(DatasetRecord[] members, ModelKey key, bool keepQualifiers)
    {
        var names = members.Select(r => r.ModelName is null ? string.Empty : keepQualifiers ? r.ModelName.Trim() : WithoutQualifiers(r.ModelName))
            .Where(n => n.Length > 0)
            .ToArray();
        if (names.Length == 0)
        {
            names = members.Select(r => KeyOf(r.ModelId).Stem).Where(s => s.Length > 0).ToArray();
        }

        if (names.Length == 0)
        {
            return string.Join(' ', key.Tokens);
        }

        return names.GroupBy(n => n, StringComparer.Ordinal)
            .OrderBy(g => g.Key.Contains('/', StringComparison.Ordinal) || g.Key.Contains(':', StringComparison.Ordinal) ? 1 : 0)
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key.Length)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
    }

    /// <summary>
    /// A name without its bracketed qualifiers, kept from one resolution to the next like <see cref="Keys"/>: every
    /// import names again the new models of every dataset imported before it, from the same record names.
    /// </summary>
    private static string WithoutQualifiers(string name)
    {
        if (Unqualified.TryGetValue(name, out var stripped))
        {
            return stripped;
        }

        if (Unqualified.Count >= MaxKeptKeys)
        {
            Unqualified.Clear();
        }

        return Unqualified[name] = Qualifier().Replace(name, string.Empty).Trim();
    }

    private static readonly ConcurrentDictionary<string, string> Unqualified = new(StringComparer.Ordinal);

    // A size or a thinking mode in brackets names the model (Claude 3.7 Sonnet (thinking-32k)): it stays in the name.
    [GeneratedRegex(@"\s*\((?!\s*\d+(?:\.\d+)?\s*[BbMm]\s*\))(?!\s*(?:thinking|reasoning|non-reasoning)\b)[^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Qualifier();

    private static string UniqueId(string slug, HashSet<string> taken)
    {
        var id = slug.Length == 0 ? "model" : slug;
        if (taken.Contains(id))
        {
            id += "-model";
        }

        var candidate = id;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        taken.Add(candidate);
        return candidate;
    }

    private sealed record MatchedSteps(string Curated, ConcurrentDictionary<(string Id, string? Name), Step> Steps);

    private readonly record struct Step(ModelKey Key, string? CuratedId, UnresolvedReason? Reason, string? Message);

    private sealed record NewModelSet(IReadOnlyList<Entity> Models, IReadOnlyList<Entity> Organisations, Dictionary<string, Entity> ByIdentity);
}
