using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

public sealed record ReminderPass(bool Ran, int Reminded, int NoShows);

/// <summary>
/// One idempotent pass: an SMS reminder for each booking whose day is the unit's next working day (sent once: the booking
/// row records it in the same transaction as the outbox message), and past bookings never checked in become no-shows.
/// </summary>
public sealed partial class QueueReminders(IServiceScopeFactory scopes, TimeProvider time, IConfiguration config, Operations.ScheduledJobs jobs, ILogger<QueueReminders> log)
{
    public const string JobName = "queue-reminders";

    public string OwnerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>One pass, recorded as a scheduled run when this instance held the lease.</summary>
    public Task<ReminderPass> RunOnceAsync(CancellationToken ct) =>
        jobs.RunAsync(JobName, OwnerId, PassAsync, r => r.Ran ? r.Reminded + r.NoShows : null, ct);

    private async Task<ReminderPass> PassAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var calendars = scope.ServiceProvider.GetRequiredService<CalendarService>();
        var now = time.GetUtcNow().UtcDateTime;
        if (!await JobLease.TryClaimAsync(db, JobName, OwnerId, now, TimeSpan.FromSeconds(config.GetValue("Queue:LeaseSeconds", 300)), ct))
        {
            return new(false, 0, 0);
        }

        try
        {
            var today = VietnamTime.Today(time);
            var noShows = await db.Bookings.Where(b => b.Status == BookingStatus.Booked && b.Date < today)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.NoShow), ct);
            // Bookings up to a long weekend ahead; each unit's own calendar decides which of them is "the next working day".
            var horizon = today.AddDays(10);
            var due = await db.Bookings.Where(b => b.Status == BookingStatus.Booked && b.ReminderSentAtUtc == null && b.Date > today && b.Date <= horizon)
                .OrderBy(b => b.Id).ToListAsync(ct);
            var units = await db.Units.AsNoTracking().Where(u => due.Select(b => b.UnitId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            var reminded = 0;
            foreach (var group in due.GroupBy(b => b.UnitId))
            {
                var calendar = await calendars.ForUnitAsync(units[group.Key], ct);
                var nextWorkingDay = calendar.AddWorkingDays(today, 1);
                foreach (var b in group.Where(b => b.Date <= nextWorkingDay))
                {
                    b.ReminderSentAtUtc = now;
                    db.OutboxMessages.Add(new OutboxMessage
                    {
                        CreatedAtUtc = now,
                        NextAttemptAtUtc = now,
                        Channel = NotificationChannel.Sms,
                        To = b.Phone,
                        // SMS gateways of the demo send ASCII: the message drops diacritics as the other SMS texts do.
                        Body = $"Nhac lich hen tai {Ascii(units[group.Key].Name)}: ngay {b.Date:dd/MM/yyyy} luc {b.Start:HH\\:mm}, ma dat lich {b.Code}. Huy lich: nhap ma va 4 so cuoi dien thoai tai trang Dat lich.",
                        DossierCode = "",
                        Kind = NotificationKind.BookingReminder,
                    });
                    reminded++;
                }
            }

            await db.SaveChangesAsync(ct);
            await JobLease.ReleaseAsync(db, JobName, OwnerId, now);
            LogPass(reminded, noShows);
            return new(true, reminded, noShows);
        }
        catch
        {
            await JobLease.ReleaseAsync(db, JobName, OwnerId, finishedAt: null);
            throw;
        }
    }

    private static string Ascii(string text)
    {
        var d = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(System.Text.NormalizationForm.FormD);
        return new string([.. d.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);
    }

    [LoggerMessage(LogLevel.Information, "Queue reminder pass: {Reminded} reminders, {NoShows} no-shows")]
    private partial void LogPass(int reminded, int noShows);
}
