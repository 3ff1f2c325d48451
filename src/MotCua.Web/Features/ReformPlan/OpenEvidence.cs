using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Opens a stored reform file for download once the caller may read it (ADR 0007, ADR 0015).</summary>
public static class OpenEvidence
{
    public abstract record Outcome;

    public sealed record Found(Stream Stream, string ContentType, string FileName) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    /// <summary>Outside the caller's scope the answer is the same not-found as for an unknown hash, so a hash cannot be probed.</summary>
    internal static async Task<Outcome> ByHashAsync(AppDbContext db, IFileStore files, ClaimsPrincipal user, string sha, string? name, CancellationToken ct)
    {
        var meta = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Sha256 == sha, ct);
        if (meta is null || !await EvidenceAccess.CanReadAsync(db, user, sha, ct) || files.Open(sha) is not { } stream)
        {
            return new NotFound();
        }

        return new Found(stream, meta.ContentType, string.IsNullOrWhiteSpace(name) ? sha : name);
    }

    /// <summary>The evidence of one manual target figure, for staff in the plan's scope (<see cref="EvidenceAccess.InPlanScope"/>).</summary>
    internal static async Task<Outcome> OfMeasurementAsync(
        AppDbContext db, IFileStore files, ClaimsPrincipal user, int planId, int targetId, int measurementId, CancellationToken ct)
    {
        var row = await (from m in db.Set<TargetMeasurement>()
                         join x in db.PlanTargets on m.TargetId equals x.Id
                         join p in db.Plans on x.PlanId equals p.Id
                         where m.Id == measurementId && x.Id == targetId && p.Id == planId
                         select new { m.EvidenceSha256, m.EvidenceName, p.IssuingUnit!.Path }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return new NotFound();
        }

        if (!EvidenceAccess.InPlanScope(user, row.Path))
        {
            return new Forbidden();
        }

        var meta = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Sha256 == row.EvidenceSha256, ct);
        return meta is null || files.Open(row.EvidenceSha256) is not { } stream
            ? new NotFound()
            : new Found(stream, meta.ContentType, row.EvidenceName);
    }
}
