using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Calendar;

/// <summary>Parsing shared by the calendar's handlers and endpoints: the same rules and messages for dates and units.</summary>
internal static class CalendarInput
{
    public static async Task<int?> UnitIdAsync(
        string? unit, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return null;
        }

        var id = await db.Units.InScopeOf(user).Where(u => u.Code == unit).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            errors["unit"] = [t["Không tìm thấy đơn vị '{0}' trong phạm vi của bạn.", unit]];
        }

        return id;
    }

    public static bool TryDate(string? text, out DateOnly date) =>
        DayMonthYear.TryParse(text, out date); // ISO, or dd/MM/yyyy from the date boxes

    public static string OutOfRange(IStringLocalizer<SharedResource> t, string text) =>
        t["Ngày {0} nằm ngoài khoảng lịch hỗ trợ ({1}–{2}).", text, WorkingCalendar.MinYear, WorkingCalendar.MaxYear];

    public static DateOnly? ParseDate(string? text, string field, string label, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> t)
    {
        if (!TryDate(text, out var date))
        {
            errors[field] = [t["{0} '{1}' không hợp lệ: cần dạng YYYY-MM-DD.", label, text ?? ""]];
            return null;
        }

        if (!WorkingCalendar.IsSupported(date))
        {
            errors[field] = [OutOfRange(t, text!)];
            return null;
        }

        return date;
    }
}
