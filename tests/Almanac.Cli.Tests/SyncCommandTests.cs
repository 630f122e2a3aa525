using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Almanac.Tests.Cli;

/// <summary><c>almanac sync</c> against a local HTTP server on 127.0.0.1 serving the shared snapshots.</summary>
public sealed class SyncCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpListener _server = new();
    private readonly string _base;
    private readonly CancellationTokenSource _stop = new();

    public SyncCommandTests()
    {
        var port = FreePort();
        _base = $"http://127.0.0.1:{port}/";
        _server.Prefixes.Add(_base);
        _server.Start();
        _ = ServeAsync();
    }

    private string Store => Path.Combine(_folder, "almanac.db");

    [Fact]
    public void Fetches_each_dataset_over_http_and_imports_it()
    {
        var run = CliRun.Of(
            "sync",
            "--url", $"models-dev={_base}models-dev/api.json",
            "--url", $"litellm={_base}litellm/model_prices_and_context_window.json",
            "--url", $"epoch={_base}epoch-ai/notable_ai_models_2026-01.csv",
            "--url", $"openrouter={_base}openrouter/models/openrouter_models_2026-08-22T120854Z.json",
            "--store", Store, "--data", CliRun.RepositoryData);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("2026-08-22T120854Z (2026-08-22)");
        run.Error.ShouldContain("downloading");
        run.Output.ShouldContain("models-dev");
        run.Output.ShouldContain("litellm");
        run.Output.ShouldContain("epoch");
        var facts = JsonDocument.Parse(CliRun.Of("facts", "--entity", "claude-3-5-sonnet", "--metric", "price-input", "--format", "json", "--store", Store, "--data", CliRun.RepositoryData).Output)
            .RootElement.EnumerateArray().ToList();
        facts.Select(f => f.GetProperty("source").GetProperty("url").GetString()).ShouldContain($"{_base}litellm/model_prices_and_context_window.json");
        facts.Select(f => f.GetProperty("source").GetProperty("url").GetString()).ShouldContain($"{_base}models-dev/api.json");
    }

    [Fact]
    public void A_dataset_the_server_lacks_fails_alone_and_says_why()
    {
        var run = CliRun.Of(
            "sync",
            "--only", "epoch", "--only", "litellm",
            "--url", $"epoch={_base}epoch-ai/missing.csv",
            "--url", $"litellm={_base}litellm/model_prices_and_context_window.json",
            "--store", Store, "--data", CliRun.RepositoryData);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("the server answered 404");
        run.Error.ShouldContain("1 of 2 dataset(s) could not be synced");
        run.Output.ShouldContain("litellm");
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
            var path = SharedDatasets.PathOf(relative);
            if (relative.Contains("..", StringComparison.Ordinal) || !File.Exists(path))
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(path);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _server.Stop();
        _server.Close();
        _stop.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
