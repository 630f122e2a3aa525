using System.Text.Json;
using Almanac.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Infrastructure;

/// <summary>
/// Reads a JSON request body into a contract type, turning every way a body can be wrong (too
/// large, not UTF-8, not JSON, nested too deep, an array for an object, a number for a string) into
/// a validation problem keyed by the JSON path, with what was expected: the bare "Bad Request" of
/// the framework's binding says neither where nor what.
/// </summary>
internal static class JsonBody
{
    /// <summary>A fact and its source fit in a few kilobytes; a megabyte leaves room for long quotes.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, string what, CancellationToken cancellation)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.Invalid("$", $"the body is larger than {MaxBytes:N0} bytes; expected {what}"));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation);
        if (buffer.Length > MaxBytes)
        {
            return (null, Problems.Invalid("$", $"the body is larger than {MaxBytes:N0} bytes; expected {what}"));
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.IsEmpty)
        {
            return (null, Problems.Invalid("$", $"the body is empty; expected {what}"));
        }

        if (StrictUtf8.FirstInvalid(bytes.Span) is { } invalid)
        {
            return (null, Problems.Invalid("$", $"the body is not valid UTF-8 at line {invalid.Line}, column {invalid.Column}; expected {what}"));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return JsonSerializer.Deserialize<T>(bytes.Span, options) is { } value
                ? (value, null)
                : (null, Problems.Invalid("$", $"found null; expected {what}"));
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            var at = $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}";
            return (null, Problems.Invalid(path, IsTypeMismatch(e)
                ? $"a value of the wrong type at {at}; expected {(path == "$" ? what : Expected<T>(path))}"
                : $"invalid JSON at {at}: {Plain(e.Message)}"));
        }
    }

    // The serializer words a wrong type as "could not be converted to <.NET type>": say it in the contract's terms.
    private static bool IsTypeMismatch(JsonException e) =>
        e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);

    /// <summary>What the member at <paramref name="path"/> holds, from the contract's own property types.</summary>
    private static string Expected<T>(string path)
    {
        var type = typeof(T);
        foreach (var segment in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            if (type.IsAssignableTo(typeof(IEnumerable<KeyValuePair<string, string>>)))
            {
                // A member of a map of strings, such as a fact's scope.
                return "a string";
            }

            var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return "a value of the documented type (see docs/api.md)";
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return type == typeof(string) ? "a string"
            : type == typeof(int) ? "a whole number"
            : type == typeof(JsonElement) ? "a number, [low, high], or a date or text"
            : type.IsAssignableTo(typeof(IEnumerable<KeyValuePair<string, string>>)) ? "an object whose values are strings"
            : "an object";
    }

    // The reader's messages end with its own position ("LineNumber: 0 | BytePositionInLine: 3."): the message gives it already.
    private static string Plain(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        var end = new[] { cut, path }.Where(i => i >= 0).DefaultIfEmpty(message.Length).Min();
        return message[..end].TrimEnd();
    }
}
