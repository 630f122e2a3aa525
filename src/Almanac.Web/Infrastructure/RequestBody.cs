using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Almanac.Web.Infrastructure;

/// <summary>An uploaded document: its bytes and the name it came with.</summary>
internal sealed record Upload(byte[] Bytes, string? FileName);

/// <summary>Reads an uploaded document, a raw body or the first file of a form, without ever holding more than a limit.</summary>
internal static class RequestBody
{
    /// <summary>The upload, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<Upload?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (request.ContentLength > limit)
        {
            return null;
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
            catch (InvalidDataException)
            {
                return null;
            }

            if (form.Files.Count == 0 || form.Files[0].Length == 0)
            {
                // A form without a file may carry the note as typed or pasted text (the Check page's text box).
                return new Upload(form.TryGetValue("text", out var text) ? Encoding.UTF8.GetBytes(text.ToString()) : [], null);
            }

            var file = form.Files[0];
            if (file.Length > limit)
            {
                return null;
            }

            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, cancellation);
            return new Upload(copy.ToArray(), Path.GetFileName(file.FileName));
        }

        var bytes = await ReadLimitedAsync(request.Body, limit, cancellation);
        return bytes is null ? null : new Upload(bytes, null);
    }

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
