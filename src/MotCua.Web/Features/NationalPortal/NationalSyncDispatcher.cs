using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>
/// Syncs the dossiers waiting for it (<see cref="Dossiers.Dossier.NationalSynced"/> false) to the national portal, under a
/// lease per dossier as the notification outbox does (ADR 0008): an expired lease of a crashed instance is claimed again.
/// Each attempt sends the dossier's current state (DongBoHoSoMC: an add, or an update once the portal holds it; "already
/// exists" turns an add into an update), then the history events the portal has not confirmed (CapNhatTienDoHoSoMC), and
/// marks the dossier synced only if it did not change meanwhile. What the portal confirmed is recorded at once, so a crash
/// repeats at most the last request, which the portal takes as the same dossier or step again: exactly once in effect.
/// A failed attempt keeps the portal's answer on the dossier's row and retries after a doubling backoff, indefinitely.
/// </summary>
public sealed partial class NationalSyncDispatcher(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<DvcqgOptions> options, ILogger<NationalSyncDispatcher> log, string ownerId)
{
    public const string JobName = "dvcqg-sync";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromDays(1);

    public string OwnerId { get; } = ownerId;

    /// <summary>Test seam: runs after the portal confirmed the dossier body and before anything else, so a test can "crash" there.</summary>
    internal Func<string, Task>? AfterDossierConfirmed { get; set; }

    /// <summary>One claim-sync-release pass; returns how many dossiers it claimed (0 when the portal is not configured).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return 0;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await (
                from d in db.Dossiers
                where d.NationalSynced == false
                join s in db.NationalSyncs on d.Id equals s.DossierId into rows
                from s in rows.DefaultIfEmpty()
                where s == null || (s.NextAttemptAtUtc <= now && (s.LeaseUntilUtc == null || s.LeaseUntilUtc < now))
                orderby d.UpdatedAtUtc, d.Id
                select new { d.Id, d.Code, HasRow = s != null })
            .Take(o.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        foreach (var c in candidates.Where(c => !c.HasRow))
        {
            db.NationalSyncs.Add(new NationalSync { DossierId = c.Id, DossierCode = c.Code, NextAttemptAtUtc = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another instance created it first; the claim below decides who syncs.
            }

            db.ChangeTracker.Clear();
        }

        var ids = candidates.Select(c => c.Id).ToList();
        var leaseUntil = now.AddSeconds(o.LeaseSeconds);
        // The due condition is repeated in the UPDATE: whoever updates a row first owns it.
        await db.NationalSyncs
            .Where(s => ids.Contains(s.DossierId) && s.NextAttemptAtUtc <= now && (s.LeaseUntilUtc == null || s.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, OwnerId).SetProperty(x => x.LeaseUntilUtc, leaseUntil), ct);
        var claimed = await db.NationalSyncs.AsNoTracking()
            .Where(s => ids.Contains(s.DossierId) && s.LeaseOwner == OwnerId && s.LeaseUntilUtc > now)
            .OrderBy(s => s.DossierId).ToListAsync(ct);
        foreach (var row in claimed)
        {
            await SyncAsync(row, ct);
        }

        return claimed.Count;
    }

    /// <summary>One scheduled pass: dispatch until a batch is not full, then record the run.</summary>
    public async Task<int> RunScheduledPassAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Operations.ScheduledJobs>().RunAsync(JobName, OwnerId, async c =>
        {
            int claimed, total = 0;
            do
            {
                claimed = await DispatchOnceAsync(c);
                total += claimed;
            }
            while (claimed >= options.Value.BatchSize);
            return total;
        }, total => total, ct);
    }

    /// <summary>Delay before attempt n+1 after n failures: base, 2×base, 4×base … capped at one day.</summary>
    public static TimeSpan Backoff(int failures, DvcqgOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var seconds = o.BackoffSeconds * Math.Pow(2, Math.Max(0, failures - 1));
        return seconds >= MaxBackoff.TotalSeconds ? MaxBackoff : TimeSpan.FromSeconds(seconds);
    }

    private async Task SyncAsync(NationalSync row, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = scope.ServiceProvider.GetRequiredService<DvcqgClient>();
        var links = scope.ServiceProvider.GetRequiredService<SignedFileLinks>();
        var mine = db.NationalSyncs.Where(s => s.DossierId == row.DossierId && s.LeaseOwner == OwnerId);

        var d = await db.Dossiers.Include(x => x.DocumentRows).Include(x => x.CurrentUnit).SingleOrDefaultAsync(x => x.Id == row.DossierId, ct);
        if (d is null || d.NationalSynced != false)
        {
            // Synced by another instance meanwhile, or no longer to sync.
            await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
            return;
        }

        string? error = null;
        var confirmed = false;
        try
        {
            var source = await SourceAsync(db, d, links, ct);
            var added = row.AddedAtPortal;
            var reply = await client.PostAsync(Dvcqg.SyncDossier, added ? "True" : "False", [NationalPayloads.Dossier(source)], ct);
            if (!added && reply.ErrorCode is Dvcqg.AlreadyExists or "3")
            {
                // Added by an attempt that ended before its answer was recorded (or by another system): update it.
                reply = await client.PostAsync(Dvcqg.SyncDossier, "True", [NationalPayloads.Dossier(source)], ct);
            }
            else if (added && reply.ErrorCode == Dvcqg.NotFound)
            {
                // The portal no longer holds it: add it again.
                reply = await client.PostAsync(Dvcqg.SyncDossier, "False", [NationalPayloads.Dossier(source)], ct);
            }

            Expect(reply, Dvcqg.SyncDossier);
            if (!added)
            {
                await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.AddedAtPortal, true), CancellationToken.None);
            }

            if (AfterDossierConfirmed is { } seam)
            {
                await seam(d.Code);
            }

            var progress = NationalPayloads.Progress(source, row.ProgressSentThrough);
            if (progress.Count > 0)
            {
                reply = await client.PostAsync(Dvcqg.SyncProgress, null, progress.Select(p => p.Item).ToList(), ct);
                Expect(reply, Dvcqg.SyncProgress);
                var through = progress.Max(p => p.Sequence);
                await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.ProgressSentThrough, through), CancellationToken.None);
            }

            // Only the version just sent: the concurrency tokens (Version, NationalSynced) refuse it if the dossier changed meanwhile.
            d.NationalSynced = true;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                confirmed = true;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed while we sent it: it stays waiting and the next pass sends the new state.
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or NationalSyncRefusedException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            error = Mask(ex is NationalSyncRefusedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", d);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            var version = d.Version;
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Attempts, 0).SetProperty(x => x.LastError, (string?)null).SetProperty(x => x.LastAttemptAtUtc, now)
                .SetProperty(x => x.LastSyncedAtUtc, x => confirmed ? now : x.LastSyncedAtUtc)
                .SetProperty(x => x.SyncedVersion, x => confirmed ? version : x.SyncedVersion)
                .SetProperty(x => x.NextAttemptAtUtc, now)
                .SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
            LogSynced(d.Code, confirmed);
            return;
        }

        var attempts = row.Attempts + 1;
        var next = now + Backoff(attempts, options.Value);
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, error).SetProperty(x => x.LastAttemptAtUtc, now)
            .SetProperty(x => x.NextAttemptAtUtc, next)
            .SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
        LogFailed(d.Code, attempts, next);
    }

    private async Task<NationalSource> SourceAsync(AppDbContext db, Dossiers.Dossier d, SignedFileLinks links, CancellationToken ct)
    {
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var codes = events.SelectMany(e => new[] { e.UnitCode, e.ToUnitCode }).OfType<string>().Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        var field = await db.Procedures.AsNoTracking().Where(p => p.Id == d.ProcedureId).Select(p => p.Field).SingleOrDefaultAsync(ct);
        var actors = events.Select(e => e.ActorId).Distinct().ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(r => actors.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var o = options.Value;
        var origin = (string.IsNullOrWhiteSpace(o.PublicBaseUrl) ? Notifications.PublicLinks.BaseUrl : o.PublicBaseUrl).TrimEnd('/');
        var lifetime = TimeSpan.FromDays(Math.Max(1, o.LinkDays));
        return new NationalSource(
            d, events,
            units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal),
            d.CurrentUnit?.Name ?? "",
            field,
            roles.Select(r => (r.UserId, Role: ActorRoles.FromAccountRole(r.Name))).Where(r => r.Role is not null)
                .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Role!.Value, StringComparer.Ordinal),
            // Without a public address the portal could not download anything: no link rather than a relative one.
            id => origin.Length == 0 ? null : origin + links.For(id, lifetime));
    }

    private static void Expect(DvcqgReply reply, string service)
    {
        if (reply.ErrorCode != Dvcqg.Ok)
        {
            throw new NationalSyncRefusedException($"{service}: error_code {reply.ErrorCode}" + (string.IsNullOrWhiteSpace(reply.Message) ? "" : $" — {reply.Message}"));
        }
    }

    /// <summary>The portal may quote what it refused: the owner's ID and name never stay in the stored error.</summary>
    private static string Mask(string error, Dossiers.Dossier d)
    {
        foreach (var (value, masked) in new[]
        {
            (d.Applicant.IdNumber, Masking.IdNumber(d.Applicant.IdNumber)),
            (d.Applicant.TaxCode, Masking.IdNumber(d.Applicant.TaxCode)),
            (d.Applicant.FullName, Masking.Name(d.Applicant.FullName)),
        })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                error = error.Replace(value, masked, StringComparison.OrdinalIgnoreCase);
            }
        }

        return error.Length > 1000 ? error[..1000] : error;
    }

    [LoggerMessage(LogLevel.Information, "Dossier {Code} synced to the national portal (confirmed: {Confirmed})")]
    private partial void LogSynced(string code, bool confirmed);

    [LoggerMessage(LogLevel.Warning, "Dossier {Code}: national portal sync failed, attempt {Attempts}, next at {Next:o}")]
    private partial void LogFailed(string code, int attempts, DateTime next);
}

/// <summary>The portal answered with an error code other than success.</summary>
public sealed class NationalSyncRefusedException(string message) : Exception(message);
