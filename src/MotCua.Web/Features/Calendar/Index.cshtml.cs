using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Calendar;

public sealed class CalendarDayInput
{
    public string? Date { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Source { get; set; }
    public string? Unit { get; set; }
}

/// <summary>Staff read a year's declared days; administrators add, change and delete them.</summary>
[Authorize(Policy = AccountsSetup.StaffPolicy)]
public sealed class IndexModel(AppDbContext db, CalendarService calendars, EditCalendarDay editDay, TimeProvider time) : PageModel
{
    public int Year { get; private set; }
    public string? Unit { get; private set; }
    public CalendarDayDto[] Days { get; private set; } = [];
    public bool Estimated { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = [];
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    [BindProperty] public CalendarDayInput Input { get; set; } = new();

    public Task OnGetAsync(int? year, string? unit, CancellationToken ct) => LoadAsync(year, unit, ct);

    public async Task<IActionResult> OnPostAddAsync(int? year, CancellationToken ct)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        var request = new CalendarDayRequest(Input.Date, Input.Kind, Input.Name, Input.Source, Input.Unit);
        switch (await editDay.HandleAsync(request, User, ct))
        {
            case EditCalendarDay.Saved(var day, _):
                return RedirectToPage(new { year = day.Date.Year, unit = Input.Unit });
            case EditCalendarDay.Invalid(var errors):
                foreach (var (field, messages) in errors)
                {
                    Errors[field] = messages;
                }

                break;
            case EditCalendarDay.Conflict(var message):
                Errors["date"] = [message];
                break;
        }

        await LoadAsync(year, Input.Unit, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? date, string? unit, int? year, CancellationToken ct)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d))
        {
            return BadRequest();
        }

        int? unitId = null;
        if (!string.IsNullOrEmpty(unit))
        {
            unitId = await db.Units.InScopeOf(User).Where(u => u.Code == unit).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
            if (unitId is null)
            {
                return NotFound();
            }
        }

        await calendars.DeleteAsync(d, unitId, User.Identity!.Name!, ct);
        return RedirectToPage(new { year, unit });
    }

    private async Task LoadAsync(int? year, string? unit, CancellationToken ct)
    {
        Year = year is >= WorkingCalendar.MinYear and <= WorkingCalendar.MaxYear ? year.Value : VietnamTime.Today(time).Year;
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        var unitId = Unit is null ? null : await db.Units.Where(u => u.Code == Unit).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        Days = await ReadCalendarDays.Query(db, Year, unitId).ToArrayAsync(ct);
        Estimated = !(await calendars.ForUnitAsync(null, ct)).HasOfficialData(Year);
    }
}
