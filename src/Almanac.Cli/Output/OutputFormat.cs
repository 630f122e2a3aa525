namespace Almanac.Cli.Output;

/// <summary>How a list is printed: a terminal table, JSON for other tools, or CSV for spreadsheets.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}
