using System.Collections.Concurrent;
using System.Diagnostics;

namespace MotCua.LoadTest;

/// <summary>One scenario's figures; RSS and CPU are the server's (or this process's, for the in-process reference).</summary>
internal sealed record Result(
    string Name, int Clients, double Seconds, long Ok, long Errors, double PerSecond, double P50Ms, double P99Ms, double MaxMs,
    long PeakRssMb, double CpuPercent, string? Note = null, double? JitPercent = null);

/// <summary>
/// Closed loop: each of N workers sends its next request when the previous one is answered. Requests after the warm-up
/// and before the end are measured; one that is in flight at the end still counts, as wrk does.
/// </summary>
internal static class ClosedLoop
{
    public sealed record Outcome(long Ok, long Errors, double Seconds, long[] LatencyTicks, string[] ErrorSamples);

    /// <summary>What a request returns when there is nothing left to send (a one-pass scenario): its worker stops.</summary>
    public const string Exhausted = "";

    /// <summary>
    /// request(worker, iteration, ct) returns null when answered as expected, <see cref="Exhausted"/>, or a short error text;
    /// <paramref name="measuring"/> is called when the warm-up ends.
    /// </summary>
    public static async Task<Outcome> RunAsync(
        int workers, TimeSpan warmup, TimeSpan duration, Func<int, long, CancellationToken, Task<string?>> request, Action? measuring = null)
    {
        var errors = new ConcurrentQueue<string>();
        using var cts = new CancellationTokenSource(warmup + duration + TimeSpan.FromSeconds(120));
        // Every worker's first request (JIT, pools, caches) is answered before the clock starts, however slow it is.
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            try
            {
                await request(w, -1, cts.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
            {
            }
        })));
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var warmedUp = Task.Run(async () =>
        {
            await Task.Delay(warmup);
            measuring?.Invoke();
        });
        var perWorker = new List<long>[workers];
        var ok = new long[workers];
        var bad = new long[workers];
        var ranOut = false;
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var latencies = perWorker[w] = new List<long>(4096);
            for (long i = 0; ; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= measureTo)
                {
                    break;
                }

                string? error;
                try
                {
                    error = await request(w, i, cts.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                }

                if (ReferenceEquals(error, Exhausted))
                {
                    ranOut = true;
                    break;
                }

                if (t0 < measureFrom)
                {
                    continue;
                }

                if (error is null)
                {
                    ok[w]++;
                    latencies.Add(Stopwatch.GetTimestamp() - t0);
                }
                else
                {
                    bad[w]++;
                    if (errors.Count < 5)
                    {
                        errors.Enqueue(error);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        await warmedUp;
        // A one-pass scenario that ran out early is measured up to its last answer, not to the planned end.
        var end = ranOut ? Stopwatch.GetTimestamp() : Math.Max(Stopwatch.GetTimestamp(), measureTo);
        var all = perWorker.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new(ok.Sum(), bad.Sum(), (double)(end - measureFrom) / Stopwatch.Frequency, all, [.. errors]);
    }

    public static double PercentileMs(long[] sortedTicks, double p) =>
        sortedTicks.Length == 0 ? 0 : sortedTicks[Math.Min(sortedTicks.Length - 1, (int)Math.Ceiling(p * sortedTicks.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
