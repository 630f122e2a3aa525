using System.Text.Json;
using System.Text.Json.Nodes;

namespace Almanac.Tests.Web;

/// <summary>The OpenAPI document is checked in, so every change to the API shows in a diff.</summary>
[Collection(SharedSite.Name)]
public sealed class OpenApiTests(SiteFixture fixture)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string CheckedIn => Path.Combine(RunningSite.RepositoryRoot, "docs", "openapi.json");

    [Fact]
    public async Task The_live_document_equals_the_checked_in_one()
    {
        var live = JsonNode.Parse(await fixture.Site.Client.GetStringAsync("/openapi/v1.json"))!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("ALMANAC_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CheckedIn, live);
        }

        File.Exists(CheckedIn).ShouldBeTrue("docs/openapi.json is missing: run the web tests with ALMANAC_UPDATE_OPENAPI=1 to write it");
        var expected = (await File.ReadAllTextAsync(CheckedIn)).ReplaceLineEndings("\n");
        live.ShouldBe(expected, "the API changed: review the change, then run the web tests with ALMANAC_UPDATE_OPENAPI=1 to rewrite docs/openapi.json");
    }

    [Fact]
    public async Task The_document_describes_every_endpoint()
    {
        var document = JsonNode.Parse(await fixture.Site.Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldBe(
            ["/api/entities", "/api/entities/{id}", "/api/facts", "/api/models", "/api/models/{id}/prices", "/api/conflicts", "/api/sources", "/api/sources/{id}", "/api/charts", "/api/charts/{id}.csv", "/api/charts/{id}", "/api/companies/{id}/timeline", "/api/leaderboard/arena", "/api/benchmarks/{id}", "/api/shares/openrouter", "/api/check", "/api/import/{dataset}",
             "/api/usage/share", "/api/usage/latency", "/api/usage/cost", "/api/usage/adoption", "/api/usage/switching", "/api/usage/unresolved"],
            ignoreOrder: true);
        document["servers"].ShouldBeNull();
    }
}
