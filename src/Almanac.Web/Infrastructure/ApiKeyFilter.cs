using System.Security.Cryptography;
using System.Text;

namespace Almanac.Web.Infrastructure;

/// <summary>
/// Guards the write endpoints: they answer 403 when no key is configured (writes are disabled),
/// 401 when the <c>X-Api-Key</c> header is missing or wrong.
/// </summary>
internal sealed class ApiKeyFilter(WebSettings settings) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (settings.ApiKey is not { Length: > 0 } expected)
        {
            return TypedResults.Problem(
                detail: "writes are disabled: set Almanac:ApiKey (or ALMANAC_API_KEY) to enable them",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden");
        }

        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = Header;
            return TypedResults.Problem(
                detail: $"a valid {Header} header is required for writes",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized");
        }

        return await next(context);
    }
}
