using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Indicators;
using MotCua.Domain.Meetings;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>
/// How meetings feed <c>meetingsOnlineRate</c> (ADR 0009): a held meeting contributes through
/// <see cref="AggregateContribution.AddMeeting"/>; every change of a meeting is saved through
/// <see cref="SaveAsync"/>, which removes its old contribution and adds its new one in the same transaction.
/// </summary>
public sealed class MeetingCounting : IAggregateSource
{
    public static bool IsOnline(Meeting m) => MeetingRules.IsOnline(new MeetingOnlineFacts(
        m.Invitees.Count(i => i.Attendance == Attendance.JoinedOnline), m.HeldOnline,
        m.Agenda.Sum(a => a.Documents.Count), m.PaperCopies));

    /// <summary>Null unless the meeting was held: scheduled and cancelled meetings are outside the rate.</summary>
    public static MeetingFacts? FactsOf(Meeting m) =>
        m.Status == MeetingStatus.Held ? new MeetingFacts(m.UnitPath, VietnamTime.LocalDate(m.StartUtc), IsOnline(m)) : null;

    /// <summary>Saves the tracked meeting (with its invitees and agenda loaded) and moves its contribution from <paramref name="before"/> to its current facts.</summary>
    public static async Task SaveAsync(AppDbContext db, Meeting meeting, MeetingFacts? before, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            var after = FactsOf(meeting);
            if (before != after)
            {
                var delta = new AggregateContribution();
                if (before is not null)
                {
                    delta.AddMeeting(before, -1);
                }

                if (after is not null)
                {
                    delta.AddMeeting(after, +1);
                }

                await delta.ApplyAsync(db, ct);
            }

            await tx.CommitAsync(ct);
        });
    }

    public async Task AddAllAsync(AppDbContext db, AggregateContribution delta, CancellationToken ct)
    {
        var held = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Held)
            .Include(m => m.Invitees).Include(m => m.Agenda).ThenInclude(a => a.Documents).AsSplitQuery().ToListAsync(ct);
        foreach (var m in held)
        {
            delta.AddMeeting(FactsOf(m)!, +1);
        }
    }
}
