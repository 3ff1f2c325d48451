using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Surprise inspections of the one-stop desks in the caller's scope, and the count per desk against the plan's target.</summary>
public static class ListInspections
{
    public const string IndicatorKey = "inspectionsPerDesk";

    /// <summary>The plan's target: at least two surprise inspections a year at each one-stop desk (seed, II.2).</summary>
    public const int TargetPerYear = 2;

    /// <summary>One-stop desks: the district desk (kind Desk) and every commune, in force during the year.</summary>
    internal static IQueryable<OrgUnit> Desks(AppDbContext db, string scope, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return db.Units.AsNoTracking().Where(u => u.Path.StartsWith(scope))
            .Where(u => u.Kind == UnitKind.Desk || u.Kind == UnitKind.Commune)
            .Where(u => u.ValidFrom <= to && (u.ValidTo == null || u.ValidTo >= from));
    }

    internal static async Task<DeskCountDto[]> CountsAsync(AppDbContext db, string scope, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var desks = await Desks(db, scope, year).OrderBy(u => u.Code).ToListAsync(ct);
        var ids = desks.Select(d => d.Id).ToList();
        var rows = await db.Inspections.AsNoTracking()
            .Where(i => ids.Contains(i.UnitId) && i.Surprise && i.ScheduledOn >= from && i.ScheduledOn <= to)
            .Select(i => new { i.UnitId, Held = i.HeldOn != null }).ToListAsync(ct);
        return [.. desks.Select(d =>
        {
            var held = rows.Count(r => r.UnitId == d.Id && r.Held);
            return new DeskCountDto(d.Code, d.Name, held, rows.Count(r => r.UnitId == d.Id), TargetPerYear, held >= TargetPerYear);
        })];
    }

    /// <summary>The lowest count of held surprise inspections over the desks under <paramref name="scope"/> in the year; null when there is no desk.</summary>
    internal static async Task<decimal?> MinimumPerDeskAsync(AppDbContext db, string scope, int year, CancellationToken ct)
    {
        var counts = await CountsAsync(db, scope, year, ct);
        return counts.Length == 0 ? null : counts.Min(c => c.Held);
    }

    internal static async Task<InspectionDto[]> ListAsync(AppDbContext db, ClaimsPrincipal user, int year, DateOnly today, CancellationToken ct)
    {
        var scope = ReformAccess.Scope(user);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var list = await db.Inspections.AsNoTracking().Include(i => i.Unit).Include(i => i.FollowUps)
            .Where(i => i.Unit!.Path.StartsWith(scope) && i.ScheduledOn >= from && i.ScheduledOn <= to)
            .ToListAsync(ct);
        return [.. list.OrderBy(i => i.ScheduledOn).ThenBy(i => i.Id).Select(i => new InspectionDto(
            i.Id, i.Unit!.Code, i.Unit.Name, i.ScheduledOn, i.HeldOn, i.Surprise, i.Inspectors, i.Findings,
            [.. i.FollowUps.OrderBy(f => f.Deadline).Select(f => ToDto(f, today))]))];
    }

    internal static FollowUpDto ToDto(InspectionFollowUp f, DateOnly today) => new(f.Id, f.Action, f.Deadline, f.DoneOn, f.DoneOn is null && today > f.Deadline);
}
