using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;
using YamlDotNet.RepresentationModel;

namespace Almanac.DataFiles;

internal sealed partial class KnowledgeReader
{
    private static readonly string[] FactFields =
        ["entity", "metric", "scope", "period", "value", "unit", "qualifier", "obtained", "sample", "source", "quote", "note"];

    // Scope values that name an entity are checked against the entity files, so a typo cannot
    // quietly put a figure into a market of its own.
    private static readonly string[] EntityScopeKeys = ["market", "region"];

    public void ReadFacts(YamlNodes nodes, YamlSequenceNode entries)
    {
        foreach (var map in Mappings(nodes, entries, "fact"))
        {
            nodes.CheckKeys(map, "a fact", FactFields);
            var entity = Reference(nodes, map, "entity", _entities.Keys);
            var metric = Reference(nodes, map, "metric", _metrics.Keys) is { } metricId ? _metrics[metricId].Metric : null;
            var source = Reference(nodes, map, "source", _sources.Keys);
            var scope = ReadScope(nodes, map);
            var period = ReadPeriod(nodes, map);
            var obtained = ReadObtained(nodes, map);
            var sample = ReadSample(nodes, map);
            var quote = nodes.OptionalString(map, "quote");
            var note = nodes.OptionalString(map, "note");
            var value = metric is null ? null : ReadValue(nodes, map, metric);
            if (entity is null || metric is null || source is null || scope is null || period is null || obtained is null || value is null)
            {
                continue;
            }

            var fact = new Fact(entity, metric.Id, scope, period.Value, value.Value, obtained.Value, source, quote, sample, note, At(nodes, map));
            if (_facts.TryGetValue(fact.Id, out var twin))
            {
                nodes.Error(map, $"duplicate fact: the same figure is already stated at {twin.Origin}");
                continue;
            }

            _facts[fact.Id] = fact;
        }
    }

    private static string? Reference(YamlNodes nodes, YamlMappingNode map, string field, IEnumerable<string> known)
    {
        var id = nodes.RequiredString(map, field, "fact");
        if (id is null)
        {
            return null;
        }

        if (known.Contains(id, StringComparer.Ordinal))
        {
            return id;
        }

        nodes.Error(YamlNodes.Find(map, field)!, $"unknown {field} '{id}'{Suggest(id, known)}");
        return null;
    }

    private Scope? ReadScope(YamlNodes nodes, YamlMappingNode map)
    {
        var node = YamlNodes.Find(map, "scope");
        if (node is null)
        {
            return Scope.Empty;
        }

        if (node is not YamlMappingNode scopeMap)
        {
            nodes.Error(node, "'scope' must be a mapping such as { market: enterprise-llm-api, basis: usage }");
            return null;
        }

        var values = new List<KeyValuePair<string, string>>();
        var ok = true;
        foreach (var (keyNode, valueNode) in scopeMap.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!Scope.Keys.Contains(key))
            {
                nodes.Error(keyNode, $"unknown scope key '{key}'; expected one of {string.Join(", ", Scope.Keys)}");
                ok = false;
                continue;
            }

            if (valueNode is not YamlScalarNode { Value: { Length: > 0 } value })
            {
                nodes.Error(valueNode, $"scope '{key}' must be a single value");
                ok = false;
                continue;
            }

            if (EntityScopeKeys.Contains(key) && !_entities.ContainsKey(value))
            {
                nodes.Error(valueNode, $"unknown {key} '{value}'{Suggest(value, _entities.Keys)}");
                ok = false;
                continue;
            }

            values.Add(KeyValuePair.Create(key, value));
        }

        return ok ? Scope.Of(values) : null;
    }

    private static Period? ReadPeriod(YamlNodes nodes, YamlMappingNode map)
    {
        var text = nodes.RequiredString(map, "period", "fact");
        if (text is null)
        {
            return null;
        }

        if (PeriodInput.TryParse(text, out var period))
        {
            return period;
        }

        nodes.Error(YamlNodes.Find(map, "period")!, $"cannot read period '{text}'; expected e.g. 2024, 2025-H1, 2025-Q3, 2025-08, 2025-08-01, @2023-12-31, FY2025, 2025/2034");
        return null;
    }

    private static Obtained? ReadObtained(YamlNodes nodes, YamlMappingNode map)
    {
        var code = nodes.RequiredString(map, "obtained", "fact");
        if (code is null)
        {
            return null;
        }

        if (SourceCodes.TryParseObtained(code, out var obtained))
        {
            return obtained;
        }

        nodes.Error(YamlNodes.Find(map, "obtained")!, $"unknown 'obtained' value '{code}'; expected reported, announced, estimated, forecast or survey");
        return null;
    }

    private static int? ReadSample(YamlNodes nodes, YamlMappingNode map)
    {
        var node = YamlNodes.Find(map, "sample");
        if (node is null)
        {
            return null;
        }

        if (nodes.TryDecimal(node, "sample", out var n) && n == decimal.Truncate(n) && n > 0 && n < int.MaxValue)
        {
            return (int)n;
        }

        nodes.Error(node, "'sample' must be a positive whole number of respondents");
        return null;
    }

    private static FactValue? ReadValue(YamlNodes nodes, YamlMappingNode map, Metric metric)
    {
        var node = YamlNodes.Find(map, "value");
        if (node is null)
        {
            nodes.Error(map, "fact has no 'value'");
            return null;
        }

        switch (metric.Dimension)
        {
            case Dimension.Date:
                return nodes.TryDate(node, "value", out var date) ? FactValue.Of(date) : null;
            case Dimension.Text:
                if (node is YamlScalarNode { Value: { Length: > 0 } text })
                {
                    return FactValue.Of(text);
                }

                nodes.Error(node, $"metric '{metric.Id}' takes a text value");
                return null;
        }

        var unitCode = nodes.RequiredString(map, "unit", "fact");
        if (unitCode is null)
        {
            return null;
        }

        if (!Unit.TryFromCode(unitCode, out var found))
        {
            nodes.Error(YamlNodes.Find(map, "unit")!, $"unknown unit '{unitCode}'; expected one of {string.Join(", ", Unit.All.Select(u => u.Code))}");
            return null;
        }

        var unit = found.Value;
        if (unit.Dimension != metric.Dimension)
        {
            nodes.Error(YamlNodes.Find(map, "unit")!, $"unit '{unit.Code}' measures {unit.Dimension.ToCode()}, but metric '{metric.Id}' is {metric.Dimension.ToCode()}");
            return null;
        }

        var qualifier = Qualifier.Exact;
        if (nodes.OptionalString(map, "qualifier") is { } qualifierCode && !QualifierCodes.TryParse(qualifierCode, out qualifier))
        {
            nodes.Error(YamlNodes.Find(map, "qualifier")!, $"unknown qualifier '{qualifierCode}'; expected one of {string.Join(", ", QualifierCodes.All)}");
            return null;
        }

        if (node is YamlSequenceNode range)
        {
            if (range.Children.Count != 2)
            {
                nodes.Error(node, "a range value must be [low, high]");
                return null;
            }

            if (!nodes.TryDecimal(range.Children[0], "value", out var low) || !nodes.TryDecimal(range.Children[1], "value", out var high))
            {
                return null;
            }

            if (low > high)
            {
                nodes.Error(node, $"range low {low} is above its high {high}");
                return null;
            }

            return FactValue.Of(Quantity.Range(low, high, unit, qualifier));
        }

        return nodes.TryDecimal(node, "value", out var value) ? FactValue.Of(Quantity.Of(value, unit, qualifier)) : null;
    }
}
