using System.Net;

namespace Almanac.Tests.Web;

/// <summary>Rate limiting per client address, and CORS only for configured origins.</summary>
public sealed class SafetyTests
{
    [Fact]
    public async Task Past_the_configured_limit_a_client_gets_429_problem_details()
    {
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?>
        {
            ["Almanac:RateLimit:PermitLimit"] = "3",
            ["Almanac:RateLimit:WindowSeconds"] = "60",
        });
        for (var i = 0; i < 3; i++)
        {
            using var ok = await site.Client.GetAsync("/api/entities?q=google");
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await site.Client.GetAsync("/api/entities?q=google");
        var problem = await RunningSite.ProblemOf(limited, 429);
        problem.GetProperty("detail").GetString()!.ShouldContain("more than 3 requests");
        limited.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_configured_origins_there_are_no_cors_headers()
    {
        await using var site = await RunningSite.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/entities?q=google");
        request.Headers.Add("Origin", "https://example.org");
        using var response = await site.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();

        using var preflight = Preflight("https://example.org");
        using var answer = await site.Client.SendAsync(preflight);
        answer.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Configured_origins_and_only_those_may_call_from_a_browser()
    {
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?>
        {
            ["Almanac:Cors:Origins:0"] = "https://dashboard.example.org",
        });
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/entities?q=google");
        allowed.Headers.Add("Origin", "https://dashboard.example.org");
        using var response = await site.Client.SendAsync(allowed);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://dashboard.example.org"]);

        using var preflight = Preflight("https://dashboard.example.org");
        using var answer = await site.Client.SendAsync(preflight);
        answer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        answer.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://dashboard.example.org"]);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/entities?q=google");
        other.Headers.Add("Origin", "https://evil.example.com");
        using var refused = await site.Client.SendAsync(other);
        refused.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/check");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
