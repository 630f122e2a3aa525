using System.Net.Http.Headers;
using System.Text.Json;
using Almanac.Hosting;
using Almanac.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Tests.Web;

/// <summary>
/// The real site on a free port of 127.0.0.1, over a fresh SQLite store built from the
/// repository's data folder, and an <see cref="HttpClient"/> that talks to it over TCP.
/// </summary>
public sealed class RunningSite : IAsyncDisposable
{
    public const string ApiKey = "test-key-3f9a";

    private readonly WebApplication _app;
    private readonly string _folder;

    private RunningSite(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The SQLite file the site serves.</summary>
    public string StorePath => Path.Combine(_folder, "almanac.db");

    public static string RepositoryRoot { get; } = Path.GetDirectoryName(Workspace.FindDataFolder(null))!;

    public static string SharedPath(params string[] parts) => Path.GetFullPath(Path.Combine([RepositoryRoot, "..", "shared", .. parts]));

    /// <summary>Starts a site with the given configuration on top of test defaults (an API key, no data-folder polling).</summary>
    public static async Task<RunningSite> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? data = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "almanac-web-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var merged = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Almanac:ApiKey"] = ApiKey,
            ["Almanac:RefreshSeconds"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var app = AlmanacWebApp.Build(new WebOptions("http://127.0.0.1:0", Data: data, Store: Path.Combine(folder, "almanac.db"), Settings: merged));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningSite(app, folder, new Uri(address));
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path}: {(int)response.StatusCode} {body}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A failed request's problem details, after checking its status and content type.</summary>
    public async Task<JsonElement> GetProblemAsync(string path, int status)
    {
        using var response = await Client.GetAsync(path);
        return await ProblemOf(response, status);
    }

    public static async Task<JsonElement> ProblemOf(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        return problem;
    }

    public static HttpRequestMessage Post(string path, HttpContent content, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system is left for the temp folder's own cleaning.
        }
    }
}

/// <summary>One site shared by the read-only tests of a class.</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public RunningSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await RunningSite.StartAsync();

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedSite : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
