using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Infrastructure;

/// <summary>One row per background job: who runs it now (lease) and when its last pass ended, so that passes survive restarts.</summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Owner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public DateTime? LastRunStartedUtc { get; set; }
    public DateTime? LastRunFinishedUtc { get; set; }
    public int Runs { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<JobLease>(e =>
    {
        e.ToTable("JobLeases");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Owner).HasMaxLength(100);
    });

    /// <summary>Takes the job's lease when it is free or expired; the condition sits in the UPDATE, so one instance wins.</summary>
    public static async Task<bool> TryClaimAsync(AppDbContext db, string job, string owner, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        if (!await db.JobLeases.AnyAsync(j => j.Name == job, ct))
        {
            db.JobLeases.Add(new JobLease { Name = job });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another instance created the row first; the UPDATE below decides who runs.
            }

            db.ChangeTracker.Clear();
        }

        var until = now.Add(lease);
        var claimed = await db.JobLeases.Where(j => j.Name == job && (j.LeaseUntilUtc == null || j.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Owner, owner).SetProperty(j => j.LeaseUntilUtc, until).SetProperty(j => j.LastRunStartedUtc, now), ct);
        return claimed == 1;
    }

    /// <summary>Gives the lease back; a finished pass is counted, a failed one (null) only frees the lease for the next pass.</summary>
    public static Task ReleaseAsync(AppDbContext db, string job, string owner, DateTime? finishedAt) =>
        finishedAt is { } at
            ? db.JobLeases.Where(j => j.Name == job && j.Owner == owner).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LastRunFinishedUtc, at).SetProperty(j => j.Runs, j => j.Runs + 1)
                .SetProperty(j => j.Owner, (string?)null).SetProperty(j => j.LeaseUntilUtc, (DateTime?)null), CancellationToken.None)
            : db.JobLeases.Where(j => j.Name == job && j.Owner == owner).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Owner, (string?)null).SetProperty(j => j.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
}
