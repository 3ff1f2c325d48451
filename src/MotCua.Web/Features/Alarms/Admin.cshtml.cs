using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Alarms;

public sealed record UnitAlarms(string UnitCode, string UnitName, int Open, double LongestWaitedHours, AlarmRow[] Rows);

/// <summary>Administrators see the open alarms grouped by responsible unit and how long each has waited.</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class AdminModel(AppDbContext db, CalendarService calendars, TimeProvider time) : PageModel
{
    public UnitAlarms[] Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await AlarmsSetup.ListAsync(db, calendars, "", false, time.GetUtcNow().UtcDateTime, ct);
        Units = [.. rows.GroupBy(r => (r.UnitCode, r.UnitName))
            .Select(g => new UnitAlarms(g.Key.UnitCode, g.Key.UnitName, g.Count(), g.Max(r => r.WaitedHours), [.. g]))
            .OrderByDescending(u => u.Open).ThenBy(u => u.UnitCode, StringComparer.Ordinal)];
    }
}
