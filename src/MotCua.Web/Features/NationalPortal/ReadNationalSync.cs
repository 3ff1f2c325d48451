using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Domain.NationalPortal;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.NationalPortal;

public sealed record NationalSyncCounts(long Synced, long Pending, long Failed, long NotSynced);

public sealed record OldestUnsynced(string Code, DateTime WaitingSince, string State, int Attempts, string? LastError);

/// <summary><c>GET /api/v1/integrations/dvcqg/status</c>: counts by state in the caller's subtree and the oldest dossier waiting.</summary>
public sealed record NationalSyncStatus(
    bool Configured, string State, string StateLabel, string? Endpoint, NationalSyncCounts Counts, OldestUnsynced? OldestUnsynced,
    DateTime? LastRunAt);

public sealed record NationalSyncFailure(
    string Code, string ProcedureName, string Status, string StatusLabel, int NationalStatus, int Attempts,
    DateTime? LastAttemptAt, DateTime NextAttemptAt, string LastError);

/// <summary>Reads of the sync state; staff see the dossiers received in their subtree (ADR 0003).</summary>
public sealed class ReadNationalSync(AppDbContext db, IOptions<DvcqgOptions> options) : INationalSyncView
{
    public const string Synced = "synced";
    public const string Pending = "pending";
    public const string Failed = "failed";
    public const string NotConfigured = "notConfigured";
    public const string NotSynced = "notSynced";

    public static string Label(string state) => state switch
    {
        Synced => "Đã đồng bộ",
        Pending => "Đang chờ đồng bộ",
        Failed => "Đồng bộ lỗi, sẽ thử lại",
        NotConfigured => "Chưa cấu hình kết nối Cổng Dịch vụ công quốc gia",
        NotSynced => "Không đồng bộ (hồ sơ lịch sử nhập từ hệ thống khác)",
        _ => state,
    };

    public async Task<NationalSyncDto> ForAsync(Dossier dossier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var row = await db.NationalSyncs.AsNoTracking().SingleOrDefaultAsync(s => s.DossierId == dossier.Id, ct);
        var state = StateOf(dossier.NationalSynced, row?.LastError, options.Value.IsConfigured);
        var code = NationalStatus.Of(dossier.Status);
        return new NationalSyncDto(state, Label(state), code, NationalStatus.Label(code), row?.Attempts ?? 0,
            row?.LastAttemptAtUtc, row?.LastSyncedAtUtc, state is Pending or Failed ? row?.NextAttemptAtUtc : null, row?.LastError);
    }

    public static string StateOf(bool? synced, string? lastError, bool configured) =>
        synced == true ? Synced : !configured ? NotConfigured : synced is null ? NotSynced : lastError is null ? Pending : Failed;

    public async Task<NationalSyncStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var o = options.Value;
        var scope = user.ScopePath();
        var mine = db.Dossiers.AsNoTracking().Where(d => d.ReceivingUnitPath.StartsWith(scope));
        var byFlag = await mine.GroupBy(d => d.NationalSynced).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var waiting = byFlag.Where(x => x.Key == false).Sum(x => x.Count);
        var failed = await mine.Where(d => d.NationalSynced == false)
            .Join(db.NationalSyncs.Where(s => s.LastError != null), d => d.Id, s => s.DossierId, (d, s) => d.Id).LongCountAsync(ct);
        var oldest = await mine.Where(d => d.NationalSynced == false).OrderBy(d => d.UpdatedAtUtc).ThenBy(d => d.Id)
            .GroupJoin(db.NationalSyncs, d => d.Id, s => s.DossierId, (d, s) => new { d, s })
            .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new { x.d.Code, x.d.UpdatedAtUtc, Attempts = s == null ? 0 : s.Attempts, LastError = s == null ? null : s.LastError })
            .FirstOrDefaultAsync(ct);
        var lastRun = await db.JobLeases.AsNoTracking().Where(j => j.Name == NationalSyncDispatcher.JobName).Select(j => j.LastRunFinishedUtc).FirstOrDefaultAsync(ct);
        var state = o.IsConfigured ? "configured" : NotConfigured;
        return new NationalSyncStatus(
            o.IsConfigured, state, o.IsConfigured ? "Đã cấu hình kết nối Cổng Dịch vụ công quốc gia" : Label(NotConfigured),
            Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : null,
            new NationalSyncCounts(byFlag.Where(x => x.Key == true).Sum(x => x.Count), waiting - failed, failed, byFlag.Where(x => x.Key == null).Sum(x => x.Count)),
            oldest is null ? null : new OldestUnsynced(oldest.Code, oldest.UpdatedAtUtc,
                o.IsConfigured ? (oldest.LastError is null ? Pending : Failed) : NotConfigured, oldest.Attempts, oldest.LastError),
            lastRun);
    }

    /// <summary>Dossiers whose last attempt failed, oldest attempt first (at most 200).</summary>
    public async Task<NationalSyncFailure[]> FailuresAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var rows = await db.NationalSyncs.AsNoTracking().Where(s => s.LastError != null)
            .Join(db.Dossiers.Where(d => d.NationalSynced == false && d.ReceivingUnitPath.StartsWith(scope)), s => s.DossierId, d => d.Id,
                (s, d) => new { d.Code, ProcedureName = d.OwnProcedureName ?? db.Procedures.Where(p => p.Id == d.ProcedureId).Select(p => p.Name).FirstOrDefault(), d.Status, s.Attempts, s.LastAttemptAtUtc, s.NextAttemptAtUtc, s.LastError })
            .OrderBy(x => x.LastAttemptAtUtc).Take(200).ToListAsync(ct);
        return [.. rows.Select(x => new NationalSyncFailure(x.Code, x.ProcedureName ?? "", x.Status.ToString(), x.Status.Label(),
            NationalStatus.Of(x.Status), x.Attempts, x.LastAttemptAtUtc, x.NextAttemptAtUtc, x.LastError!))];
    }
}
