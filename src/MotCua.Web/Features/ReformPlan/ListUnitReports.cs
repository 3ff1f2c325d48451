using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>The reporting obligations, and the reports submitted by the units in the caller's scope with their period and lateness.</summary>
public static class ListUnitReports
{
    internal static Task<ObligationDto[]> ObligationsAsync(AppDbContext db, CancellationToken ct) =>
        db.ReportObligations.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new ObligationDto(o.Kind, o.Name, o.DueDay, o.DueMonthOffset, o.RemindDaysBefore, o.DemoRule, o.Note)).ToArrayAsync(ct);

    internal static async Task<UnitReportDto[]> ListAsync(AppDbContext db, ClaimsPrincipal user, int? year, string? unitCode, CancellationToken ct)
    {
        var scope = ReformAccess.Scope(user);
        var rules = (await db.ReportObligations.AsNoTracking().ToListAsync(ct)).ToDictionary(o => o.Kind, o => o.Rule);
        var q = db.UnitReports.AsNoTracking().Include(r => r.Unit).Include(r => r.Files).Where(r => r.Unit!.Path.StartsWith(scope));
        if (year is not null)
        {
            q = q.Where(r => r.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            q = q.Where(r => r.Unit!.Code == unitCode);
        }

        var list = await q.ToListAsync(ct);
        return [.. list.OrderByDescending(r => r.SubmittedAt).Select(r =>
        {
            var period = rules.TryGetValue(r.Kind, out var rule) ? rule.Period(r.Year, r.Period) : new ReportPeriod(r.Kind, r.Year, r.Period, new DateOnly(r.Year, 12, 31));
            return new UnitReportDto(r.Id, r.Unit!.Code, r.Unit.Name, r.Kind, r.Year, r.Period, period.Label, period.Due, r.SubmittedAt, r.SubmittedBy, r.Text,
                r.Status, r.ReviewNote, VietnamTime.LocalDate(r.SubmittedAt) > period.Due, [.. r.Files.Select(f => new ReportFileDto(f.Sha256, f.FileName))]);
        })];
    }
}
