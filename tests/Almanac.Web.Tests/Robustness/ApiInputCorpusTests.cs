using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Almanac.Tests.Web.Robustness;

/// <summary>
/// A seeded corpus of bad query values and bodies sent to every endpoint the checked-in
/// <c>docs/openapi.json</c> lists: a typed parameter given a mistyped, out-of-range, huge, repeated
/// or invalid-UTF-8 value is a 400 problem naming it; a free-text one is answered (200, 400 or 404);
/// a broken body is a 400 or 413 problem. Never a 500, never a stack trace in the body.
/// </summary>
public sealed class ApiInputCorpusTests : IAsyncLifetime
{
    private static readonly string Document = Path.Combine(RunningSite.RepositoryRoot, "docs", "openapi.json");

    private RunningSite _site = null!;

    public async Task InitializeAsync() =>
        _site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Almanac:RateLimit:PermitLimit"] = "1000000" });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    /// <summary>Values no typed parameter accepts, each with what it tries.</summary>
    private static readonly string[] BadValues =
    [
        "abc",
        "-1",
        "0",
        "1.5",
        "99999999999999999999999999",
        "2025-13-45",
        "%C3%28",
        "%00",
        "%EF%BF%BF%FF",
        "NaN",
        "true&{0}=false",
        // Long, but within the request line Kestrel reads (8 KB).
        new string('9', 6_000),
    ];

    [Fact]
    public async Task Every_typed_query_parameter_answers_a_bad_value_with_a_400_naming_it()
    {
        var tried = 0;
        foreach (var (method, path, parameter, schema) in QueryParameters())
        {
            if (IsFreeText(schema))
            {
                continue;
            }

            foreach (var bad in BadValues.Select(b => string.Format(System.Globalization.CultureInfo.InvariantCulture, b, parameter)).Where(b => !Accepts(schema, b)))
            {
                using var response = await SendAsync(method, $"{path}?{parameter}={(bad.Length > 100 || bad.Contains('%', StringComparison.Ordinal) || bad.Contains('&', StringComparison.Ordinal) ? bad : Uri.EscapeDataString(bad))}");
                var body = await Answered(response, $"{method} {path}?{parameter}={Shorten(bad)}");
                ((int)response.StatusCode).ShouldBe(400, $"{method} {path}?{parameter}={Shorten(bad)}: {Shorten(body)}");
                JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(parameter, out var messages).ShouldBeTrue($"{path}?{parameter}={Shorten(bad)}: {Shorten(body)}");
                messages[0].GetString()!.ShouldContain("expected");
                tried++;
            }

            // The same parameter twice is read as the binder reads it, joined by a comma, and refused by name.
            using var twice = await SendAsync(method, $"{path}?{parameter}={Uri.EscapeDataString(Good(schema))}&{parameter}={Uri.EscapeDataString(Good(schema))}");
            ((int)twice.StatusCode).ShouldBe(400, $"{path}: {parameter} twice");
            await Answered(twice, $"{path}: {parameter} twice");
        }

        tried.ShouldBeGreaterThan(150);
    }

    [Fact]
    public async Task Free_text_query_parameters_are_answered_with_any_bytes()
    {
        string[] values = ["%C3%28", "%00%01%02", new string('x', 6_000), "%E4%B8%AD%E6%96%87", "'%22%3Cscript%3E"];
        foreach (var (method, path, parameter, schema) in QueryParameters().Where(p => IsFreeText(p.Schema)))
        {
            foreach (var value in values)
            {
                using var response = await SendAsync(method, $"{path}?{parameter}={value}");
                var body = await Answered(response, $"{method} {path}?{parameter}={Shorten(value)}");
                // 422: the query was read and the body (a sentence, not a dataset) refused, as an import answers it.
                ((int)response.StatusCode).ShouldBeOneOf([200, 400, 404, 413, 415, 422], $"{path}?{parameter}={Shorten(value)}: {Shorten(body)}");
            }
        }
    }

    public static TheoryData<string, byte[]> Bodies()
    {
        var random = new Random(20261201);
        var junk = new byte[4096];
        random.NextBytes(junk);
        var real = File.ReadAllBytes(RunningSite.SharedPath("data", "lmarena", "lmarena_text_2025-08-06.csv"));
        var notUtf8 = (byte[])real.Clone();
        notUtf8[notUtf8.Length / 2] = 0xC3;
        notUtf8[(notUtf8.Length / 2) + 1] = 0x28;
        var data = new TheoryData<string, byte[]>();
        foreach (var path in new[] { "/api/import/lmarena", "/api/check", "/api/facts" })
        {
            data.Add(path, junk);
            data.Add(path, notUtf8);
            data.Add(path, real[..(real.Length * 37 / 100)]);
            data.Add(path, Encoding.UTF8.GetBytes(new string('[', 100_000)));
            data.Add(path, Encoding.UTF8.GetBytes("{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_001)));
            data.Add(path, "{\"entity\": 1e400, \"value\": 99999999999999999999999999999}"u8.ToArray());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_broken_body_is_a_problem_document_never_a_500(string path, byte[] body)
    {
        using var request = RunningSite.Post(path, new ByteArrayContent(body), RunningSite.ApiKey);
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue(path == "/api/facts" ? "application/json" : "text/plain");
        using var response = await _site.Client.SendAsync(request);

        var text = await Answered(response, path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // A problem names what was wrong: a field or JSON path, or says it in its detail.
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", text);
            var problem = JsonDocument.Parse(text).RootElement;
            (problem.TryGetProperty("errors", out _) || problem.TryGetProperty("detail", out _)).ShouldBeTrue(text);
        }
    }

    // Every answer: no 500, and no stack trace or exception name in the body.
    private static async Task<string> Answered(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, $"{what}: {Shorten(body)}");
        body.ShouldNotContain("   at ", Case.Sensitive, what);
        body.ShouldNotContain("Exception", Case.Sensitive, what);
        return body;
    }

    private Task<HttpResponseMessage> SendAsync(string method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        request.Headers.Add("X-Api-Key", RunningSite.ApiKey);
        if (method == "POST")
        {
            // A body of a type the endpoint accepts, so its query is what gets answered (an import takes files, not text/plain).
            var type = pathAndQuery.StartsWith("/api/import", StringComparison.Ordinal) ? "text/csv" : "text/plain";
            request.Content = new StringContent("Anthropic's revenue run-rate was $5 billion in 2025.", Encoding.UTF8, type);
        }

        return _site.Client.SendAsync(request);
    }

    // Each query parameter of every operation in the checked-in document, with its schema (references resolved); path ids are real ones.
    private static IEnumerable<(string Method, string Path, string Parameter, JsonElement Schema)> QueryParameters()
    {
        var document = JsonDocument.Parse(File.ReadAllText(Document)).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var concrete = path.Name.Replace("/api/companies/{id}", "/api/companies/anthropic", StringComparison.Ordinal)
                .Replace("/api/benchmarks/{id}", "/api/benchmarks/gpqa-diamond", StringComparison.Ordinal)
                .Replace("{dataset}", "lmarena", StringComparison.Ordinal)
                .Replace("{id}", "anthropic", StringComparison.Ordinal);
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    continue;
                }

                foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
                {
                    var schema = parameter.GetProperty("schema");
                    if (schema.TryGetProperty("$ref", out var reference))
                    {
                        schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                    }

                    yield return (operation.Name.ToUpperInvariant(), concrete, parameter.GetProperty("name").GetString()!, schema);
                }
            }
        }
    }

    private static bool IsFreeText(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is "string" or "array"
        && !schema.TryGetProperty("enum", out _) && !schema.TryGetProperty("format", out _) && !schema.TryGetProperty("description", out _);

    // A value the schema itself allows (a bound, a word of the list) is no bad value for it.
    private static bool Accepts(JsonElement schema, string value)
    {
        if (schema.TryGetProperty("enum", out var words))
        {
            return words.EnumerateArray().Any(w => string.Equals(w.GetString(), value, StringComparison.OrdinalIgnoreCase));
        }

        if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "integer")
        {
            var min = schema.TryGetProperty("minimum", out var lo) ? lo.GetInt64() : long.MinValue;
            var max = schema.TryGetProperty("maximum", out var hi) ? hi.GetInt64() : int.MaxValue;
            return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;
        }

        if (schema.TryGetProperty("minimum", out _))
        {
            // A price: 0 and 1.5 are prices, as is a long run of nines.
            return decimal.TryParse(value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _);
        }

        // The free-form kinds are judged by the parser the API uses.
        var description = schema.TryGetProperty("description", out var d) ? d.GetString()! : string.Empty;
        var text = Uri.UnescapeDataString(value);
        return description.Contains("token count", StringComparison.Ordinal) ? Almanac.Web.Infrastructure.TokenCount.TryParse(text, out _)
            : description.Contains("period", StringComparison.Ordinal) && Almanac.Web.Infrastructure.PeriodText.TryParse(text, out _);
    }

    private static string Good(JsonElement schema) =>
        schema.TryGetProperty("enum", out var words) ? words[0].GetString()!
        : schema.TryGetProperty("format", out var format) && format.GetString() == "date" ? "2025-01-01"
        : schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "boolean" ? "true"
        : schema.TryGetProperty("example", out var example) ? example.GetString()!
        : "1";

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
