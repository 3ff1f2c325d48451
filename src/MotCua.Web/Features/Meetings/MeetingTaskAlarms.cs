using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Alarms;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>
/// Part of the alarm scan: a meeting conclusion's task still open after its deadline (local date) raises an alarm once —
/// the owner is told by e-mail and SMS and the task shows as late in their workspace — and the alarm ends when it is done.
/// </summary>
public sealed class MeetingTaskAlarms(AppDbContext db) : IAlarmScanPart
{
    public async Task<int> ScanAsync(DateTime nowUtc, CancellationToken ct)
    {
        var today = VietnamTime.LocalDate(nowUtc);
        var late = await db.MeetingTasks.Where(x => x.DoneAtUtc == null && x.LateAlarmAtUtc == null && x.DueDate < today).OrderBy(x => x.Id).Take(500).ToListAsync(ct);
        if (late.Count == 0)
        {
            return 0;
        }

        var ownerIds = late.Select(x => x.OwnerUserId).Distinct().ToArray();
        var contacts = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.PhoneNumber }).ToDictionaryAsync(u => u.Id, ct);
        var meetingIds = late.Select(x => x.MeetingId).Distinct().ToArray();
        var titles = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        foreach (var task in late)
        {
            task.LateAlarmAtUtc = nowUtc;
            db.MeetingEvents.Add(new MeetingEvent { MeetingId = task.MeetingId, AtUtc = nowUtc, Action = "task-late", Note = $"{task.OwnerName}: hạn {task.DueDate:dd/MM/yyyy}" });
            if (contacts.GetValueOrDefault(task.OwnerUserId) is not { } c)
            {
                continue;
            }

            var text = $"Nhiệm vụ sau cuộc họp \"{titles.GetValueOrDefault(task.MeetingId)}\" đã quá hạn {task.DueDate:dd/MM/yyyy}: {task.Title}";
            if (!string.IsNullOrWhiteSpace(c.Email))
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    CreatedAtUtc = nowUtc,
                    NextAttemptAtUtc = nowUtc,
                    Channel = NotificationChannel.Email,
                    To = c.Email,
                    Subject = "Nhiệm vụ quá hạn",
                    Body = text.Length > OutboxMessage.MaxBody ? text[..OutboxMessage.MaxBody] : text,
                    DossierCode = "",
                    Kind = NotificationKind.Alarm,
                });
            }
        }

        await db.SaveChangesAsync(ct);
        return late.Count;
    }
}
