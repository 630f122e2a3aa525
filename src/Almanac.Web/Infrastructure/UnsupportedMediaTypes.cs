using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Almanac.Web.Infrastructure;

/// <summary>
/// Routing refuses a body whose Content-Type an endpoint does not accept with a bare 415 that names
/// nothing; this says which type was sent and which ones the endpoint at that path takes.
/// </summary>
internal static class UnsupportedMediaTypes
{
    public static void Explain(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status415UnsupportedMediaType || context.ProblemDetails.Detail is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        var accepted = AcceptedAt(context.HttpContext, request.Path);
        var sent = string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : $"Content-Type '{request.ContentType}'";
        context.ProblemDetails.Detail = accepted.Count > 0
            ? $"the body was sent with {sent}; expected one of {string.Join(", ", accepted)}"
            : $"the body was sent with {sent}, which this endpoint does not accept";
    }

    private static IReadOnlyList<string> AcceptedAt(HttpContext context, PathString path)
    {
        var sources = context.RequestServices.GetServices<EndpointDataSource>();
        return [.. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is not null && Matches(e, path))
            .SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()!.ContentTypes)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static bool Matches(RouteEndpoint endpoint, PathString path) =>
        endpoint.RoutePattern.RawText is { } template
        && new TemplateMatcher(TemplateParser.Parse(template), []).TryMatch(path, []);
}
