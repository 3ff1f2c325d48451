using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
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
        return [.. alarms.Select(a =>
        {
            var end = a.ResolvedAtUtc ?? nowUtc;
            var waited = AlarmRule.WaitedHours(new Expectation(a.Kind, a.NextAction, a.SinceUtc, a.DueUtc), end, national, Local);
            return new AlarmRow(a.DossierCode, a.Kind, AlarmScanner.KindLabel(a.Kind), a.NextAction, units[a.UnitId].Code, units[a.UnitId].Name,
                units[a.NotifiedUnitId].Code, a.Level, a.SinceUtc, a.DueUtc, a.RaisedAtUtc, Math.Round(waited, 1), a.ResolvedAtUtc)
            {
                Url = a.Kind == AlarmKind.DocumentOverdue ? $"/Documents/Details?id={a.DossierId}" : "/Dossiers/Details?code=" + Uri.EscapeDataString(a.DossierCode),
            };
        }).OrderByDescending(r => r.WaitedHours)];
    }

    public static string Local(DateTime utc, string format) => Local(utc).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone);
}
