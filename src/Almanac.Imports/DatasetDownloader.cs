using System.Net;
using Almanac.Diagnostics;

namespace Almanac.Imports;

/// <summary>
/// Fetches a dataset file over HTTP into a temporary file, so an import reads a complete copy:
/// a dropped connection fails the download, never half an import.
/// </summary>
public sealed class DatasetDownloader(HttpClient http)
{
    /// <summary>Downloads <paramref name="url"/>; reports bytes read (and the total, when the server says it).</summary>
    /// <returns>The temporary file and the server's last-modified date, if it gave one.</returns>
    public async Task<(string Path, DateTimeOffset? LastModified)> DownloadAsync(Uri url, IProgress<(long Read, long? Total)>? progress, CancellationToken cancellation)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DiagnosticException(DiagnosticMessages.DownloadFailed.At(url.ToString(), DiagnosticLocation.In("download"), $"cannot reach the server: {e.Message}"));
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new DiagnosticException(DiagnosticMessages.DownloadFailed.At(url.ToString(), DiagnosticLocation.In("download"), $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}"));
            }

            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "almanac-download-" + Guid.NewGuid().ToString("N"));
            var total = response.Content.Headers.ContentLength;
            try
            {
                var source = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
                await using (source.ConfigureAwait(false))
                {
                    var target = File.Create(path);
                    await using (target.ConfigureAwait(false))
                    {
                        var buffer = new byte[81920];
                        long read = 0;
                        int n;
                        while ((n = await source.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
                        {
                            await target.WriteAsync(buffer.AsMemory(0, n), cancellation).ConfigureAwait(false);
                            read += n;
                            progress?.Report((read, total));
                        }

                        if (total is { } expected && read != expected)
                        {
                            throw new DiagnosticException(DiagnosticMessages.DownloadFailed.At(url.ToString(), DiagnosticLocation.In("download"), $"the connection ended after {read} of {expected} bytes"));
                        }
                    }
                }
            }
            catch
            {
                File.Delete(path);
                throw;
            }

            return (path, response.Content.Headers.LastModified);
        }
    }
}
