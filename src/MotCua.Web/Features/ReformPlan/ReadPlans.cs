using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>The read side of plans: the plan list, a plan's tasks with their occurrences, and its targets with live or manual figures.</summary>
public static class ReadPlans
{
    internal static IQueryable<PlanDto> PlanQuery(AppDbContext db, int? id = null) =>
        db.Plans.AsNoTracking().Where(p => id == null || p.Id == id).OrderBy(p => p.PeriodFrom).ThenBy(p => p.Id).Select(p => new PlanDto(
            p.Id, p.Title, p.DecisionNumber, p.IssuingUnit!.Code, p.IssuingUnit.Name, p.ParentPlanId, p.ParentPlan == null ? null : p.ParentPlan.Title,
            p.PeriodFrom, p.PeriodTo, p.Tasks.Count, p.Targets.Count, p.Note));

    internal static async Task<TaskDto[]> LoadTasksAsync(AppDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId)
            .Include(t => t.LeadUnit).Include(t => t.Units).ThenInclude(u => u.Unit).Include(t => t.Occurrences).ThenInclude(o => o.Entries)
            .AsSplitQuery().ToListAsync(ct);
        return [.. tasks.OrderBy(t => t.SortOrder).Select(t => ToDto(t, today))];
    }

    internal static TaskDto ToDto(PlanTask t, DateOnly today) => new(
        t.Id, t.SectionCode, t.SectionTitle, t.Number, t.Text, t.Product, t.Timing, Timing.Parse(t.Timing).Kind, t.LeadText, t.LeadUnit?.Code,
        [.. t.Units.Where(u => u.Role == TaskUnitRole.Lead).Select(u => u.Unit!.Code).Order(StringComparer.Ordinal)],
        t.PartnersText,
        [.. t.Units.Where(u => u.Role == TaskUnitRole.Partner).Select(u => u.Unit!.Code).Order(StringComparer.Ordinal)],
        [.. t.Occurrences.OrderBy(o => o.Year).Select(o => new OccurrenceDto(o.Id, o.Year, o.DueDate, o.Continuous, o.StatusOn(today), o.Entries.Count))]);

    internal static async Task<TargetDto[]> LoadTargetsAsync(AppDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var targets = await db.PlanTargets.AsNoTracking().Include(t => t.Measurements).Where(t => t.PlanId == planId).ToListAsync(ct);
        var live = await LiveTargets.LoadAsync(db, planId, today, ct);
        List<TargetDto> result = [];
        foreach (var t in targets.OrderBy(t => t.Id))
        {
            var latest = t.Measurements.OrderByDescending(m => m.EnteredAt).ThenByDescending(m => m.Id).FirstOrDefault();
            var (current, source) = await live.ValueAsync(t, ct) is { } v
                ? ((decimal?)v, "indicator")
                : latest is not null ? (latest.Value, "manual") : (null, "none");
            var atMost = t.Comparison == TargetComparison.AtMost;
            result.Add(new TargetDto(t.Id, t.Code, t.Text, t.Value, t.Unit, t.Comparison, t.Year, t.BaseYear, t.Scope, t.IndicatorKey, current, source,
                current is { } c ? TargetProgress.Gap(t.Value, c, atMost) : null,
                current is { } c2 ? TargetProgress.Percent(t.Value, c2, atMost) : null,
                source == "manual" ? ListTargetMeasurements.ToDto(planId, latest!) : null, t.Measurements.Count, t.Note));
        }

        return [.. result];
    }
}
