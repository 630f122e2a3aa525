using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Almanac.Tests.Web;

/// <summary>Imports need the configured API key: 403 when none is configured, 401 when it is wrong.</summary>
public sealed class WriteApiTests
{
    private static readonly string LiteLlm = RunningSite.SharedPath("data", "litellm", "model_prices_and_context_window.json");

    private static ByteArrayContent Json(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    [Fact]
    public async Task Writes_are_forbidden_when_no_key_is_configured()
    {
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Almanac:ApiKey"] = "" });
        using var request = RunningSite.Post("/api/import/litellm", Json("{}"u8.ToArray()), apiKey: "anything");
        var problem = await RunningSite.ProblemOf(await site.Client.SendAsync(request), 403);
        problem.GetProperty("detail").GetString()!.ShouldContain("writes are disabled");
    }

    [Fact]
    public async Task A_litellm_snapshot_imports_with_the_key_and_not_without()
    {
        await using var site = await RunningSite.StartAsync();
        var bytes = await File.ReadAllBytesAsync(LiteLlm);

        using (var missing = RunningSite.Post("/api/import/litellm", Json(bytes)))
        {
            await RunningSite.ProblemOf(await site.Client.SendAsync(missing), 401);
        }

        using (var wrong = RunningSite.Post("/api/import/litellm", Json(bytes), apiKey: "not-the-key"))
        {
            await RunningSite.ProblemOf(await site.Client.SendAsync(wrong), 401);
        }

        var before = (await site.GetJsonAsync("/api/models?pageSize=1")).GetProperty("total").GetInt32();
        using (var right = RunningSite.Post("/api/import/litellm?snapshotDate=2026-01-15", Json(bytes), apiKey: RunningSite.ApiKey))
        {
            using var response = await site.Client.SendAsync(right);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            var result = JsonDocument.Parse(body).RootElement;
            result.GetProperty("dataset").GetString().ShouldBe("litellm");
            result.GetProperty("date").GetString().ShouldBe("2026-01-15");
            result.GetProperty("added").GetInt32().ShouldBeGreaterThan(100);
        }

        // What was imported is served at once: the catalogue and its facts now hold the dataset.
        (await site.GetJsonAsync("/api/models?pageSize=1")).GetProperty("total").GetInt32().ShouldBeGreaterThan(before);
        var facts = await site.GetJsonAsync("/api/facts?pageSize=500&entity=claude-3-5-sonnet");
        facts.GetProperty("items").EnumerateArray().ShouldContain(f => f.GetProperty("dataset").GetString() == "litellm");

        using (var again = RunningSite.Post("/api/import/litellm?snapshotDate=2026-01-15", Json(bytes), apiKey: RunningSite.ApiKey))
        {
            using var response = await site.Client.SendAsync(again);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("added").GetInt32().ShouldBe(0);
        }
    }

    [Fact]
    public async Task An_unknown_dataset_is_404_and_a_broken_file_422_with_nothing_imported()
    {
        await using var site = await RunningSite.StartAsync();
        using (var unknown = RunningSite.Post("/api/import/wikipedia", Json("{}"u8.ToArray()), apiKey: RunningSite.ApiKey))
        {
            await RunningSite.ProblemOf(await site.Client.SendAsync(unknown), 404);
        }

        using var broken = RunningSite.Post("/api/import/litellm", Json("{ not json"u8.ToArray()), apiKey: RunningSite.ApiKey);
        var problem = await RunningSite.ProblemOf(await site.Client.SendAsync(broken), 422);
        problem.GetProperty("detail").GetString()!.ShouldContain("nothing was imported");
    }
}
