using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Operations;

/// <summary>One pass of a scheduled job, whichever instance ran it.</summary>
public sealed class ScheduledRun
{
    public long Id { get; set; }
    public required string Job { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime FinishedAtUtc { get; set; }
    public int Processed { get; set; }
    public string? Error { get; set; }
    public required string Instance { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<ScheduledRun>(e =>
    {
        e.ToTable("ScheduledRuns");
        e.Property(x => x.Job).HasMaxLength(64);
        e.Property(x => x.Error).HasMaxLength(1000);
        e.Property(x => x.Instance).HasMaxLength(100);
        e.HasIndex(x => new { x.Job, x.StartedAtUtc });
    });
}

/// <summary>A job that runs on a schedule: its name and the longest gap between runs that is still normal.</summary>
public sealed record ScheduledJob(string Name, string Title, TimeSpan Interval, bool Enabled)
{
    /// <summary>Three intervals plus a minute: a slow pass or a restart is not an alarm, a stopped scheduler is.</summary>
    public TimeSpan Tolerance => Interval * 3 + TimeSpan.FromMinutes(1);
}

public sealed record JobStatus(string Name, string Title, bool Enabled, TimeSpan Interval, DateTime? LastRunUtc, string? LastError, int RunsLastDay, bool Missed);

/// <summary>Records each scheduled run and tells which jobs missed theirs.</summary>
public sealed class ScheduledJobs(IEnumerable<ScheduledJob> jobs, TimeProvider time, IServiceScopeFactory scopes)
{
    /// <summary>Runs are kept a week; enough to see a pattern, small enough for a pass every few seconds.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public IReadOnlyList<ScheduledJob> Jobs { get; } = [.. jobs];

    /// <summary>
    /// Runs one pass of <paramref name="job"/> and records it, also when it failed: the one way every scheduled job reports.
    /// <paramref name="processed"/> gives the count to record, or null for a pass that did not run (another instance held
    /// the lease: that instance records it). A pass cut by shutdown is not recorded.
    /// </summary>
    public async Task<T> RunAsync<T>(string job, string instance, Func<CancellationToken, Task<T>> pass, Func<T, int?> processed, CancellationToken ct)
    {
        var started = time.GetUtcNow().UtcDateTime;
        int? count = null;
        string? error = null;
        try
        {
            var result = await pass(ct);
            count = processed(result);
            return result;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            error = ex.GetType().Name;
            throw;
        }
        finally
        {
            if (!ct.IsCancellationRequested && (count is not null || error is not null))
            {
                using var scope = scopes.CreateScope();
                await RecordAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), job, instance, started, count ?? 0, error, CancellationToken.None);
            }
        }
    }

    public async Task RecordAsync(AppDbContext db, string job, string instance, DateTime startedUtc, int processed, string? error, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.ScheduledRuns.Add(new ScheduledRun
        {
            Job = job,
            Instance = instance,
            StartedAtUtc = startedUtc,
            FinishedAtUtc = now,
            Processed = processed,
            Error = error is { Length: > 1000 } ? error[..1000] : error,
        });
        await db.SaveChangesAsync(ct);
        var cutoff = now - Retention;
        await db.ScheduledRuns.Where(r => r.Job == job && r.StartedAtUtc < cutoff).ExecuteDeleteAsync(ct);
    }

    public async Task<JobStatus[]> StatusAsync(AppDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        var result = new List<JobStatus>();
        foreach (var job in Jobs)
        {
            var last = await db.ScheduledRuns.AsNoTracking().Where(r => r.Job == job.Name)
                .OrderByDescending(r => r.StartedAtUtc).FirstOrDefaultAsync(ct);
            var count = await db.ScheduledRuns.CountAsync(r => r.Job == job.Name && r.StartedAtUtc >= dayAgo, ct);
            // A job that never ran is missed once the app has been up longer than the tolerance.
            var reference = last?.FinishedAtUtc ?? Started;
            var missed = job.Enabled && now - reference > job.Tolerance;
            result.Add(new JobStatus(job.Name, job.Title, job.Enabled, job.Interval, last?.StartedAtUtc, last?.Error, count, missed));
        }

        return [.. result];
    }

    private DateTime Started { get; } = time.GetUtcNow().UtcDateTime;
}
