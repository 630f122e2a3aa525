using Microsoft.AspNetCore.Http.HttpResults;

namespace Almanac.Web.Infrastructure;

/// <summary>The errors the API answers with, as RFC 9457 problem details.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(
            detail: $"the document is larger than the limit of {limit:N0} bytes",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType, string expected) =>
        TypedResults.Problem(
            detail: $"cannot read a body of type '{contentType ?? "(none)"}'; expected {expected}",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type");

    public static ValidationProblem Invalid(QueryReader query) => TypedResults.ValidationProblem(query.Errors);

    public static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] });
}
