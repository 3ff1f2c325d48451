using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Queue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

public sealed record CounterDayStats(string UnitCode, int CounterId, string CounterName, DateOnly Day, int Issued, DurationSummary Waiting, DurationSummary Service, int NoShows);

/// <summary>Waiting (issued → called) and service (called → closed) times per counter and local day inside the caller's scope.</summary>
public sealed class ReadQueueStats(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Listed(CounterDayStats[] Rows) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public async Task<Outcome> HandleAsync(ClaimsPrincipal user, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var last = to ?? VietnamTime.Today(time);
        // A "to" in the first week of year 1 has no week before it (a typed or fuzzed date must not throw).
        var first = from ?? (last.DayNumber >= 6 ? last.AddDays(-6) : DateOnly.MinValue);
        if (first > last || last.DayNumber - first.DayNumber > 366)
        {
            return new Invalid("from", t["Khoảng ngày không hợp lệ (tối đa 366 ngày)."]);
        }

        var scope = user.ScopePath();
        var tickets = await db.QueueTickets.AsNoTracking().Where(x => x.UnitPath.StartsWith(scope) && x.Day >= first && x.Day <= last)
            .Select(x => new { x.CounterId, x.Day, x.Status, x.IssuedAtUtc, x.CalledAtUtc, x.ClosedAtUtc }).ToListAsync(ct);
        var counterIds = tickets.Select(x => x.CounterId).Distinct().ToArray();
        var counters = await db.ServiceCounters.AsNoTracking().Where(c => counterIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Letter, UnitCode = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Code).First() }).ToDictionaryAsync(c => c.Id, ct);
        return new Listed([.. tickets.GroupBy(x => (x.CounterId, x.Day))
            .Select(g => new CounterDayStats(
                counters[g.Key.CounterId].UnitCode, g.Key.CounterId, counters[g.Key.CounterId].Name, g.Key.Day, g.Count(),
                QueueRules.Summarise(g.Where(x => x.CalledAtUtc != null).Select(x => (x.CalledAtUtc!.Value - x.IssuedAtUtc).TotalMinutes)),
                QueueRules.Summarise(g.Where(x => x.Status == TicketStatus.Closed && x.CalledAtUtc != null && x.ClosedAtUtc != null)
                    .Select(x => (x.ClosedAtUtc!.Value - x.CalledAtUtc!.Value).TotalMinutes)),
                g.Count(x => x.Status == TicketStatus.NoShow)))
            .OrderBy(r => r.Day).ThenBy(r => r.UnitCode).ThenBy(r => r.CounterName)]);
    }
}
