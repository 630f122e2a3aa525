using System.Text.RegularExpressions;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;
using YamlDotNet.RepresentationModel;

namespace Almanac.DataFiles;

/// <summary>Turns the YAML entries of a data folder into checked knowledge, collecting every error.</summary>
internal sealed partial class KnowledgeReader
{
    private readonly Dictionary<string, (Metric Metric, string At)> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Entity Entity, YamlNodes Nodes, YamlMappingNode Node)> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Source Source, string At)> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Fact> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _metricAliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _entityAliases = new(StringComparer.Ordinal);

    public KnowledgeBase Build() => new(
        _entities.Values.Select(e => e.Entity),
        _metrics.Values.Select(m => m.Metric),
        _sources.Values.Select(s => s.Source),
        _facts.Values);

    public void ReadMetrics(YamlNodes nodes, YamlSequenceNode entries)
    {
        foreach (var map in Mappings(nodes, entries, "metric"))
        {
            nodes.CheckKeys(map, "a metric", "id", "name", "dimension", "aliases", "description", "time", "stands", "within", "measured", "additive");
            var id = Id(nodes, map, "metric");
            var name = Name(nodes, map, "metric");
            var dimensionCode = nodes.RequiredString(map, "dimension", "metric");
            var aliases = nodes.StringList(map, "aliases");
            var description = nodes.OptionalString(map, "description");
            var dimension = default(Dimension);
            if (dimensionCode is not null && !DimensionCodes.TryParse(dimensionCode, out dimension))
            {
                nodes.Error(YamlNodes.Find(map, "dimension")!, $"unknown dimension '{dimensionCode}'; expected one of {string.Join(", ", DimensionCodes.All)}");
                continue;
            }

            if (id is null || name is null || dimensionCode is null || !Unique(_metrics, id, nodes, map, "metric"))
            {
                continue;
            }

            var measured = nodes.OptionalString(map, "measured");
            if (measured is not null and not ("instant" or "period"))
            {
                nodes.Error(YamlNodes.Find(map, "measured")!, $"unknown measurement '{measured}'; expected instant or period");
            }

            var additive = nodes.OptionalString(map, "additive");
            if (additive is not null and not ("true" or "false"))
            {
                nodes.Error(YamlNodes.Find(map, "additive")!, $"'additive' must be true or false, not '{additive}'");
            }

            var metric = new Metric(id, name, dimension, aliases, description, Timing(nodes, map))
            {
                Within = nodes.StringList(map, "within"),
                AtInstant = measured == "instant",
                Additive = additive == "true",
            };
            _metrics[id] = (metric, At(nodes, map));
            _metricNodes[id] = (nodes, map);
            foreach (var alias in new[] { id, name.En, name.Zh }.Concat(aliases).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                ClaimAlias(_metricAliases, alias, id, nodes, map, "metric");
            }
        }
    }

    /// <summary>
    /// A metric's <c>time</c> (stock, flow or property; stock when unsaid) and, for a stock, how long a
    /// figure <c>stands</c>: <c>until-next</c> or a number of days. Null when neither is given.
    /// </summary>
    private static MetricTiming? Timing(YamlNodes nodes, YamlMappingNode map)
    {
        var kindCode = nodes.OptionalString(map, "time");
        var standsCode = nodes.OptionalString(map, "stands");
        if (kindCode is null && standsCode is null)
        {
            return null;
        }

        var kind = TemporalKind.Stock;
        if (kindCode is not null && !MetricTiming.TryParseKind(kindCode, out kind))
        {
            nodes.Error(YamlNodes.Find(map, "time")!, $"unknown time '{kindCode}'; expected stock, flow or property");
            return null;
        }

        if (standsCode is null)
        {
            return new MetricTiming(kind);
        }

        if (kind != TemporalKind.Stock)
        {
            nodes.Error(YamlNodes.Find(map, "stands")!, $"only a stock stands for a time; a {MetricTiming.Code(kind)} has no 'stands'");
            return null;
        }

        if (!MetricTiming.TryParseStands(standsCode, out var untilNext, out var days))
        {
            nodes.Error(YamlNodes.Find(map, "stands")!, $"unknown stands '{standsCode}'; expected {MetricTiming.UntilNextCode} or a number of days ('31 days')");
            return null;
        }

        return new MetricTiming(kind, untilNext, days);
    }

    public void ReadEntities(YamlNodes nodes, YamlSequenceNode entries)
    {
        foreach (var map in Mappings(nodes, entries, "entity"))
        {
            nodes.CheckKeys(map, "an entity", "id", "kind", "name", "aliases", "parent", "developer", "status", "description");
            var id = Id(nodes, map, "entity");
            var kindCode = nodes.RequiredString(map, "kind", "entity");
            var name = Name(nodes, map, "entity");
            var aliases = nodes.StringList(map, "aliases");
            var parent = nodes.OptionalString(map, "parent");
            var developer = nodes.OptionalString(map, "developer");
            var status = nodes.OptionalString(map, "status");
            var kind = default(EntityKind);
            if (kindCode is not null && !EntityKindCodes.TryParse(kindCode, out kind))
            {
                nodes.Error(YamlNodes.Find(map, "kind")!, $"unknown entity kind '{kindCode}'; expected one of {string.Join(", ", EntityKindCodes.All)}");
                continue;
            }

            if (status is not null && !StatusFits(nodes, map, status, kind))
            {
                continue;
            }

            if (id is null || name is null || kindCode is null || !Unique(_entities, id, nodes, map, "entity"))
            {
                continue;
            }

            _entities[id] = (new Entity(id, kind, name, aliases, parent, developer, status), nodes, map);
            foreach (var alias in new[] { id, name.En, name.Zh }.Concat(aliases).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                ClaimAlias(_entityAliases, alias, id, nodes, map, "entity");
            }
        }
    }

    /// <summary>Only a model can be announced and never released; any other status is a typo.</summary>
    private static bool StatusFits(YamlNodes nodes, YamlMappingNode map, string status, EntityKind kind)
    {
        var node = YamlNodes.Find(map, "status")!;
        if (!string.Equals(status, Entity.Unreleased, StringComparison.Ordinal))
        {
            nodes.Error(node, $"unknown status '{status}'; expected '{Entity.Unreleased}'");
            return false;
        }

        if (kind != EntityKind.Model)
        {
            nodes.Error(node, $"status '{status}' applies to a model, not a {kind.ToCode()}");
            return false;
        }

        return true;
    }

    private readonly Dictionary<string, (YamlNodes Nodes, YamlMappingNode Map)> _metricNodes = new(StringComparer.Ordinal);

    /// <summary>The metrics a metric is declared within are checked once every metric is read, so the order of entries is free.</summary>
    public void CheckMetricReferences()
    {
        foreach (var (id, (nodes, map)) in _metricNodes)
        {
            foreach (var whole in _metrics[id].Metric.Within)
            {
                if (whole == id)
                {
                    nodes.Error(YamlNodes.Find(map, "within")!, $"metric '{id}' cannot be within itself");
                }
                else if (!_metrics.ContainsKey(whole))
                {
                    nodes.Error(YamlNodes.Find(map, "within")!, $"unknown metric '{whole}'{Suggest(whole, _metrics.Keys)}");
                }
            }
        }
    }

    /// <summary>Parents and developers are checked once every entity file is read, so files may refer to one another.</summary>
    public void CheckEntityReferences()
    {
        foreach (var (entity, nodes, map) in _entities.Values)
        {
            foreach (var (field, target) in new[] { ("parent", entity.Parent), ("developer", entity.Developer) })
            {
                if (target is not null && !_entities.ContainsKey(target))
                {
                    nodes.Error(YamlNodes.Find(map, field)!, $"unknown entity '{target}'{Suggest(target, _entities.Keys)}");
                }
            }
        }
    }

    public void ReadSources(YamlNodes nodes, YamlSequenceNode entries)
    {
        foreach (var map in Mappings(nodes, entries, "source"))
        {
            nodes.CheckKeys(map, "a source", "id", "publisher", "title", "url", "published", "kind", "licence", "language", "note");
            var id = Id(nodes, map, "source");
            var publisher = nodes.RequiredString(map, "publisher", "source");
            var title = nodes.RequiredString(map, "title", "source");
            var url = nodes.RequiredString(map, "url", "source");
            var kindCode = nodes.RequiredString(map, "kind", "source");
            var licence = nodes.OptionalString(map, "licence");
            var publishedNode = YamlNodes.Find(map, "published");
            DateOnly published = default;
            var ok = id is not null && publisher is not null && title is not null && url is not null && kindCode is not null;
            if (publishedNode is null)
            {
                nodes.Error(map, "source has no 'published' date");
                ok = false;
            }
            else
            {
                ok &= nodes.TryDate(publishedNode, "published", out published);
            }

            Uri? uri = null;
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            {
                nodes.Error(YamlNodes.Find(map, "url")!, $"'url' must be an absolute http(s) address, not '{url}'");
                ok = false;
            }

            var kind = SourceKind.Primary;
            if (kindCode is not null && !SourceCodes.TryParseKind(kindCode, out kind))
            {
                nodes.Error(YamlNodes.Find(map, "kind")!, $"unknown source kind '{kindCode}'; expected primary or secondary");
                ok = false;
            }

            if (ok && Unique(_sources, id!, nodes, map, "source"))
            {
                _sources[id!] = (new Source(id!, publisher!, title!, uri!, published, kind, licence), At(nodes, map));
            }
        }
    }

    private static IEnumerable<YamlMappingNode> Mappings(YamlNodes nodes, YamlSequenceNode entries, string what)
    {
        foreach (var entry in entries.Children)
        {
            if (entry is YamlMappingNode map)
            {
                yield return map;
            }
            else
            {
                nodes.Error(entry, $"expected a {what} ('key: value' lines), not a single value");
            }
        }
    }

    private static string? Id(YamlNodes nodes, YamlMappingNode map, string what)
    {
        var id = nodes.RequiredString(map, "id", what);
        if (id is not null && !SlugPattern().IsMatch(id))
        {
            nodes.Error(YamlNodes.Find(map, "id")!, $"id '{id}' must be a lowercase slug (a-z, 0-9, '-', '.')");
            return null;
        }

        return id;
    }

    private static LocalizedName? Name(YamlNodes nodes, YamlMappingNode map, string what)
    {
        var node = YamlNodes.Find(map, "name");
        switch (node)
        {
            case null:
                nodes.Error(map, $"{what} has no 'name'");
                return null;
            case YamlScalarNode { Value: { Length: > 0 } en }:
                return new LocalizedName(en, null);
            case YamlMappingNode names:
                nodes.CheckKeys(names, "a name", "en", "zh");
                var english = nodes.RequiredString(names, "en", "name");
                return english is null ? null : new LocalizedName(english, nodes.OptionalString(names, "zh"));
            default:
                nodes.Error(node, "'name' must be a text or { en: …, zh: … }");
                return null;
        }
    }

    private static bool Unique<T>(Dictionary<string, T> seen, string id, YamlNodes nodes, YamlMappingNode map, string what)
    {
        if (!seen.TryGetValue(id, out var first))
        {
            return true;
        }

        var at = first switch
        {
            ValueTuple<Metric, string> m => m.Item2,
            ValueTuple<Source, string> s => s.Item2,
            ValueTuple<Entity, YamlNodes, YamlMappingNode> e => At(e.Item2, e.Item3),
            _ => "before",
        };
        nodes.Error(YamlNodes.Find(map, "id")!, $"duplicate {what} id '{id}' (first defined at {at})");
        return false;
    }

    private static void ClaimAlias(Dictionary<string, string> owners, string alias, string id, YamlNodes nodes, YamlMappingNode map, string what)
    {
        var key = AliasKey.Of(alias);
        if (key.Length == 0)
        {
            return;
        }

        if (owners.TryGetValue(key, out var owner) && owner != id)
        {
            nodes.Error(map, $"{what} '{id}': name or alias '{alias}' already names {what} '{owner}'");
            return;
        }

        owners[key] = id;
    }

    private static string At(YamlNodes nodes, YamlNode node) => $"{nodes.File}:{node.Start.Line}";

    /// <summary>", did you mean 'x'?" for the closest known id within a small edit distance.</summary>
    private static string Suggest(string wrong, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Id: k, Distance: EditDistance(wrong, k)))
            .Where(x => x.Distance <= Math.Max(2, wrong.Length / 4))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Id is null ? string.Empty : $"; did you mean '{best.Id}'?";
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) between two ids: typos are mostly these.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex SlugPattern();
}
