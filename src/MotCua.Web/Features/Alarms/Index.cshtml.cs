using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Alarms;

/// <summary>The alarm list of the user's unit subtree: what a unit and its leader must act on now.</summary>
public sealed class IndexModel(AppDbContext db, CalendarService calendars, TimeProvider time) : PageModel
{
    public AlarmRow[] Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await AlarmsSetup.ListAsync(db, calendars, User.ScopePath(), false, time.GetUtcNow().UtcDateTime, ct);
}
