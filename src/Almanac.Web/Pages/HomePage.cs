namespace Almanac.Web.Pages;

/// <summary>The page at <c>/</c>: a placeholder that points at the API until the dashboard pages arrive.</summary>
internal static class HomePage
{
    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Almanac</title></head>
        <body>
        <h1>Almanac</h1>
        <p>The LLM market almanac: every number has a source.</p>
        <ul>
        <li><a href="/api/entities">/api/entities</a>, <a href="/api/facts">/api/facts</a>, <a href="/api/models">/api/models</a>,
        <a href="/api/conflicts">/api/conflicts</a>, <a href="/api/sources">/api/sources</a>, <a href="/api/charts">/api/charts</a></li>
        <li>The API described: <a href="/openapi/v1.json">/openapi/v1.json</a></li>
        </ul>
        </body>
        </html>
        """;

    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Content(Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
