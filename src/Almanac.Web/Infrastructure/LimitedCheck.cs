using System.Globalization;
using Almanac.Checking;

namespace Almanac.Web.Infrastructure;

/// <summary>Why a check answered nothing: its time limit passed, or the client went away.</summary>
internal enum CheckStopped
{
    No,
    TimeLimit,
    ClientGone,
}

/// <summary>A check's outcome, or why it stopped first.</summary>
internal sealed record LimitedCheckResult(CheckOutcome? Outcome, CheckStopped Stopped);

/// <summary>
/// One check of a request's note within the site's time limit: the checker observes a token that is
/// cancelled when the limit passes or when the client disconnects, so neither keeps a core busy.
/// </summary>
internal static class LimitedCheck
{
    public static LimitedCheckResult Run(DocumentChecker checker, Upload upload, string name, CheckOptions options, WebSettings settings, CancellationToken requestAborted)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        if (settings.CheckTimeLimit > TimeSpan.Zero)
        {
            limit.CancelAfter(settings.CheckTimeLimit);
        }

        try
        {
            return new LimitedCheckResult(checker.Check(upload.Bytes, name, options, limit.Token), CheckStopped.No);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return new LimitedCheckResult(null, requestAborted.IsCancellationRequested ? CheckStopped.ClientGone : CheckStopped.TimeLimit);
        }
    }

    /// <summary>The note's size as a reader counts it: bytes and lines.</summary>
    public static (int Bytes, int Lines) SizeOf(Upload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var lines = upload.Bytes.AsSpan().Count((byte)'\n') + 1;
        return (upload.Bytes.Length, lines);
    }

    /// <summary>The limit in seconds as configured, without trailing zeros (30, 0.5).</summary>
    public static string Seconds(TimeSpan limit) => limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
