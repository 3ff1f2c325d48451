using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// A calendar edit moves the due dates of the open dossiers whose counting window it touches; each move is an event in
/// the dossier's history, so no appointment ever changes silently.
/// </summary>
public sealed class RecomputeDueDates(AppDbContext db, TimeProvider time) : ICalendarChangeHandler
{
    private const int Batch = 200;
    private static readonly DossierStatus[] Running = [DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingApproval];

    public async Task OnCalendarChangedAsync(CalendarService calendars, DateOnly from, DateOnly to, string reason, CancellationToken ct)
    {
        long lastId = 0;
        while (true)
        {
            var dossiers = await db.Dossiers.Include(d => d.Pauses).Include(d => d.ReceivingUnit)
                .Where(d => d.Id > lastId && Running.Contains(d.Status) && d.ReceivedOn <= to && d.LegalDueDate >= from)
                .OrderBy(d => d.Id).Take(Batch).AsSplitQuery().ToListAsync(ct);
            if (dossiers.Count == 0)
            {
                return;
            }

            var now = time.GetUtcNow().UtcDateTime;
            foreach (var d in dossiers)
            {
                var before = d.AppointmentDate;
                ReceiveDossier.SetDueDate(d, await calendars.ForUnitAsync(d.ReceivingUnit, ct));
                if (d.AppointmentDate != before)
                {
                    d.Version++;
                    DossierHistory.Append(db, d, Actor.System, now, new("recompute-due-date", d.Status, "Lịch làm việc thay đổi: " + reason, DueBefore: before));
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            lastId = dossiers[^1].Id;
        }
    }
}
