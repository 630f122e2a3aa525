using System.CommandLine;
using Almanac.Cli.Output;

namespace Almanac.Cli.Commands;

/// <summary>Options every command that reads the knowledge base shares.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "The curated data folder (default: the nearest data/ with metrics.yaml)",
        Recursive = true,
    };

    public static readonly Option<string?> Store = new("--store")
    {
        Description = "A SQLite file path, or a PostgreSQL connection string (\"Host=…;Database=…\"); default .almanac/almanac.db beside the data folder",
        Recursive = true,
    };

    public static Option<OutputFormat> Format() => new("--format", "-f")
    {
        Description = "Output format: table, json or csv",
        DefaultValueFactory = _ => OutputFormat.Table,
    };
}
