using System.Diagnostics;
using System.Globalization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Alarms;

/// <summary>Benchmarks (issue 25.3): the alarm scan is a background pass, not a request, so it is timed in process.</summary>
public static class AlarmCommands
{
    public const string Usage = "measure-alarm-scan [--runs N]  time N passes of the alarm scan (the first, which raises, reported apart)";

    public static async Task<int> MeasureAsync(WebApplication app, string[] args)
    {
        var runs = int.TryParse(AdminCommands.Options(args).GetValueOrDefault("runs"), CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 20;
        await DatabaseSetup.MigrateAsync(app.Services);
        var scanner = app.Services.GetRequiredService<AlarmScanner>();
        var times = new List<double>();
        var read = new List<int>();
        for (var i = 0; i <= runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await scanner.RunOnceAsync(CancellationToken.None);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first pass: {ms:F1} ms (ran {result.Ran}, raised {result.Raised}, escalated {result.Escalated}, resolved {result.Resolved}, deferred to later passes {result.Deferred}, dossiers read {result.DossiersRead}{(result.Full ? ", full" : "")})"));
                continue;
            }

            times.Add(ms);
            read.Add(result.DossiersRead);
        }

        times.Sort();
        double P(double p) => times[Math.Clamp((int)Math.Ceiling(p / 100 * times.Count) - 1, 0, times.Count - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alarm scan, {runs} further passes: p50 {P(50):F1} ms, p95 {P(95):F1} ms, p99 {P(99):F1} ms, max {times[^1]:F1} ms; dossiers read per pass {read.Min()}–{read.Max()}"));
        return 0;
    }
}
