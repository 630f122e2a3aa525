using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Almanac.Tests.Web;

/// <summary>
/// <c>POST /api/facts</c> adds a fact to the curated data files of a copy of <c>data/</c>, checked
/// with the whole folder first: all of it or nothing, behind the API key.
/// </summary>
public sealed class AddFactTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "almanac-web-tests-" + Guid.NewGuid().ToString("N"), "data");

    private RunningSite _site = null!;

    private string Added => Path.Combine(_data, "facts", "added.yaml");

    public async Task InitializeAsync()
    {
        var repository = Path.Combine(RunningSite.RepositoryRoot, "data");
        foreach (var file in Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_data, Path.GetRelativePath(repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        _site = await RunningSite.StartAsync(data: _data);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
    }

    // A fixture source and figure for this throwaway copy of the data folder, not a fact of the knowledge base.
    private static object Fact(string metric = "revenue-run-rate", string quote = "测试引用：年化收入达到 12 亿美元。") => new
    {
        entity = "anthropic",
        metric,
        period = "2031-01",
        value = 1.2e9,
        unit = "USD",
        obtained = "reported",
        quote,
        newSource = new { id = "test-fixture-source", publisher = "Fixture Publisher", title = "A fixture document", url = "https://example.org/fixture", published = "2031-02-01", kind = "primary" },
    };

    private async Task<HttpResponseMessage> PostAsync(object body, string? apiKey = RunningSite.ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/facts") { Content = JsonContent.Create(body) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return await _site.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_fact_with_its_new_source_lands_in_the_data_files_and_is_served_at_once()
    {
        using var response = await PostAsync(Fact());
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        JsonDocument.Parse(body).RootElement.GetProperty("location").GetString()!.ShouldStartWith("data/facts/added.yaml:");
        var facts = await _site.GetJsonAsync("/api/facts?entity=anthropic&metric=revenue-run-rate&period=2031");
        var item = facts.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("value").GetDecimal().ShouldBe(1.2e9m);
        item.GetProperty("source").GetProperty("publisher").GetString().ShouldBe("Fixture Publisher");
        item.GetProperty("quote").GetString().ShouldBe("测试引用：年化收入达到 12 亿美元。");
        (await File.ReadAllTextAsync(Added)).ShouldContain("quote: \"测试引用：年化收入达到 12 亿美元。\"");
    }

    [Fact]
    public async Task A_fact_the_data_files_would_refuse_is_not_written_and_the_error_says_where_and_why()
    {
        using var response = await PostAsync(Fact(metric: "revenue-runrate"));

        var problem = await RunningSite.ProblemOf(response, 400);
        var messages = problem.GetProperty("errors").GetProperty("body").EnumerateArray().Select(e => e.GetString()!).ToList();
        messages.ShouldContain(m => m.StartsWith("data/facts/added.yaml:", StringComparison.Ordinal) && m.Contains("revenue-runrate", StringComparison.Ordinal));
        File.Exists(Added).ShouldBeFalse();
        File.Exists(Path.Combine(_data, "sources", "added.yaml")).ShouldBeFalse();
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        using var response = await PostAsync(new { entity = "anthropic", value = 1 });

        var problem = await RunningSite.ProblemOf(response, 400);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("metric", out _).ShouldBeTrue();
        errors.TryGetProperty("quote", out _).ShouldBeTrue();
        errors.TryGetProperty("source", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Text_that_looks_like_yaml_stays_inside_its_string()
    {
        const string Quote = "line one\n- entity: openai\n  metric: valuation\n\"quoted\" \\ end";
        using var response = await PostAsync(Fact(quote: Quote));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var facts = await _site.GetJsonAsync("/api/facts?entity=anthropic&metric=revenue-run-rate&period=2031");
        facts.GetProperty("items").EnumerateArray().Single().GetProperty("quote").GetString().ShouldBe(Quote);
    }

    [Fact]
    public async Task Adding_needs_the_key()
    {
        using var response = await PostAsync(Fact(), apiKey: null);

        await RunningSite.ProblemOf(response, 401);
        File.Exists(Added).ShouldBeFalse();
    }

    public static TheoryData<byte[], string, string> MalformedBodies => new()
    {
        { "{\"entity\": \"anthropic\", \"metric\": "u8.ToArray(), "$.metric", "invalid JSON at line 1, byte 35: Expected depth to be zero at the end of the JSON payload" },
        { "[{\"entity\": \"anthropic\"}]"u8.ToArray(), "$", "a value of the wrong type at line 1, byte 2; expected a JSON object describing one fact" },
        { "{\"entity\": 42}"u8.ToArray(), "$.entity", "a value of the wrong type at line 1, byte 14; expected a string" },
        { "{\"scope\": {\"region\": 1}}"u8.ToArray(), "$.scope.region", "a value of the wrong type at line 1, byte 23; expected a string" },
        { "{\"newSource\": \"menlo\"}"u8.ToArray(), "$.newSource", "a value of the wrong type at line 1, byte 22; expected an object" },
        { [.. "{\"entity\": \"Open"u8, 0xC3, .. "AI\"}"u8], "$", "the body is not valid UTF-8 at line 1, column 17" },
        { System.Text.Encoding.UTF8.GetBytes("{\"value\": " + new string('[', 5000) + new string(']', 5000) + "}"), "$.value", "invalid JSON at line 1, byte" },
        { new byte[3 * 1024 * 1024], "$", "the body is larger than 1,048,576 bytes" },
        { []  , "$", "the body is empty" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_a_400_naming_the_json_path_and_what_was_expected(byte[] body, string path, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/facts") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", RunningSite.ApiKey);

        using var response = await _site.Client.SendAsync(request);

        var problem = await RunningSite.ProblemOf(response, 400);
        var error = problem.GetProperty("errors").EnumerateObject().ShouldHaveSingleItem();
        error.Name.ShouldStartWith(path);
        error.Value[0].GetString()!.ShouldStartWith(message);
    }
}
