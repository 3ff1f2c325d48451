using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>The parsed, checked query of every indicator endpoint and page.</summary>
public sealed record PeriodQuery(OrgUnit Unit, DateOnly From, DateOnly To);

/// <summary>Reads the period and unit of an indicator request, for the API and the pages alike; the errors are keyed by field.</summary>
public static class ParseIndicatorPeriod
{
    /// <summary>Checks dates (YYYY-MM-DD, from ≤ to, at most <see cref="IndicatorService.MaxYears"/> years) and the unit (inside the user's subtree).</summary>
    public static async Task<(PeriodQuery? Query, Dictionary<string, string[]> Errors)> RunAsync(
        AppDbContext db, ClaimsPrincipal? user, string? from, string? to, string? unit, DateOnly today, IStringLocalizer t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var f = ParseDate(from, new DateOnly(today.Year, 1, 1), "from", errors, t);
        var z = ParseDate(to, today, "to", errors, t);
        if (f is { } a && z is { } b && (a > b || b.Year - a.Year > IndicatorService.MaxYears))
        {
            errors["to"] = [t["Khoảng thời gian không hợp lệ: 'từ ngày' phải trước 'đến ngày' và không quá {0} năm.", IndicatorService.MaxYears]];
        }

        var units = user is null ? db.Units.AsNoTracking() : db.Units.AsNoTracking().InScopeOf(user);
        OrgUnit? u;
        if (string.IsNullOrWhiteSpace(unit))
        {
            var own = user?.UnitId();
            u = own is { } id ? await units.SingleOrDefaultAsync(x => x.Id == id, ct)
                : await units.Where(x => x.ParentId == null).OrderBy(x => x.Path).FirstOrDefaultAsync(ct);
        }
        else
        {
            var code = unit.Trim();
            u = await units.Where(x => x.Code == code).OrderByDescending(x => x.ValidFrom).FirstOrDefaultAsync(ct);
        }

        if (u is null)
        {
            errors["unit"] = [t["Không tìm thấy đơn vị '{0}' trong phạm vi được xem.", unit ?? ""]];
        }

        return (errors.Count == 0 ? new PeriodQuery(u!, f!.Value, z!.Value) : null, errors);
    }

    private static DateOnly? ParseDate(string? value, DateOnly fallback, string field, Dictionary<string, string[]> errors, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DayMonthYear.TryParse(value, out var d) && d.Year is >= 1990 and <= 2100)
        {
            return d;
        }

        errors[field] = [t["Ngày '{0}' không hợp lệ, cần dạng YYYY-MM-DD.", value]];
        return null;
    }
}
