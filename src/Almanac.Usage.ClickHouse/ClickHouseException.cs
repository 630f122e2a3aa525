namespace Almanac.Usage.ClickHouse;

/// <summary>
/// A ClickHouse statement that failed: the server refused it (its error code and message), did
/// not answer in time, or could not be reached. The message is one line fit to show a user; the
/// server's own stack trace, when it sends one, is never part of it.
/// </summary>
public sealed class ClickHouseException : Exception
{
    internal ClickHouseException(string statement, string message, int? serverCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Statement = statement;
        ServerCode = serverCode;
    }

    /// <summary>The name of the statement that failed (an SQL file's name or the adapter's own label).</summary>
    public string Statement { get; }

    /// <summary>ClickHouse's error code (e.g. 62 for a syntax error, 60 for an unknown table); null when the server gave none.</summary>
    public int? ServerCode { get; }
}
