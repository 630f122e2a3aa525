namespace Almanac.DataFiles;

/// <summary>A problem in a data file, at a 1-based line and column.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <summary><c>data/facts/x.yaml:42:7: unknown metric 'market_szie'</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
