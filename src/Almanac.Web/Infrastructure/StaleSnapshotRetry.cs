using Almanac.Web.Knowledge;

namespace Almanac.Web.Infrastructure;

/// <summary>
/// Answers a request again from a new snapshot when the one it read went stale mid-answer (another
/// process imported into the store meanwhile), so no answer mixes two generations of the store.
/// A read (GET, HEAD) is answered again once; a POST, whose body has been read, gets 503 with
/// Retry-After: the same request will then be answered from the new snapshot.
/// </summary>
internal sealed class StaleSnapshotRetry(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, KnowledgeHost host)
    {
        try
        {
            await next(context);
        }
        catch (StaleSnapshotException) when (!context.Response.HasStarted)
        {
            host.SnapshotWentStale();
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.Clear();
                await next(context);
                return;
            }

            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            await Results.Problem(
                detail: "the store changed while this request was answered; send it again",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Store changed").ExecuteAsync(context);
        }
    }
}
