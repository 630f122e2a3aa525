using Almanac.Hosting;
using Almanac.Knowledge;

namespace Almanac.Cli.Commands;

/// <summary>Turns what the user typed into an entity, with a clear message when it names none or several.</summary>
internal static class Resolve
{
    public static Entity Entity(Workspace workspace, string name)
    {
        var found = workspace.Store.FindEntities(name);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new CliException($"unknown entity '{name}'{Suggestions(workspace.Names().SearchEntities(name).Select(e => e.Id))}; try 'almanac entities {name}'"),
            _ => throw new CliException($"'{name}' may mean {string.Join(", ", found.Select(e => e.Id))}; give the id"),
        };
    }

    public static string Suggestions(IEnumerable<string> candidates)
    {
        var list = candidates.Take(5).ToList();
        return list.Count == 0 ? string.Empty : $" (did you mean {string.Join(", ", list)}?)";
    }
}
