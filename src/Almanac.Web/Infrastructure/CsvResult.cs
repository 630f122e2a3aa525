using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace Almanac.Web.Infrastructure;

/// <summary>A list as RFC 4180 CSV (UTF-8, CRLF line ends), offered as a download named after the list.</summary>
public sealed class CsvResult : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly string _fileName;
    private readonly Action<TextWriter> _write;

    internal CsvResult(string fileName, Action<TextWriter> write)
    {
        _fileName = fileName;
        _write = write;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var text = new StringWriter();
        _write(text);
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{_fileName}\"";
        await httpContext.Response.WriteAsync(text.ToString(), Encoding.UTF8, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv"]));
    }
}

/// <summary>Whether a list is wanted as JSON or CSV: <c>?format=csv</c>, or <c>Accept: text/csv</c>.</summary>
internal static class ResponseFormat
{
    /// <summary>CSV when <c>format=csv</c>, or with no format when the client accepts <c>text/csv</c>.</summary>
    public static bool WantsCsv(HttpRequest request, Code<AnswerFormat>? format)
    {
        if (format is { } given)
        {
            return given.Value == AnswerFormat.Csv;
        }

        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
    }
}
