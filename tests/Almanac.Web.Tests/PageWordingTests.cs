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
}
