using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Operations;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Alarms;

public sealed record AlarmRow(
    string DossierCode, AlarmKind Kind, string KindLabel, string NextAction, string UnitCode, string UnitName, string NotifiedUnitCode, int Level,
    DateTime SinceUtc, DateTime DueUtc, DateTime RaisedAtUtc, double WaitedHours, DateTime? ResolvedAtUtc)
{
    /// <summary>The page of what the alarm is about: a dossier, or for <see cref="AlarmKind.DocumentOverdue"/> the document.</summary>
    public string Url { get; init; } = "/Dossiers/Details?code=" + Uri.EscapeDataString(DossierCode);
}

public static class AlarmsSetup
{
    public static IHostApplicationBuilder AddAlarms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AlarmScanner>();
        builder.Services.AddScheduledJob(
            new(AlarmScanner.JobName, "Cảnh báo hồ sơ quá hạn, nhắc việc và chuyển cấp",
                TimeSpan.FromSeconds(Math.Max(5, builder.Configuration.GetValue("Alarms:IntervalSeconds", 300))), builder.Configuration.GetValue("Alarms:Enabled", true)),
            (sp, ct) => sp.GetRequiredService<AlarmScanner>().RunOnceAsync(ct));

        return builder;
    }

    public static RouteGroupBuilder MapAlarmsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alarms").WithTags("Alarms").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapGet("/", async (bool? resolved, AppDbContext db, ClaimsPrincipal user, TimeProvider time, Calendar.CalendarService calendars, CancellationToken ct) =>
            TypedResults.Ok(await ListAsync(db, calendars, user.ScopePath(), resolved ?? false, time.GetUtcNow().UtcDateTime, ct))).Doc("listAlarms", "Danh sách cảnh báo hạn xử lý", "Dossiers and tasks due soon or overdue in the caller's units.");
        return group;
    }

    /// <summary>Alarms whose responsible or notified unit lies in the subtree (open ones, or the recently resolved), longest waiting first.</summary>
    public static async Task<AlarmRow[]> ListAsync(AppDbContext db, Calendar.CalendarService calendars, string scope, bool resolved, DateTime nowUtc, CancellationToken ct)
    {
        var q = db.Alarms.AsNoTracking().Where(a => a.UnitPath.StartsWith(scope) || a.NotifiedUnitPath.StartsWith(scope));
        q = resolved ? q.Where(a => a.ResolvedAtUtc != null).OrderByDescending(a => a.Id).Take(200) : q.Where(a => a.ResolvedAtUtc == null).OrderBy(a => a.Id).Take(1000);
        var alarms = await q.ToListAsync(ct);
        var unitIds = alarms.Select(a => a.UnitId).Concat(alarms.Select(a => a.NotifiedUnitId)).Distinct().ToArray();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var national = await calendars.ForUnitAsync(null, ct);
        var untilNow = WaitedUntil(national, nowUtc);
        return [.. alarms.Select(a =>
        {
            var waited = a.ResolvedAtUtc is { } end
                ? AlarmRule.WaitedHours(new Expectation(a.Kind, a.NextAction, a.SinceUtc, a.DueUtc), end, national, Local)
                : untilNow(a.SinceUtc).TotalHours;
            return new AlarmRow(a.DossierCode, a.Kind, AlarmScanner.KindLabel(a.Kind), a.NextAction, units[a.UnitId].Code, units[a.UnitId].Name,
                units[a.NotifiedUnitId].Code, a.Level, a.SinceUtc, a.DueUtc, a.RaisedAtUtc, Math.Round(waited, 1), a.ResolvedAtUtc)
            {
                Url = a.Kind == AlarmKind.DocumentOverdue ? $"/Documents/Details?id={a.DossierId}" : "/Dossiers/Details?code=" + Uri.EscapeDataString(a.DossierCode),
            };
        }).OrderByDescending(r => r.WaitedHours)];
    }

    /// <summary>
    /// The working time from an instant until <paramref name="nowUtc"/>, the same as <see cref="WorkingTime.Between"/>: a wait of
    /// years walks each day once per list (a running sum from each midnight to now), not once per alarm.
    /// </summary>
    public static Func<DateTime, TimeSpan> WaitedUntil(WorkingCalendar calendar, DateTime nowUtc)
    {
        var now = Local(nowUtc);
        var today = DateOnly.FromDateTime(now);
        var fromMidnight = new Dictionary<DateOnly, TimeSpan> { [today] = WorkingTime.Between(calendar, today.ToDateTime(TimeOnly.MinValue), now) };
        var earliest = today;
        TimeSpan FromMidnight(DateOnly day)
        {
            for (; earliest > day; earliest = earliest.AddDays(-1))
            {
                var before = earliest.AddDays(-1);
                fromMidnight[before] = WorkingTime.Between(calendar, before.ToDateTime(TimeOnly.MinValue), earliest.ToDateTime(TimeOnly.MinValue)) + fromMidnight[earliest];
            }

            return fromMidnight[day];
        }

        return sinceUtc =>
        {
            var since = Local(sinceUtc);
            var day = DateOnly.FromDateTime(since);
            if (since >= now || day >= today)
            {
                return WorkingTime.Between(calendar, since, now);
            }

            var next = day.AddDays(1);
            return WorkingTime.Between(calendar, since, next.ToDateTime(TimeOnly.MinValue)) + FromMidnight(next);
        };
    }

    public static string Local(DateTime utc, string format) => Local(utc).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone);
}
