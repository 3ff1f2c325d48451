using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Calendar;

/// <summary>A year's declared days, national and the unit's own, for the calendar page and the API.</summary>
public static class ReadCalendarDays
{
    public static IQueryable<CalendarDayDto> Query(AppDbContext db, int year, int? unitId)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= from && d.Date <= to && (d.UnitId == null || d.UnitId == unitId))
            .OrderBy(d => d.Date).ThenBy(d => d.UnitId)
            .Select(d => new CalendarDayDto(d.Date, d.Kind, d.Name, d.Source, d.Unit == null ? null : d.Unit.Code));
    }
}
