using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Reports the units in the caller's scope still owe: late ones, and ones whose reminder period has begun.</summary>
public static class ListDueReports
{
    /// <summary>Missing reports of the year of <paramref name="on"/> past their due date, for the units in the caller's scope.</summary>
    internal static async Task<DueReportDto[]> LateAsync(AppDbContext db, ClaimsPrincipal user, DateOnly on, CancellationToken ct)
    {
        var (obligations, units, submitted) = await InputsAsync(db, user, on.Year, ct);
        var byId = units.ToDictionary(u => u.Id);
        return [.. ReportCalendar.Late(obligations.Select(o => o.Rule), units.Select(Reporting), submitted, on)
            .OrderBy(m => m.Period.Due).ThenBy(m => byId[m.UnitId].Code, StringComparer.Ordinal)
            .Select(m => Due(m, byId[m.UnitId], on))];
    }

    internal static async Task<DueReportDto[]> RemindersAsync(AppDbContext db, ClaimsPrincipal user, DateOnly on, CancellationToken ct)
    {
        var (obligations, units, submitted) = await InputsAsync(db, user, on.Year, ct);
        var next = await InputsAsync(db, user, on.Year + 1, ct);
        submitted.UnionWith(next.Submitted);
        var byId = units.Concat(next.Units).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        return [.. ReportCalendar.Reminders(obligations.Select(o => (o.Rule, o.RemindDaysBefore)), byId.Values.Select(Reporting), submitted, on)
            .OrderBy(m => m.Period.Due).ThenBy(m => byId[m.UnitId].Code, StringComparer.Ordinal)
            .Select(m => Due(m, byId[m.UnitId], on))];
    }

    private static ReportingUnit Reporting(OrgUnit u) => new(u.Id, u.ValidFrom, u.ValidTo);

    private static DueReportDto Due(MissingReport m, OrgUnit u, DateOnly on) =>
        new(u.Code, u.Name, m.Period.Kind, m.Period.Year, m.Period.Period, m.Period.Label, m.Period.Due, Math.Max(0, on.DayNumber - m.Period.Due.DayNumber));

    private static async Task<(List<ReportObligation> Obligations, List<OrgUnit> Units, HashSet<(int, ReportKind, int, int)> Submitted)> InputsAsync(
        AppDbContext db, ClaimsPrincipal user, int year, CancellationToken ct)
    {
        var obligations = await db.ReportObligations.AsNoTracking().ToListAsync(ct);
        var units = await ReformAccess.ReportingUnitsAsync(db, user, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
        var ids = units.Select(u => u.Id).ToList();
        var rows = await db.UnitReports.AsNoTracking()
            .Where(r => ids.Contains(r.UnitId) && r.Year == year && r.Status != UnitReportStatus.Returned)
            .Select(r => new { r.UnitId, r.Kind, r.Year, r.Period }).ToListAsync(ct);
        return (obligations, units, rows.Select(r => (r.UnitId, r.Kind, r.Year, r.Period)).ToHashSet());
    }
}
