using Almanac.Knowledge;

namespace Almanac.Catalogue;

/// <summary>
/// Lands the company rows of a dataset (Epoch AI's companies data) on organisations: a curated or
/// earlier imported organisation that goes by the name, else the organisation the name stands for
/// in <see cref="Organisations"/>, else a new organisation of that name.
/// </summary>
public sealed class OrganisationLanding
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entity> _created = new(StringComparer.Ordinal);

    public OrganisationLanding(IEnumerable<Entity> curated, IEnumerable<Entity> importedEarlier)
    {
        // Curated names first, so a name an import gathered cannot take a curated organisation's.
        foreach (var entity in curated.Concat(importedEarlier))
        {
            _known.Add(entity.Id);
            if (entity.Kind != EntityKind.Organisation)
            {
                continue;
            }

            foreach (var name in KnowledgeBase.NamesOf(entity))
            {
                _byName.TryAdd(AliasKey.Of(name), entity.Id);
            }
        }
    }

    /// <summary>The organisations created for names no known organisation goes by.</summary>
    public IEnumerable<Entity> Created => _created.Values;

    /// <summary>The organisation id for <paramref name="name"/>, or null when the name is empty.</summary>
    public string? Land(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (_byName.TryGetValue(AliasKey.Of(name), out var named))
        {
            return named;
        }

        var id = Organisations.OfName(name);
        if (id is null)
        {
            return null;
        }

        if (!_known.Contains(id) && !_created.ContainsKey(id))
        {
            _created[id] = new Entity(id, EntityKind.Organisation, new LocalizedName(name.Trim(), null), []);
        }

        return id;
    }
}
