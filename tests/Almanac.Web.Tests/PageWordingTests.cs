using System.Globalization;
using System.Text.RegularExpressions;

namespace Almanac.Tests.Web;

/// <summary>What a reader sees written on the pages: scopes in words, not in the store's canonical form.</summary>
[Collection(SharedSite.Name)]
public sealed class PageWordingTests(SiteFixture fixture)
{
    private RunningSite Site => fixture.Site;

    [Theory]
    [InlineData("/facts?entity=anthropic", "basis: by usage", "basis=usage")]
    [InlineData("/facts?entity=anthropic&lang=zh", "口径：按使用量", "basis=usage")]
    public async Task The_facts_of_an_entity_show_their_scope_in_words_with_the_canonical_form_on_hover(string path, string words, string canonical)
    {
        var html = await Site.Client.GetStringAsync(path);
        html.ShouldContain(words);
        html.ShouldContain($"title=\"{canonical}");
        html.ShouldNotContain($">{canonical}");
    }

    [Fact]
    public async Task The_facts_page_before_any_search_lists_the_latest_curated_facts()
    {
        var html = await Site.Client.GetStringAsync("/facts");
        html.ShouldContain("id=\"recent\"");
        var rows = html[html.IndexOf("id=\"recent\"", StringComparison.Ordinal)..].Split("<tr><td>").Length - 1;
        rows.ShouldBe(50);
    }

    [Fact]
    public async Task The_models_page_pages_through_the_whole_catalogue()
    {
        const int Size = 10;
        var first = await Site.Client.GetStringAsync($"/models?sort=name&pageSize={Size}");
        var total = int.Parse(Regex.Match(first, "id=\"model-count\">([0-9,]+) models").Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        total.ShouldBeGreaterThan(Size);
        first.ShouldContain("id=\"models-pager\"");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; number <= (total + Size - 1) / Size; number++)
        {
            var html = number == 1 ? first : await Site.Client.GetStringAsync($"/models?sort=name&pageSize={Size}&page={number}");
            foreach (Match link in Regex.Matches(html, "<td><a href=\"/models/([^\"?]+)"))
            {
                seen.Add(link.Groups[1].Value).ShouldBeTrue($"{link.Groups[1].Value} shown twice");
            }
        }

        seen.Count.ShouldBe(total);
        (await Site.Client.GetStringAsync("/models?page=0")).ShouldContain("role=\"alert\"");
    }
}
