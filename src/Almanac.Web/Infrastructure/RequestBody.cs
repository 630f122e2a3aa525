using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Almanac.Web.Infrastructure;

/// <summary>An uploaded document: its bytes and the name it came with.</summary>
internal sealed record Upload(byte[] Bytes, string? FileName);

/// <summary>Why a request body gave no document.</summary>
internal enum BodyFault
{
    /// <summary>The body, or the form's file, is larger than the limit.</summary>
    TooLarge,

    /// <summary>The body says it is a form but cannot be read as one (a broken boundary or part header).</summary>
    MalformedForm,

    /// <summary>A readable form with neither a file nor a <c>text</c> field.</summary>
    FormWithoutDocument,
}

/// <summary>What reading a body gave: the upload, or the fault and a message that says what was expected.</summary>
internal sealed record BodyRead(Upload? Upload, BodyFault? Fault, string? Message)
{
    public static BodyRead Of(Upload upload) => new(upload, null, null);

    public static BodyRead Failed(BodyFault fault, string message) => new(null, fault, message);
}

/// <summary>Reads an uploaded document, a raw body or the first file of a form, without ever holding more than a limit.</summary>
internal static class RequestBody
{
    /// <summary>The upload, or why there is none: larger than <paramref name="limit"/> bytes, a form that cannot be read, or a form without a document.</summary>
    public static async Task<BodyRead> ReadAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Room for a form's boundaries and headers around the file itself.
            size.MaxRequestBodySize = limit + 64 * 1024;
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = (int)Math.Min(limit, int.MaxValue) }, cancellation);
            }
            catch (InvalidDataException e) when (IsLengthLimit(e))
            {
                return TooLarge(limit);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(limit);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or FormatException)
            {
                // A broken boundary or part header (a file name with an unescaped quote, say) is the sender's mistake, not a size.
                return BodyRead.Failed(BodyFault.MalformedForm, $"the multipart form cannot be read: {e.Message}");
            }

            if (form.Files.Count == 0 || form.Files[0].Length == 0)
            {
                // A form without a file may carry the note as typed or pasted text (the Check page's text box).
                return form.TryGetValue("text", out var text)
                    ? BodyRead.Of(new Upload(Encoding.UTF8.GetBytes(text.ToString()), null))
                    : BodyRead.Failed(BodyFault.FormWithoutDocument, "the form has no file and no 'text' field; send the document as the form's file");
            }

            var file = form.Files[0];
            if (file.Length > limit)
            {
                return TooLarge(limit);
            }

            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, cancellation);
            return BodyRead.Of(new Upload(copy.ToArray(), Path.GetFileName(file.FileName)));
        }

        var bytes = await ReadLimitedAsync(request.Body, limit, cancellation);
        return bytes is null ? TooLarge(limit) : BodyRead.Of(new Upload(bytes, null));
    }

    private static BodyRead TooLarge(long limit) => BodyRead.Failed(BodyFault.TooLarge, $"the document is larger than the limit of {limit:N0} bytes");

    /// <summary>
    /// The form reader reports the body's and a value's length limits as invalid data ("Multipart body length limit 2097152
    /// exceeded.", "Form value length limit … exceeded."); its other limits (header length, line length) mean a broken form.
    /// </summary>
    private static bool IsLengthLimit(InvalidDataException e) =>
        e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal)
        || e.Message.StartsWith("Form value length limit", StringComparison.Ordinal);

    public static bool IsText(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && (type.Type.Equals("text", StringComparison.OrdinalIgnoreCase) || request.HasFormContentType);

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
