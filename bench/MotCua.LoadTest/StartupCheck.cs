using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace MotCua.LoadTest;

/// <summary>
/// Issue 25 item 4: how soon a published app answers after its process starts, on an existing database, against a bare ASP.NET
/// Core app started the same way in the same run (the floor on this machine); then the first start on an empty database.
/// </summary>
internal static class StartupCheck
{
    public static async Task<int> RunAsync(Options o, string folder, Dictionary<string, string> settings,
        Func<Task<(Dictionary<string, string> Settings, string Connection, Func<Task> Drop)>> emptyDatabase, CancellationToken ct)
    {
        var precompiled = o.AppDll ?? await AppServer.PublishAsync(o.Repo, ct);
        var jit = await AppServer.PublishAsync(o.Repo, ct, readyToRun: false);
        var bare = typeof(StartupCheck).Assembly.Location;
        await AppServer.RunCommandAsync(precompiled, settings, ["seed-demo"], ct);
        var builds = new (string Name, string[] Args, IReadOnlyDictionary<string, string> Settings)[]
        {
            ("bare ASP.NET Core app (reference)", [bare, "--bare-server"], new Dictionary<string, string>()),
            ("MotCua, JIT only", [jit], settings),
            ("MotCua, precompiled (ReadyToRun, the default publish)", [precompiled], settings),
        };
        var times = builds.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < o.StartupRuns; run++)
        {
            for (var b = 0; b < builds.Length; b++)
            {
                var seconds = await TimeToFirstAnswerAsync(builds[b].Args, builds[b].Settings, Path.Combine(folder, $"start-{b}-{run}.log"), ct);
                times[b].Add(seconds);
                Console.WriteLine($"{builds[b].Name}: {seconds:0.000} s");
            }
        }

        // The README's first command on a fresh clone: migrations and the demo data (2,000 invented dossiers) before the first answer.
        var (firstSettings, _, drop) = await emptyDatabase();
        double first;
        try
        {
            first = await TimeToFirstAnswerAsync([precompiled], new Dictionary<string, string>(firstSettings) { ["Demo:HistoryDossiers"] = "2000" },
                Path.Combine(folder, "start-first.log"), ct);
        }
        finally
        {
            await drop();
        }

        var reference = Median(times[0]);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Start to first answer of /health, {o.StartupRuns} starts each, alternating, {o.Database}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine("| build | median s | min s | max s | median / reference |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        for (var b = 0; b < builds.Length; b++)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {builds[b].Name} | {Median(times[b]):0.00} | {times[b].Min():0.00} | {times[b].Max():0.00} | {Median(times[b]) / reference:0.0} |");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"| first start, empty database, demo data with 2,000 dossiers (precompiled) | {first:0.00} | | | {first / reference:0.0} |");
        Console.WriteLine();
        Console.WriteLine(sb);
        await File.WriteAllTextAsync(o.Output ?? Path.Combine(folder, "startup.md"), sb.ToString(), ct);
        return 0;
    }

    /// <summary>The reference: the same host builder with one endpoint, no database, nothing else.</summary>
    public static async Task<int> BareServerAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", () => "Healthy");
        await app.RunAsync();
        return 0;
    }

    private static async Task<double> TimeToFirstAnswerAsync(string[] args, IReadOnlyDictionary<string, string> settings, string logFile, CancellationToken ct)
    {
        var port = AppServer.FreePort();
        var psi = new ProcessStartInfo("dotnet", [.. args, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(args[0])!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        AppServer.Configure(psi, settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(300))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"'{string.Join(' ', args)}' exited with code {process.ExitCode} while starting:\n{output}");
                }

                try
                {
                    using var r = await http.GetAsync(new Uri("/health", UriKind.Relative), ct);
                    if (r.IsSuccessStatusCode)
                    {
                        return clock.Elapsed.TotalSeconds;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(10, ct);
            }

            throw new TimeoutException($"'{string.Join(' ', args)}' did not answer /health within 300 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await File.WriteAllTextAsync(logFile, output.ToString(), CancellationToken.None);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
