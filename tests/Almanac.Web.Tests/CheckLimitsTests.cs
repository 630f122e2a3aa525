using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Almanac.Checking;
using Almanac.Web.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Tests.Web;

/// <summary>
/// One checking pipeline per knowledge snapshot, shared by <c>/api/check</c> and the Check page; a
/// check stopped by the time limit (503) or by a client that went away (the checker stops working).
/// </summary>
public sealed class CheckLimitsTests
{
    private static readonly string Note004 = RunningSite.SharedPath("seeds", "004_85998f9bbbdc5ba5.txt");

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private static DocumentChecker CheckerOf(RunningSite site) => site.Services.GetRequiredService<KnowledgeHost>().Snapshot().Checker;

    [Fact]
    public async Task Requests_on_one_snapshot_share_one_pipeline_and_a_changed_store_gets_a_new_one()
    {
        var data = CopyOfDataFolder();
        try
        {
            await using var site = await RunningSite.StartAsync(data: data);
            var note = await File.ReadAllTextAsync(Note004);
            using (var first = await site.Client.PostAsync("/api/check", Text(note)))
            {
                first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
            }

            var pipeline = CheckerOf(site);
            using (var form = new MultipartFormDataContent { { new StringContent(note), "text" } })
            using (var second = await site.Client.PostAsync("/check", form))
            {
                second.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            CheckerOf(site).ShouldBeSameAs(pipeline);
            pipeline.Counts.Completed.ShouldBe(2);

            // A new curated fact changes the store: the next check runs on a pipeline of the new snapshot.
            using (var added = await site.Client.SendAsync(RunningSite.Post("/api/facts", JsonContent.Create(FixtureFact()), RunningSite.ApiKey)))
            {
                added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
            }

            using (var third = await site.Client.PostAsync("/api/check", Text(note)))
            {
                third.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            var renewed = CheckerOf(site);
            renewed.ShouldNotBeSameAs(pipeline);
            renewed.Counts.Completed.ShouldBe(1);
            pipeline.Counts.Completed.ShouldBe(2);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_check_past_the_time_limit_is_a_503_naming_the_note_size_and_the_limit()
    {
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Almanac:Check:TimeLimitSeconds"] = "0.001" });
        var bytes = await File.ReadAllBytesAsync(Note004);
        using var response = await site.Client.PostAsync("/api/check", new ByteArrayContent(bytes) { Headers = { ContentType = new("text/plain") } });

        var problem = await RunningSite.ProblemOf(response, 503);
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain(bytes.Length.ToString("N0", CultureInfo.InvariantCulture) + " bytes");
        detail.ShouldContain((bytes.Count(b => b == (byte)'\n') + 1).ToString("N0", CultureInfo.InvariantCulture) + " lines");
        detail.ShouldContain("time limit of 0.001 s");
        CheckerOf(site).Counts.Cancelled.ShouldBe(1);
        CheckerOf(site).Counts.Completed.ShouldBe(0);
    }

    [Fact]
    public async Task The_check_page_says_when_the_time_limit_stopped_a_check()
    {
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Almanac:Check:TimeLimitSeconds"] = "0.001" });
        using var form = new MultipartFormDataContent { { new StringContent(await File.ReadAllTextAsync(Note004)), "text" } };
        using var response = await site.Client.PostAsync("/check", form);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("did not finish within the time limit of 0.001 s");
        page.ShouldContain("id=\"check-form\"");
    }

    [Fact]
    public async Task A_client_that_disconnects_stops_its_check()
    {
        // A note large enough to take seconds, so the client can go away in the middle of its check.
        var note = string.Join("\n\n", Enumerable.Repeat(await File.ReadAllTextAsync(Note004), 400));
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?>
        {
            ["Almanac:Check:MaxBytes"] = (64 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
            ["Almanac:Check:TimeLimitSeconds"] = "0",
        });
        var checker = CheckerOf(site);

        using var client = new CancellationTokenSource();
        var sending = site.Client.PostAsync("/api/check", Text(note), client.Token);
        (await Until(() => checker.Counts.Started == 1, TimeSpan.FromSeconds(60))).ShouldBeTrue("the check should have started");
        await client.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(sending);

        (await Until(() => checker.Counts.Cancelled == 1, TimeSpan.FromSeconds(60))).ShouldBeTrue("the checker should have observed the disconnect");
        checker.Counts.Completed.ShouldBe(0);
    }

    /// <summary>Waits for a condition the server makes true, looking every few milliseconds.</summary>
    private static async Task<bool> Until(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    private static string CopyOfDataFolder()
    {
        var data = Path.Combine(Path.GetTempPath(), "almanac-web-tests-" + Guid.NewGuid().ToString("N"), "data");
        var repository = Path.Combine(RunningSite.RepositoryRoot, "data");
        foreach (var file in Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, Path.GetRelativePath(repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return data;
    }

    // A fixture source and figure for a throwaway copy of the data folder, not a fact of the knowledge base.
    private static object FixtureFact() => new
    {
        entity = "anthropic",
        metric = "revenue-run-rate",
        period = "2031-01",
        value = 1.2e9,
        unit = "USD",
        obtained = "reported",
        quote = "测试引用：年化收入达到 12 亿美元。",
        newSource = new { id = "test-fixture-source", publisher = "Fixture Publisher", title = "A fixture document", url = "https://example.org/fixture", published = "2031-02-01", kind = "primary" },
    };
}
