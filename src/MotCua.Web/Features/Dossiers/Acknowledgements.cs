using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The 8-working-hour acknowledgement of online dossiers: the deadline at submission, the countdown, the rate.</summary>
public static class Acknowledgements
{
    public static TimeSpan Budget(IConfiguration config) => TimeSpan.FromHours(config.GetValue("Dossiers:AcknowledgeHours", Acknowledgement.DefaultHours));

    public static void Start(Dossier dossier, WorkingCalendar calendar, DateTime nowUtc, IConfiguration config)
    {
        dossier.SubmittedAtUtc = nowUtc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, VietnamTime.Zone);
        var deadline = calendar.AddWorkingHours(local, Budget(config));
        dossier.AckDeadlineUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(deadline, DateTimeKind.Unspecified), VietnamTime.Zone);
    }

    /// <summary>Working hours left before the deadline (negative once overdue), on the unit's calendar and office hours.</summary>
    public static double HoursLeft(DateTime deadlineUtc, DateTime nowUtc, WorkingCalendar calendar) =>
        WorkingTime.Between(calendar, Local(nowUtc), Local(deadlineUtc)).TotalHours;

    /// <summary>Whole hours and minutes of working time left (or overdue when negative), for the countdown text.</summary>
    public static (bool Overdue, int Hours, int Minutes) Countdown(double hoursLeft)
    {
        var minutes = (int)Math.Round(Math.Abs(hoursLeft) * 60);
        return (hoursLeft < 0, minutes / 60, minutes % 60);
    }

    /// <summary>The on-time rate of acknowledgement over online dossiers submitted between two local dates (inclusive) in a unit subtree given by its path ("58/584/"; "" for all); the indicators call this.</summary>
    public static async Task<AcknowledgementRate> RateAsync(AppDbContext db, string unitPath, DateOnly from, DateOnly to, DateTime nowUtc, CancellationToken ct)
    {
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), VietnamTime.Zone);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Zone);
        var facts = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Dossiers.Where(d => d.Channel == Channel.Online && d.SubmittedAtUtc != null && d.AckDeadlineUtc != null
                    && d.SubmittedAtUtc >= fromUtc && d.SubmittedAtUtc < toUtc
                    && d.ReceivingUnitPath.StartsWith(unitPath)
                    // Withdrawn before anyone answered: nothing to acknowledge.
                    && !(d.Status == DossierStatus.Withdrawn && d.AcknowledgedAtUtc == null))
                .Select(d => new AcknowledgementFact(d.SubmittedAtUtc!.Value, d.AckDeadlineUtc!.Value, d.AcknowledgedAtUtc)),
            ct);
        return Acknowledgement.Rate(facts, nowUtc);
    }

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone);
}
