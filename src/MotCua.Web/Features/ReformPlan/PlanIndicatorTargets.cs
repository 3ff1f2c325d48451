using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>The plan targets that the indicator dashboard compares its figures with.</summary>
public sealed class PlanIndicatorTargets(AppDbContext db) : IIndicatorTargets
{
    public async Task<IReadOnlyList<IndicatorTarget>> ForUnitAsync(OrgUnit unit, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Select(p => new { p.Id, Path = p.IssuingUnit!.Path }).ToListAsync(ct);
        var planIds = plans.Where(p => unit.Path.StartsWith(p.Path, StringComparison.Ordinal) || p.Path.StartsWith(unit.Path, StringComparison.Ordinal))
            .Select(p => p.Id).ToList();
        return await db.PlanTargets.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && t.IndicatorKey != null)
            .Select(t => new IndicatorTarget(t.IndicatorKey!, t.Code, t.Text, t.Year, t.Scope, t.Value, t.Unit, t.Comparison))
            .ToListAsync(ct);
    }
}
