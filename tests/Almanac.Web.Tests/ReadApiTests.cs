using System.Net.Http.Headers;
using System.Text.Json;

namespace Almanac.Tests.Web;

/// <summary>The read endpoints, with real values from the curated data.</summary>
[Collection(SharedSite.Name)]
public sealed class ReadApiTests(SiteFixture fixture)
{
    private RunningSite Site => fixture.Site;

    [Fact]
    public async Task Entities_search_finds_google_by_its_Chinese_name_first()
    {
        var page = await Site.GetJsonAsync("/api/entities?q=" + Uri.EscapeDataString("谷歌"));
        var items = page.GetProperty("items");
        items[0].GetProperty("id").GetString().ShouldBe("google");
        items[0].GetProperty("nameZh").GetString().ShouldBe("谷歌");
        page.GetProperty("total").GetInt32().ShouldBe(items.GetArrayLength());
    }

    [Fact]
    public async Task Entities_filter_by_kind_and_reject_an_unknown_kind()
    {
        var page = await Site.GetJsonAsync("/api/entities?kind=organisation&pageSize=500");
        page.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("kind").GetString() == "organisation");
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ShouldContain("anthropic");

        var problem = await Site.GetProblemAsync("/api/entities?kind=planet", 400);
        problem.GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("expected one of");
    }

    [Fact]
    public async Task An_entity_is_found_by_id_or_name_and_an_unknown_one_is_404()
    {
        (await Site.GetJsonAsync("/api/entities/" + Uri.EscapeDataString("谷歌"))).GetProperty("id").GetString().ShouldBe("google");
        (await Site.GetJsonAsync("/api/entities/anthropic")).GetProperty("nameEn").GetString().ShouldBe("Anthropic");
        var problem = await Site.GetProblemAsync("/api/entities/no-such-company", 404);
        problem.GetProperty("detail").GetString().ShouldBe("unknown entity 'no-such-company'");
    }

    [Fact]
    public async Task Facts_for_anthropic_include_a_valuation_with_a_source_url()
    {
        var page = await Site.GetJsonAsync("/api/facts?entity=anthropic&metric=valuation&pageSize=500");
        var facts = page.GetProperty("items").EnumerateArray().ToList();
        facts.ShouldNotBeEmpty();
        facts.ShouldAllBe(f => f.GetProperty("entity").GetString() == "anthropic" && f.GetProperty("metric").GetString() == "valuation");
        var valuation = facts.First(f => f.GetProperty("value").ValueKind == JsonValueKind.Number);
        valuation.GetProperty("unit").GetString().ShouldBe("USD");
        valuation.GetProperty("value").GetDecimal().ShouldBeGreaterThan(1_000_000_000m);
        valuation.GetProperty("source").GetProperty("url").GetString()!.ShouldStartWith("http");
        page.GetProperty("total").GetInt32().ShouldBe(facts.Count);
    }

    [Fact]
    public async Task Facts_accept_names_in_Chinese_and_several_entities()
    {
        var page = await Site.GetJsonAsync("/api/facts?entity=" + Uri.EscapeDataString("谷歌") + "&entity=anthropic&pageSize=500");
        var entities = page.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("entity").GetString()).Distinct().ToList();
        entities.ShouldContain("google");
        entities.ShouldContain("anthropic");
        entities.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Facts_page_through_the_whole_list_with_its_total()
    {
        var first = await Site.GetJsonAsync("/api/facts?page=1&pageSize=10");
        var total = first.GetProperty("total").GetInt32();
        total.ShouldBeGreaterThan(100);
        first.GetProperty("items").GetArrayLength().ShouldBe(10);
        first.GetProperty("pageSize").GetInt32().ShouldBe(10);

        var lastPage = (total + 9) / 10;
        var last = await Site.GetJsonAsync($"/api/facts?page={lastPage}&pageSize=10");
        last.GetProperty("items").GetArrayLength().ShouldBe(total - (lastPage - 1) * 10);
        var beyond = await Site.GetJsonAsync($"/api/facts?page={lastPage + 1}&pageSize=10");
        beyond.GetProperty("items").GetArrayLength().ShouldBe(0);
        beyond.GetProperty("total").GetInt32().ShouldBe(total);

        var second = await Site.GetJsonAsync("/api/facts?page=2&pageSize=10");
        second.GetProperty("items")[0].GetProperty("id").GetString().ShouldNotBe(first.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=two", "page")]
    [InlineData("asOf=2025-02-30", "asOf")]
    [InlineData("asOf=yesterday", "asOf")]
    [InlineData("period=someday", "period")]
    [InlineData("metric=happiness", "metric")]
    [InlineData("includeRetracted=maybe", "includeRetracted")]
    [InlineData("format=xml", "format")]
    public async Task Facts_answer_a_bad_parameter_with_a_validation_problem_naming_it(string query, string parameter)
    {
        var problem = await Site.GetProblemAsync("/api/facts?" + query, 400);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(parameter, out var messages).ShouldBeTrue(problem.ToString());
        messages[0].GetString()!.ShouldContain("expected");
    }

    [Fact]
    public async Task Facts_about_an_unknown_entity_are_404()
    {
        var problem = await Site.GetProblemAsync("/api/facts?entity=no-such-company", 404);
        problem.GetProperty("detail").GetString()!.ShouldContain("no-such-company");
    }

    [Fact]
    public async Task Facts_as_of_a_date_hold_only_what_had_been_published_by_then()
    {
        var all = await Site.GetJsonAsync("/api/facts?entity=anthropic&pageSize=500");
        var early = await Site.GetJsonAsync("/api/facts?entity=anthropic&asOf=2024-06-30&pageSize=500");
        early.GetProperty("total").GetInt32().ShouldBeLessThan(all.GetProperty("total").GetInt32());
        early.GetProperty("items").EnumerateArray()
            .ShouldAllBe(f => string.CompareOrdinal(f.GetProperty("source").GetProperty("published").GetString(), "2024-06-30") <= 0);
    }

    [Theory]
    [InlineData("context")]
    [InlineData("release")]
    public async Task Filtered_models_keep_the_order_of_the_whole_sorted_catalogue(string sort)
    {
        var all = await Site.GetJsonAsync($"/api/models?sort={sort}&pageSize=500");
        all.GetProperty("total").GetInt32().ShouldBeLessThanOrEqualTo(500);
        var expected = all.GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("openWeights") is { ValueKind: JsonValueKind.Object } open && open.GetProperty("text").GetString() == "yes")
            .Select(m => m.GetProperty("id").GetString())
            .ToList();

        var filtered = await Site.GetJsonAsync($"/api/models?sort={sort}&openWeights=true&pageSize=500");
        var ids = filtered.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();

        expected.Count.ShouldBeGreaterThan(1);
        ids.ShouldBe(expected);
    }

    [Fact]
    public async Task Models_sort_by_price_cheapest_first_and_filter_like_the_command_line()
    {
        var page = await Site.GetJsonAsync("/api/models?sort=price&pageSize=500");
        var prices = page.GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("priceInput"))
            .TakeWhile(p => p.ValueKind != JsonValueKind.Null)
            .Select(p => p.GetProperty("value").GetDecimal())
            .ToList();
        prices.Count.ShouldBeGreaterThan(5);
        prices.ShouldBe(prices.Order().ToList());

        var open = await Site.GetJsonAsync("/api/models?openWeights=true&minContext=128K&pageSize=500");
        var models = open.GetProperty("items").EnumerateArray().ToList();
        models.ShouldNotBeEmpty();
        models.ShouldAllBe(m => m.GetProperty("openWeights").GetProperty("text").GetString() == "yes"
            && m.GetProperty("contextWindow").GetProperty("value").GetDecimal() >= 128_000m);

        var anthropic = await Site.GetJsonAsync("/api/models?provider=anthropic&pageSize=500");
        anthropic.GetProperty("items").EnumerateArray().ShouldAllBe(m => m.GetProperty("developer").GetString() == "anthropic");
        anthropic.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("sort=cost", "sort")]
    [InlineData("minContext=lots", "minContext")]
    [InlineData("maxPrice=cheap", "maxPrice")]
    [InlineData("releasedAfter=2025", "releasedAfter")]
    [InlineData("openWeights=sometimes", "openWeights")]
    public async Task Models_reject_a_bad_filter_naming_it(string query, string parameter)
    {
        var problem = await Site.GetProblemAsync("/api/models?" + query, 400);
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Conflicts_list_disagreeing_sources_side_by_side()
    {
        var page = await Site.GetJsonAsync("/api/conflicts?pageSize=500");
        var conflicts = page.GetProperty("items").EnumerateArray().ToList();
        conflicts.ShouldNotBeEmpty();
        conflicts.ShouldAllBe(c => c.GetProperty("statements").GetArrayLength() >= 2);
        var first = conflicts[0];
        var about = await Site.GetJsonAsync("/api/conflicts?entity=" + first.GetProperty("entity").GetString() + "&pageSize=500");
        about.GetProperty("items").EnumerateArray().ShouldAllBe(c => c.GetProperty("entity").GetString() == first.GetProperty("entity").GetString());
    }

    [Fact]
    public async Task Sources_list_newest_first_with_how_many_facts_cite_each()
    {
        var page = await Site.GetJsonAsync("/api/sources?pageSize=500");
        var sources = page.GetProperty("items").EnumerateArray().ToList();
        sources.Count.ShouldBeGreaterThan(10);
        sources.ShouldAllBe(s => s.GetProperty("facts").GetInt32() > 0 && s.GetProperty("url").GetString()!.StartsWith("http", StringComparison.Ordinal));
        var dates = sources.Select(s => s.GetProperty("published").GetString()!).ToList();
        dates.ShouldBe(dates.OrderDescending(StringComparer.Ordinal).ToList());

        var menlo = await Site.GetJsonAsync("/api/sources?q=menlo");
        menlo.GetProperty("items").EnumerateArray().ShouldAllBe(s => (s.GetProperty("publisher").GetString() + s.GetProperty("title").GetString() + s.GetProperty("id").GetString()).Contains("menlo", StringComparison.OrdinalIgnoreCase));
        menlo.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);

        var id = sources[0].GetProperty("id").GetString();
        (await Site.GetJsonAsync("/api/sources/" + id)).GetProperty("id").GetString().ShouldBe(id);
        await Site.GetProblemAsync("/api/sources/no-such-source", 404);
    }

    [Fact]
    public async Task Charts_list_includes_usage_share_whose_spec_has_rows_for_Anthropic()
    {
        var list = await Site.GetJsonAsync("/api/charts");
        list.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldContain("share-usage");

        var chart = await Site.GetJsonAsync("/api/charts/share-usage");
        chart.GetProperty("title").GetString().ShouldBe("Enterprise LLM API share by usage");
        chart.GetProperty("sourceLine").GetString().ShouldNotBeNullOrEmpty();
        chart.GetProperty("sources").GetArrayLength().ShouldBeGreaterThan(0);
        var spec = chart.GetProperty("spec");
        spec.GetProperty("$schema").GetString()!.ShouldContain("vega-lite");
        var rows = DataRows(spec).ToList();
        rows.ShouldNotBeEmpty();
        var anthropic = rows.Where(r => r.TryGetProperty("provider", out var provider) && provider.GetString() == "Anthropic").ToList();
        anthropic.ShouldNotBeEmpty();
        anthropic.ShouldAllBe(r => r.GetProperty("share").GetDecimal() > 0);
    }

    // The inline data of a spec and of every view it concatenates or layers.
    private static IEnumerable<JsonElement> DataRows(JsonElement spec)
    {
        if (spec.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in spec.EnumerateObject())
            {
                if (property.Name == "data" && property.Value.TryGetProperty("values", out var values))
                {
                    foreach (var row in values.EnumerateArray())
                    {
                        yield return row;
                    }
                }
                else
                {
                    foreach (var row in DataRows(property.Value))
                    {
                        yield return row;
                    }
                }
            }
        }
        else if (spec.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in spec.EnumerateArray().SelectMany(DataRows))
            {
                yield return row;
            }
        }
    }

    [Fact]
    public async Task Charts_come_in_Chinese_and_as_of_a_date()
    {
        var zh = await Site.GetJsonAsync("/api/charts/share-usage?lang=zh");
        zh.GetProperty("title").GetString().ShouldBe("企业大模型 API 使用份额");
        var early = await Site.GetJsonAsync("/api/charts?asOf=2020-01-01");
        early.GetArrayLength().ShouldBeLessThan((await Site.GetJsonAsync("/api/charts")).GetArrayLength());
        (await Site.GetProblemAsync("/api/charts?lang=fr", 400)).GetProperty("errors").TryGetProperty("lang", out _).ShouldBeTrue();
        (await Site.GetProblemAsync("/api/charts/no-such-chart", 404)).GetProperty("detail").GetString().ShouldBe("no chart 'no-such-chart'");
    }

    [Theory]
    [InlineData("/api/charts/share-usage.csv")]
    [InlineData("/api/charts/share-usage?format=csv")]
    public async Task Chart_data_downloads_as_csv(string path)
    {
        using var response = await Site.Client.GetAsync(path);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("share-usage.csv");
        var csv = await response.Content.ReadAsStringAsync();
        csv.ShouldContain("Anthropic");
        csv.ShouldContain("\r\n");
    }

    [Theory]
    [InlineData("/api/entities?format=csv", "id,kind,name_en,name_zh,parent,developer,aliases", "google")]
    [InlineData("/api/facts?entity=anthropic&format=csv", "entity,metric,scope,period,value,high,unit,qualifier,obtained,source_publisher,source_title,source_url,source_published,quote", "anthropic,valuation")]
    [InlineData("/api/models?format=csv", "id,name,developer,release_date,open_weights,context_window,price_input_usd_per_mtok,price_output_usd_per_mtok,parameters_total,parameters_active,sources", "claude")]
    [InlineData("/api/conflicts?format=csv", "entity,metric,scope,value,period,publisher,published,title,url,record", "http")]
    [InlineData("/api/sources?format=csv", "id,publisher,title,url,published,kind,licence,facts", "http")]
    public async Task Every_list_exports_as_csv_with_the_command_line_columns(string path, string header, string content)
    {
        using var response = await Site.Client.GetAsync(path);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = await response.Content.ReadAsStringAsync();
        csv.Split("\r\n")[0].ShouldBe(header);
        csv.ShouldContain(content);
    }

    [Fact]
    public async Task A_list_is_csv_when_the_client_accepts_text_csv_and_quotes_fields_as_rfc_4180()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/facts?entity=anthropic");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await Site.Client.SendAsync(request);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = await response.Content.ReadAsStringAsync();
        // Quotes hold commas, so they are quoted with inner quotes doubled.
        csv.ShouldContain(",\"");
        csv.Split("\r\n").Length.ShouldBeGreaterThan(3);
    }

    [Theory]
    [InlineData("/?q=")]
    [InlineData("/models?provider=")]
    [InlineData("/models?minContext=")]
    [InlineData("/facts?q=")]
    [InlineData("/facts?entity=")]
    [InlineData("/facts?entity=anthropic&metric=")]
    [InlineData("/sources?q=")]
    [InlineData("/conflicts?lang=zh&x=")]
    public async Task Pages_echo_what_the_reader_typed_only_as_text(string path)
    {
        const string Typed = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        using var response = await Site.Client.GetAsync(path + Uri.EscapeDataString(Typed));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("\"><img");
    }

    [Fact]
    public async Task User_text_echoed_in_an_error_is_json_with_html_characters_escaped()
    {
        using var response = await Site.Client.GetAsync("/api/entities/" + Uri.EscapeDataString("<img src=x onerror=alert(1)>"));
        var body = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        body.ShouldNotContain("<img");
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().ShouldBe("unknown entity '<img src=x onerror=alert(1)>'");
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_problem()
    {
        await Site.GetProblemAsync("/api/nothing-here", 404);
    }
}
