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
        var plans = (await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Title, p.PeriodFrom, p.PeriodTo, Path = p.IssuingUnit!.Path }).ToListAsync(ct))
            .Where(p => unit.Path.StartsWith(p.Path, StringComparison.Ordinal) || p.Path.StartsWith(unit.Path, StringComparison.Ordinal))
            .ToDictionary(p => p.Id);
        var planIds = plans.Keys.ToList();
        var targets = await db.PlanTargets.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && t.IndicatorKey != null).ToListAsync(ct);
        return [.. targets.Select(t =>
        {
            var p = plans[t.PlanId];
            return new IndicatorTarget(t.IndicatorKey!, t.Code, t.Text, t.Year, t.Scope, t.Value, t.Unit, t.Comparison, p.Id, p.Title, p.PeriodFrom, p.PeriodTo, p.Path);
        })];
    }
}
