using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Almanac.Checking.Reports;
using Almanac.Hosting;

namespace Almanac.Tests.Web;

/// <summary><c>POST /api/check</c>: the same JSON as <c>almanac check --format json</c>.</summary>
[Collection(SharedSite.Name)]
public sealed class CheckApiTests(SiteFixture fixture)
{
    private static readonly string Note004 = RunningSite.SharedPath("seeds", "004_85998f9bbbdc5ba5.txt");

    private RunningSite Site => fixture.Site;

    private static StringContent Text(string text, string type = "text/markdown") => new(text, Encoding.UTF8, type);

    [Fact]
    public async Task The_seed_note_has_contradicted_and_inconsistent_figures()
    {
        using var response = await Site.Client.PostAsync("/api/check?name=note.md", Text(await File.ReadAllTextAsync(Note004), "text/plain"));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var report = JsonDocument.Parse(body).RootElement;
        report.GetProperty("document").GetString().ShouldBe("note.md");
        var claims = report.GetProperty("claims").EnumerateArray().ToList();
        claims.Count.ShouldBeGreaterThanOrEqualTo(180);
        var mixtral = claims.First(c => c.GetProperty("text").GetString() == "141B总");
        mixtral.GetProperty("verdict").GetString().ShouldBe("contradicted");
        mixtral.GetProperty("evidence")[0].GetProperty("url").GetString()!.ShouldStartWith("https://");
        report.GetProperty("summary").GetProperty("contradicted").GetInt32().ShouldBeGreaterThan(0);
        report.GetProperty("summary").GetProperty("inconsistent").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_answer_is_exactly_the_report_the_command_line_writes()
    {
        var bytes = await File.ReadAllBytesAsync(Note004);
        using var response = await Site.Client.PostAsync("/api/check?name=004.txt", new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });
        var served = await response.Content.ReadAsStringAsync();

        var folder = Path.Combine(Path.GetTempPath(), "almanac-web-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var workspace = Workspace.Open(null, Path.Combine(folder, "almanac.db"), TimeProvider.System, TextWriter.Null))
            {
                var expected = JsonReport.Write(StoreChecker.Create(workspace.Store, null, "auto").Check(bytes, "004.txt").Report!);
                served.ShouldBe(expected);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_in_a_form_is_checked_under_its_own_name()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Note004));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "seed-004.txt");
        using var response = await Site.Client.PostAsync("/api/check", form);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        var report = JsonDocument.Parse(body).RootElement;
        report.GetProperty("document").GetString().ShouldBe("seed-004.txt");
        report.GetProperty("summary").GetProperty("contradicted").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_file_name_with_a_quote_is_checked_or_refused_as_a_form_never_called_too_large()
    {
        // The form is written by hand, as a careless client would: the quote inside the file name is not escaped.
        const string boundary = "almanac-boundary";
        var raw = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"my \"best\" note.md\"\r\nContent-Type: text/markdown\r\n\r\nAnthropic was valued at $61.5 billion in March 2025.\r\n--{boundary}--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        using var response = await Site.Client.PostAsync("/api/check", content);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldNotBe(413, body);
        if (response.IsSuccessStatusCode)
        {
            JsonDocument.Parse(body).RootElement.GetProperty("claims").GetArrayLength().ShouldBeGreaterThan(0);
        }
        else
        {
            (await RunningSite.ProblemOf(response, 400)).GetProperty("detail").GetString()!.ShouldContain("form");
        }
    }

    [Fact]
    public async Task A_form_without_a_file_or_text_is_400_saying_what_was_expected()
    {
        using var form = new MultipartFormDataContent { { new StringContent("note.md"), "name" } };
        var problem = await RunningSite.ProblemOf(await Site.Client.PostAsync("/api/check", form), 400);
        problem.GetProperty("detail").GetString()!.ShouldContain("no file");
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        var problem = await RunningSite.ProblemOf(await Site.Client.PostAsync("/api/check", Text("", "text/plain")), 400);
        problem.GetProperty("errors").GetProperty("body")[0].GetString()!.ShouldContain("empty");
    }

    [Fact]
    public async Task As_of_a_date_and_in_a_language()
    {
        using var response = await Site.Client.PostAsync("/api/check?lang=en&asOf=2024-01-01", Text("Anthropic was valued at $61.5 billion in March 2025."));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        JsonDocument.Parse(body).RootElement.GetProperty("claims").GetArrayLength().ShouldBeGreaterThan(0);

        (await RunningSite.ProblemOf(await Site.Client.PostAsync("/api/check?lang=fr", Text("x")), 400)).GetProperty("errors").TryGetProperty("lang", out _).ShouldBeTrue();
        (await RunningSite.ProblemOf(await Site.Client.PostAsync("/api/check?asOf=soon", Text("x")), 400)).GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_oversized_document_is_413()
    {
        var big = new string('a', 2 * 1024 * 1024 + 1);
        using var response = await Site.Client.PostAsync("/api/check", Text(big, "text/plain"));
        var problem = await RunningSite.ProblemOf(response, 413);
        problem.GetProperty("detail").GetString()!.ShouldContain("2,097,152 bytes");
    }

    [Fact]
    public async Task An_oversized_document_sent_in_chunks_without_a_length_is_413()
    {
        var big = Encoding.UTF8.GetBytes(new string('a', 3 * 1024 * 1024));
        var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await Site.Client.SendAsync(request);
        await RunningSite.ProblemOf(response, 413);
    }

    [Fact]
    public async Task A_body_that_is_not_text_is_415()
    {
        using var response = await Site.Client.PostAsync("/api/check", new StringContent("{}", Encoding.UTF8, "application/json"));
        await RunningSite.ProblemOf(response, 415);
    }

    [Fact]
    public async Task Text_from_the_note_comes_back_as_json_never_as_html()
    {
        using var response = await Site.Client.PostAsync("/api/check?name=" + Uri.EscapeDataString("<img src=x onerror=alert(1)>"), Text("<script>alert(1)</script> Anthropic's valuation was $61.5 billion."));
        var body = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        JsonDocument.Parse(body).RootElement.GetProperty("document").GetString().ShouldBe("<img src=x onerror=alert(1)>");
    }
}
