namespace Almanac.Web.Infrastructure;

/// <summary>The site's settings, read once from configuration (section <c>Almanac</c>).</summary>
internal sealed record WebSettings
{
    /// <summary>The key writes need; null disables writes.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Origins allowed to call the API from a browser; empty means no CORS headers at all.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Requests each client IP may make per window; 0 turns rate limiting off.</summary>
    public int RateLimitPermits { get; init; } = 1000;

    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest document <c>POST /api/check</c> accepts.</summary>
    public long CheckMaxBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>
    /// How long one check of <c>POST /api/check</c> or the Check page may take before it is stopped
    /// (answered with a 503): a server's cores are shared by every request.
    /// </summary>
    public TimeSpan CheckTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest dataset file <c>POST /api/import/{dataset}</c> accepts.</summary>
    public long ImportMaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>How often the data folder is looked at for changes; zero turns it off.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    public static WebSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Almanac");
        var defaults = new WebSettings();
        var origins = section.GetSection("Cors:Origins").Get<string[]>()
            ?? (section["Cors:Origins"] is { } list ? list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []);
        return new WebSettings
        {
            ApiKey = section["ApiKey"] is { Length: > 0 } key ? key : configuration["ALMANAC_API_KEY"] is { Length: > 0 } env ? env : null,
            CorsOrigins = origins,
            RateLimitPermits = section.GetValue("RateLimit:PermitLimit", defaults.RateLimitPermits),
            RateLimitWindow = TimeSpan.FromSeconds(section.GetValue("RateLimit:WindowSeconds", defaults.RateLimitWindow.TotalSeconds)),
            CheckMaxBytes = section.GetValue("Check:MaxBytes", defaults.CheckMaxBytes),
            CheckTimeLimit = TimeSpan.FromSeconds(section.GetValue("Check:TimeLimitSeconds", defaults.CheckTimeLimit.TotalSeconds)),
            ImportMaxBytes = section.GetValue("Import:MaxBytes", defaults.ImportMaxBytes),
            RefreshInterval = TimeSpan.FromSeconds(section.GetValue("RefreshSeconds", defaults.RefreshInterval.TotalSeconds)),
        };
    }
}
