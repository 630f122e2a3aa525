using System.Text.Encodings.Web;
using System.Text.Unicode;
using Almanac.Hosting;
using Almanac.Web.Api;
using Almanac.Web.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Almanac.Web.Knowledge;
using Almanac.Web.Pages;
using Microsoft.Extensions.Configuration.Memory;

namespace Almanac.Web;

/// <summary>The site and HTTP API of <c>almanac serve</c>, built as a <see cref="WebApplication"/> to run in the caller's process.</summary>
public static class AlmanacWebApp
{
    private static readonly Dictionary<string, string?> QuietLogging = new(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",

        // A host that cannot start (a busy port) is reported by the caller in one line that names
        // the address; the host would first log the same failure with its whole stack trace.
        ["Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host"] = "None",
    };

    /// <summary>
    /// Opens the workspace (loading the data files into the store if they changed) and builds the
    /// application; the caller runs it.
    /// </summary>
    /// <exception cref="WorkspaceException">The data folder is missing or invalid, or the store cannot be opened.</exception>
    public static WebApplication Build(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = options.Args?.ToArray() ?? [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        // ASP.NET Core logs every request at Information (a dozen console lines each); at hundreds
        // of requests a second writing them costs more than answering. These are defaults only:
        // the environment or an argument (--Logging:LogLevel:Microsoft.AspNetCore=Information) wins.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietLogging });
        if (options.Settings is { } settingsGiven)
        {
            builder.Configuration.AddInMemoryCollection(settingsGiven);
        }

        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var settings = WebSettings.From(builder.Configuration);
        var workspace = Workspace.Open(options.Data, options.Store, options.Clock, Console.Error);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(options.Clock);
        services.AddSingleton(provider => new KnowledgeHost(workspace, options.Clock, provider.GetRequiredService<ILogger<KnowledgeHost>>()));
        services.AddSingleton(new UsageHost(builder.Configuration["Almanac:UsageStore"] is { Length: > 0 } usageStore
            ? Path.GetFullPath(usageStore)
            : UsageStorePath.Default(workspace.DataFolder, workspace.StoreLocation)));
        services.AddHostedService<DataRefreshService>();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = UnsupportedMediaTypes.Explain);
        services.ConfigureHttpJsonOptions(json =>
        {
            // Chinese names stay readable; <, >, & and quotes are still escaped, so no JSON answer is live HTML.
            json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi(openApi =>
        {
            // A query word list is named for its enumeration: EntityKind, not CodeOfEntityKind.
            openApi.CreateSchemaReferenceId = type => type.Type.IsGenericType && type.Type.GetGenericTypeDefinition() == typeof(Code<>)
                ? type.Type.GetGenericArguments()[0].Name
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            openApi.AddSchemaTransformer((schema, context, _) =>
            {
                QueryValidation.Describe(context.JsonTypeInfo.Type, schema);
                return Task.CompletedTask;
            });
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                // The document is checked in: it must not depend on the address the site happens to listen on.
                document.Servers?.Clear();
                document.Info.Title = "Almanac API";
                document.Info.Description = "Sourced facts about the LLM market: entities, facts, the model catalogue, conflicts, sources, charts, and a figure checker.";
                return Task.CompletedTask;
            });
        });
        services.AddAlmanacRateLimiting(settings);
        if (settings.CorsOrigins.Count > 0)
        {
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. settings.CorsOrigins])
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Accept", ApiKeyFilter.Header)));
        }

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Outside every middleware that sets headers: answering again clears the response.
        app.UseMiddleware<StaleSnapshotRetry>();
        app.Use(async (context, next) =>
        {
            // Every answer is what it says it is: browsers never guess HTML from JSON or CSV.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next(context);
        });
        if (settings.CorsOrigins.Count > 0)
        {
            app.UseCors();
        }

        app.UseRateLimiter();
        app.UseMiddleware<QueryValidation>();
        app.MapOpenApi();
        app.MapAssets();
        app.MapOverviewPage();
        app.MapModelsPage();
        app.MapModelPage();
        app.MapMarketViewPages();
        app.MapFactsPage();
        app.MapConflictsPage();
        app.MapCheckPage();
        app.MapSourcesPage();
        app.MapUsagePage();
        app.MapEntitiesApi();
        app.MapFactsApi();
        app.MapModelsApi();
        app.MapConflictsApi();
        app.MapSourcesApi();
        app.MapChartsApi();
        app.MapMarketViewsApi();
        app.MapCheckApi();
        app.MapWriteApi();
        app.MapUsageApi();
        return app;
    }
}
