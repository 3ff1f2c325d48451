using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>
/// Who may download a content-addressed reform file: a hash alone is no permission. Staff whose scope covers a plan whose
/// measurement or occurrence cites the file (the rule of <see cref="InPlanScope"/>), or whose reform scope
/// covers the unit that attached it (an occurrence entry, a periodic report, a self-assessment).
/// </summary>
public static class EvidenceAccess
{
    /// <summary>Staff whose scope covers the plan's issuing unit, or who work inside it.</summary>
    internal static bool InPlanScope(ClaimsPrincipal user, string issuerPath) =>
        issuerPath.StartsWith(ReformAccess.Scope(user), StringComparison.Ordinal)
        || (user.UnitPath() is { } own && own.StartsWith(issuerPath, StringComparison.Ordinal));

    public static async Task<bool> CanReadAsync(AppDbContext db, ClaimsPrincipal user, string sha, CancellationToken ct)
    {
        var planIssuers = await db.Set<TargetMeasurement>().Where(m => m.EvidenceSha256 == sha)
            .Join(db.PlanTargets, m => m.TargetId, x => x.Id, (m, x) => x.PlanId)
            .Concat(db.OccurrenceEntries.Where(e => e.FileSha256 == sha)
                .Join(db.PlanTaskOccurrences, e => e.OccurrenceId, o => o.Id, (e, o) => o.TaskId)
                .Join(db.PlanTasks, taskId => taskId, t => t.Id, (taskId, t) => t.PlanId))
            .Join(db.Plans, planId => planId, p => p.Id, (planId, p) => p.IssuingUnit!.Path)
            .Distinct().ToListAsync(ct);
        if (planIssuers.Exists(path => InPlanScope(user, path)))
        {
            return true;
        }

        var scope = ReformAccess.Scope(user);
        return await db.OccurrenceEntries.Where(e => e.FileSha256 == sha).Select(e => e.Unit!.Path)
            .Concat(db.UnitReports.Where(r => r.Files.Any(f => f.Sha256 == sha)).Select(r => r.Unit!.Path))
            .Concat(db.Assessments.Where(a => a.EvidenceSha256 == sha).Select(a => a.Unit!.Path))
            .AnyAsync(path => path.StartsWith(scope), ct);
    }
}
