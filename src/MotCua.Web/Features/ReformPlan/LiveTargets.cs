using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Indicators;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>
/// The current value of each target a live indicator measures, in the target's own unit, over the plan's unit subtree
/// for the plan year in progress (the last plan year once the plan has ended).
/// </summary>
public sealed class LiveTargets
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, double?>> _byScope;
    private readonly PostalBase _base;
    private readonly decimal? _inspections;

    private LiveTargets(Dictionary<string, IReadOnlyDictionary<string, double?>> byScope, PostalBase basis, decimal? inspections, int year)
    {
        _byScope = byScope;
        _base = basis;
        _inspections = inspections;
        Year = year;
    }

    /// <summary>The year measured: this year while the plan runs, its last year after, its first before.</summary>
    public int Year { get; }

    public static async Task<LiveTargets> LoadAsync(AppDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.IssuingUnit!.Path, p.PeriodFrom, p.PeriodTo }).SingleAsync(ct);
        var year = Math.Clamp(today.Year, plan.PeriodFrom, plan.PeriodTo);
        var from = new DateOnly(year, 1, 1);
        var to = year == today.Year ? today : new DateOnly(year, 12, 31);
        var inspections = await ListInspections.MinimumPerDeskAsync(db, plan.Path, year, ct);
        if (to < from)
        {
            return new([], new(db, plan.Path, from, to), inspections, year);
        }

        // Targets printed per level ("cấp huyện", "cấp xã") are measured over that level's units only.
        var communes = (await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(plan.Path) && u.Kind == UnitKind.Commune)
            .Select(u => u.Path).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var byLevel = await IndicatorQueries.CountsAsync(db, plan.Path, from, to, a => communes.Contains(a.UnitPath) ? "commune" : "district", byProcedure: false, ct);
        var all = await IndicatorQueries.TotalAsync(db, plan.Path, from, to, ct);
        var procedures = await IndicatorService.LoadProcedureFactsAsync(db, plan.Path, to, ct);
        var byScope = new Dictionary<string, IReadOnlyDictionary<string, double?>>(StringComparer.Ordinal)
        {
            [""] = IndicatorSet.From(all, null, procedures).ByKey(),
        };
        foreach (var (level, counts) in byLevel)
        {
            byScope[level] = IndicatorSet.From(counts).ByKey();
        }

        return new(byScope, new(db, plan.Path, from, to), inspections, year);
    }

    public async Task<decimal?> ValueAsync(PlanTarget target, CancellationToken ct)
    {
        switch (target.IndicatorKey)
        {
            case null:
                return null;
            case ListInspections.IndicatorKey:
                return _inspections;
            case "postalGrowth":
                return target.BaseYear is { } baseYear ? await _base.AverageYearlyPostalGrowthAsync(baseYear, ct) : null;
        }

        if (_byScope.GetValueOrDefault(target.Scope ?? "")?.GetValueOrDefault(target.IndicatorKey) is not { } fraction)
        {
            return null;
        }

        return target.Unit.StartsWith('%') ? Math.Round((decimal)fraction * 100, 2) : (decimal)fraction;
    }

    /// <summary>Postal counts of the same period in another year, read only when a target asks for them.</summary>
    private sealed class PostalBase(AppDbContext db, string path, DateOnly from, DateOnly to)
    {
        public async Task<decimal?> AverageYearlyPostalGrowthAsync(int baseYear, CancellationToken ct)
        {
            var years = from.Year - baseYear;
            if (years <= 0 || to < from)
            {
                return null;
            }

            var now = (await IndicatorQueries.TotalAsync(db, path, from, to, ct)).ReceivedPostal;
            var then = (await IndicatorQueries.TotalAsync(db, path, from.AddYears(-years), to.AddYears(-years), ct)).ReceivedPostal;
            return TargetProgress.AverageYearlyGrowthPercent(then, now, years);
        }
    }
}
