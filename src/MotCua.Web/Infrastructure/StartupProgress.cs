using System.Diagnostics;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// What a start is doing and how long it took, on the console: the README's first command builds, migrates and seeds before
/// the first page, and an operator restarting a server wants to know when it answers (docs/benchmarks.md, "Start").
/// </summary>
public sealed partial class StartupProgress(ILogger<StartupProgress> logger)
{
    private static readonly DateTime ProcessStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>Seconds since the process started: the runtime's own start and the host's build count too.</summary>
    public static double Elapsed => (DateTime.UtcNow - ProcessStarted).TotalSeconds;

    public async Task<T> StepAsync<T>(string step, Func<Task<T>> run)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await run();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        StepDone(step, seconds);
        return result;
    }

    public Task StepAsync(string step, Func<Task> run) => StepAsync(step, async () => { await run(); return true; });

    public void Ready(IEnumerable<string> urls)
    {
        var seconds = Elapsed;
        var listening = string.Join(", ", urls);
        ReadyAt(seconds, listening);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Start: {Step} took {Seconds:0.0} s")]
    private partial void StepDone(string step, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start: first demo start, loading the demo data once ({HistoryDossiers} invented past dossiers); later starts skip this")]
    public partial void FirstDemoStart(int historyDossiers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start: ready {Seconds:0.0} s after the process started, listening on {Urls}")]
    private partial void ReadyAt(double seconds, string urls);
}
