using Almanac.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Almanac.Web.Infrastructure;

/// <summary>The errors the API answers with, as RFC 9457 problem details.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>A body that gave no document: 413 when it is too large, else 400 saying what was expected.</summary>
    public static ProblemHttpResult Unread(BodyRead read) => read.Fault == BodyFault.TooLarge
        ? TypedResults.Problem(detail: read.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large")
        : TypedResults.Problem(detail: read.Message, statusCode: StatusCodes.Status400BadRequest, title: "Unreadable request body");

    /// <summary>A check stopped at the site's time limit: 503, since the same note may finish on a less busy server or in parts.</summary>
    public static ProblemHttpResult CheckTimedOut(Upload upload, TimeSpan limit)
    {
        var (bytes, lines) = LimitedCheck.SizeOf(upload);
        return TypedResults.Problem(
            detail: $"checking the note ({bytes:N0} bytes, {lines:N0} lines) did not finish within the time limit of {LimitedCheck.Seconds(limit)} s; check it in parts, or with 'almanac check'",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Check time limit reached");
    }

    /// <summary>What is answered to a client that disconnected before its check finished: nobody reads it.</summary>
    public static ProblemHttpResult ClientClosedRequest() =>
        TypedResults.Problem(statusCode: StatusCodes.Status499ClientClosedRequest, title: "Client closed request");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType, string expected) =>
        TypedResults.Problem(
            detail: $"cannot read a body of type '{contentType ?? "(none)"}'; expected {expected}",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type");

    /// <summary>
    /// The one mapping from readers' diagnostics to a problem document: 422, since the request was well formed but
    /// what it carried is not the input it claims to be; <c>detail</c> names the first problem with its place, and
    /// <c>errors</c> lists every message keyed by where it is (<c>file: line 3, column 2</c>, <c>file: $.a.b</c>).
    /// </summary>
    public static ProblemHttpResult Unprocessable(IReadOnlyList<Diagnostic> diagnostics, string title, string consequence)
    {
        var errors = diagnostics
            .GroupBy(KeyOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.Problem(
            detail: diagnostics.Count == 0 ? consequence : $"{diagnostics[0]}; {consequence}",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static string KeyOf(Diagnostic diagnostic) =>
        diagnostic.Location.IsNone ? diagnostic.Source
        : diagnostic.Source.Length == 0 ? diagnostic.Location.ToString()
        : $"{diagnostic.Source}: {diagnostic.Location}";

    public static ValidationProblem Invalid(QueryReader query) => TypedResults.ValidationProblem(query.Errors);

    public static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] });
}
