using System.Globalization;
using Almanac.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Almanac.DataFiles;

/// <summary>Reads typed values out of YAML nodes, reporting what was expected at the node's position.</summary>
internal sealed class YamlNodes(string file, List<Diagnostic> diagnostics)
{
    public string File { get; } = file;

    public void Error(YamlNode node, string message) => Error(node.Start, message);

    public void Error(YamlDotNet.Core.Mark at, string message) => Error((int)at.Line, (int)at.Column, message);

    public void Error(int line, int column, string message) =>
        diagnostics.Add(Diagnostic.Invalid(File, DiagnosticLocation.At(line, column), message));

    /// <summary>Reports a problem of one of the shared kinds (<see cref="DiagnosticMessages"/>).</summary>
    public void Error(YamlDotNet.Core.Mark at, DiagnosticCode code, params object?[] arguments) =>
        diagnostics.Add(code.At(File, DiagnosticLocation.At((int)at.Line, (int)at.Column), arguments));

    /// <summary>The value node of <paramref name="key"/>, or null when absent.</summary>
    public static YamlNode? Find(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>Reports any key that is not one of <paramref name="allowed"/>.</summary>
    public void CheckKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key.Start, DiagnosticMessages.UnknownField, name, what, string.Join(", ", allowed));
            }
        }
    }

    public string? OptionalString(YamlMappingNode map, string key)
    {
        var node = Find(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value })
        {
            return value.Length == 0 ? null : value;
        }

        Error(node, $"'{key}' must be a single value");
        return null;
    }

    public string? RequiredString(YamlMappingNode map, string key, string what)
    {
        var node = Find(map, key);
        if (node is null)
        {
            Error(map, $"{what} has no '{key}'");
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Error(node, $"'{key}' must be a non-empty single value");
        return null;
    }

    public IReadOnlyList<string> StringList(YamlMappingNode map, string key)
    {
        var node = Find(map, key);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode seq:
                var list = new List<string>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } s })
                    {
                        list.Add(s);
                    }
                    else
                    {
                        Error(item, $"each of '{key}' must be a non-empty single value");
                    }
                }

                return list;
            default:
                Error(node, $"'{key}' must be a list such as [a, b]");
                return [];
        }
    }

    public bool TryDecimal(YamlNode node, string key, out decimal value)
    {
        value = 0;
        if (node is YamlScalarNode { Value: { } text }
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        Error(node, $"'{key}' must be a number such as 5.617e9, not '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'");
        return false;
    }

    public bool TryDate(YamlNode node, string key, out DateOnly date)
    {
        date = default;
        if (node is YamlScalarNode { Value: { } text })
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                return true;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                return true;
            }

            if (DateOnly.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                return true;
            }
        }

        Error(node, $"'{key}' must be a date YYYY-MM-DD (or YYYY-MM, YYYY where only that is known), not '{(node as YamlScalarNode)?.Value}'");
        return false;
    }
}
