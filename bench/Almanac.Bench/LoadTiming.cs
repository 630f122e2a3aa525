using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Almanac.Bench;

/// <summary>
/// Latency of <c>almanac serve</c> under a constant arrival rate. Requests are sent on a fixed
/// schedule whatever the answers do (open loop), and each latency is measured from the time the
/// request was due, not from when it happened to leave: a stalled server shows as slow answers
/// instead of as fewer requests (no coordinated omission). Each endpoint family is its own phase:
/// a warm-up that is not counted, then a measured run bounded by time and by count.
/// </summary>
internal static class LoadTiming
{
    private const double TargetRate = 500;
    private const double TargetP99Ms = 25;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>What each phase asks for, in turn: filters and orders a client of the API uses.</summary>
    private static readonly (string Name, string[] Paths)[] Phases =
    [
        ("models", [
            "/api/models?sort=price&pageSize=50",
            "/api/models?provider=anthropic",
            "/api/models?openWeights=true&minContext=128K",
            "/api/models?sort=release&releasedAfter=2025-01-01",
        ]),
        ("facts", [
            "/api/facts?entity=anthropic",
            "/api/facts?metric=valuation",
            "/api/facts?entity=openai&metric=revenue-run-rate",
            "/api/facts?entity=openai&entity=anthropic&period=2025",
        ]),
    ];

    public static int Run(Uri baseAddress, double rate, TimeSpan duration, int maxRequests)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 128,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
        })
        {
            BaseAddress = baseAddress,
            Timeout = RequestTimeout,
        };

        // Every path must answer before anything is timed: a typo would otherwise be a page of errors.
        var mixed = Phases.SelectMany(p => p.Paths).ToArray();
        foreach (var path in mixed)
        {
            using var response = client.GetAsync(path).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"bench: GET {path} answered {(int)response.StatusCode}; is the rate limit off and the catalogue imported?");
                return 1;
            }
        }

        var count = (int)Math.Min(maxRequests, Math.Ceiling(rate * duration.TotalSeconds));
        Console.WriteLine($"server: {baseAddress}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load:   {rate:F0} requests/s for {duration.TotalSeconds:F0} s per phase (at most {maxRequests} requests), after {WarmUp.TotalSeconds:F0} s of warm-up; latency from the scheduled send time"));
        Console.WriteLine();
        Console.WriteLine($"{"phase",-8} {"sent",7} {"done",7} {"errors",6} {"req/s",7} {"p50 ms",7} {"p90 ms",7} {"p99 ms",7} {"max ms",7} {"KB/answer",9}");

        var results = new List<PhaseResult>();
        foreach (var (name, paths) in Phases.Append(("mixed", mixed)))
        {
            Drive(client, paths, rate, (int)Math.Ceiling(rate * WarmUp.TotalSeconds));
            var result = Drive(client, paths, rate, count);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-8} {result.Sent,7} {result.Completed,7} {result.Errors,6} {result.Rate,7:F1} {result.Percentile(0.50),7:F2} {result.Percentile(0.90),7:F2} {result.Percentile(0.99),7:F2} {result.Percentile(1),7:F2} {result.KilobytesPerAnswer,9:F1}"));
        }

        foreach (var error in results.SelectMany(r => r.FirstErrors).Distinct().Take(5))
        {
            Console.WriteLine($"error:  {error}");
        }

        var met = rate >= TargetRate && results.All(r =>
            r.Errors == 0 && r.Rate >= 0.98 * rate && r.Percentile(0.99) < TargetP99Ms);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target: p99 under {TargetP99Ms:F0} ms at {TargetRate:F0} requests/s: {(met ? "met" : "NOT met")}"));
        return 0;
    }

    /// <summary>Sends <paramref name="count"/> requests at <paramref name="rate"/> a second, cycling through <paramref name="paths"/>.</summary>
    private static PhaseResult Drive(HttpClient client, string[] paths, double rate, int count)
    {
        var result = new PhaseResult(count);
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var pending = new Task[count];

        // A dedicated thread keeps the schedule; it sleeps rather than spins, so it leaves the
        // cores to the server, and sends whatever fell due while it slept at once.
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var due = start + (long)(i * interval);
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }

                pending[i] = result.Send(client, paths[i % paths.Length], i, due);
            }
        })
        {
            IsBackground = true,
            Name = "load schedule",
        };
        scheduler.Start();
        scheduler.Join();
        Task.WaitAll(pending);
        result.Finish(start);
        return result;
    }

    private sealed class PhaseResult(int count)
    {
        private readonly double[] _latencies = new double[count];
        private readonly bool[] _succeeded = new bool[count];
        private readonly List<string> _firstErrors = [];
        private long _bytes;
        private long _lastCompletion;
        private int _errors;
        private double[] _sorted = [];

        public int Sent => count;

        public int Completed { get; private set; }

        public int Errors => _errors;

        /// <summary>Answers completed per second, from the first scheduled send to the last answer.</summary>
        public double Rate { get; private set; }

        public double KilobytesPerAnswer => Completed == 0 ? 0 : _bytes / 1024.0 / Completed;

        public IReadOnlyList<string> FirstErrors
        {
            get
            {
                lock (_firstErrors)
                {
                    return [.. _firstErrors];
                }
            }
        }

        public async Task Send(HttpClient client, string path, int index, long due)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                long bytes = 0;
                int read;
                while ((read = await body.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                {
                    bytes += read;
                }

                if (!response.IsSuccessStatusCode)
                {
                    Fail($"GET {path} answered {(int)response.StatusCode}");
                    return;
                }

                Interlocked.Add(ref _bytes, bytes);
                Record(index, due);
            }
            catch (Exception ex)
            {
                // Refused, reset, timed out (TaskCanceledException after the client's timeout): all count as errors.
                Fail($"GET {path}: {ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void Record(int index, long due)
        {
            var now = Stopwatch.GetTimestamp();
            _latencies[index] = Stopwatch.GetElapsedTime(due, now).TotalMilliseconds;
            _succeeded[index] = true;
            long last;
            do
            {
                last = Interlocked.Read(ref _lastCompletion);
            }
            while (now > last && Interlocked.CompareExchange(ref _lastCompletion, now, last) != last);
        }

        private void Fail(string message)
        {
            Interlocked.Increment(ref _errors);
            lock (_firstErrors)
            {
                if (_firstErrors.Count < 5)
                {
                    _firstErrors.Add(message);
                }
            }
        }

        public void Finish(long start)
        {
            _sorted = [.. _latencies.Where((_, i) => _succeeded[i]).Order()];
            Completed = _sorted.Length;
            var seconds = Completed == 0 ? 0 : Stopwatch.GetElapsedTime(start, _lastCompletion).TotalSeconds;
            Rate = seconds > 0 ? Completed / seconds : 0;
        }

        /// <summary>The nearest-rank percentile of the completed requests' latency, in milliseconds.</summary>
        public double Percentile(double fraction) =>
            _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(fraction * _sorted.Length) - 1, 0, _sorted.Length - 1)];
    }
}
