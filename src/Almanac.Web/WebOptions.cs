namespace Almanac.Web;

/// <summary>How <c>almanac serve</c> starts the site: where to listen, which data and store to serve.</summary>
/// <param name="Urls">The addresses to listen on, separated by <c>;</c> (default <c>http://127.0.0.1:5080</c>).</param>
/// <param name="Data">The curated data folder; null finds it as the command line does.</param>
/// <param name="Store">A SQLite file or PostgreSQL connection string; null uses the default store beside the data folder.</param>
/// <param name="Args">Further configuration as command-line arguments (<c>--Almanac:ApiKey=…</c>).</param>
/// <param name="Settings">Further configuration as key/value pairs; these win over the environment.</param>
public sealed record WebOptions(
    string Urls = WebOptions.DefaultUrls,
    string? Data = null,
    string? Store = null,
    IReadOnlyList<string>? Args = null,
    IReadOnlyDictionary<string, string?>? Settings = null)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The clock the site reads; the system clock unless a test gives another.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
