using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Queue;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

public sealed record SlotView(int Id, DateOnly Date, TimeOnly Start, int Capacity, int Remaining);

public sealed record BookingView(string Code, string UnitCode, string UnitName, string ProcedureCode, DateOnly Date, TimeOnly Start, string CitizenName, string MaskedPhone, BookingStatus Status)
{
    internal static BookingView From(Booking b, OrgUnit unit) =>
        new(b.Code, unit.Code, unit.Name, b.ProcedureCode, b.Date, b.Start, b.CitizenName, QueueRules.MaskPhone(b.Phone), b.Status);
}

public sealed record TicketView(
    long Id, string Label, int CounterId, string CounterName, TicketStatus Status, DateTime IssuedAt, DateTime? CalledAt, DateTime? ClosedAt,
    string? BookingCode, string? CitizenName, string? ProcedureCode, string? DossierCode, int WaitingAhead);

public sealed record CounterView(int Id, string UnitCode, string Letter, string Name, string[] ProcedureCodes, int Waiting, string? NowServing);

public sealed record DisplayCall(string Label, string CounterName, DateTime CalledAt);

public sealed record DisplayView(string UnitCode, string UnitName, DisplayCall[] Calls, CounterView[] Counters);

/// <summary>The desk queue's reads behind the pages and the API: desks, bookable days, counters, tickets, the hall display.</summary>
public sealed class QueueReads(AppDbContext db, TimeProvider time, IConfiguration config, CalendarService calendars)
{
    public int BookingDays => Math.Clamp(config.GetValue("Queue:BookingDays", 20), 1, 90);

    /// <summary>Units with at least one active counter: where a citizen can book and take a ticket.</summary>
    public Task<List<OrgUnit>> DeskUnitsAsync(CancellationToken ct)
    {
        var ids = db.ServiceCounters.Where(c => c.Active).Select(c => c.UnitId);
        return db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Path).ToListAsync(ct);
    }

    public async Task<List<(string Code, string Name)>> ProceduresAtAsync(int unitId, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var codes = db.UnitProcedures.Where(up => up.UnitId == unitId && up.ValidFrom <= today && (up.ValidTo == null || up.ValidTo >= today)).Select(up => up.ProcedureCode);
        var rows = await db.Procedures.AsNoTracking().Where(p => codes.Contains(p.Code) && p.ValidTo == null).OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Code, r.Name))];
    }

    /// <summary>The working days a citizen may book at the unit, from today (only slots not yet begun are offered).</summary>
    public async Task<List<DateOnly>> BookableDaysAsync(OrgUnit unit, CancellationToken ct)
    {
        var calendar = await calendars.ForUnitAsync(unit, ct);
        var today = VietnamTime.Today(time);
        var days = new List<DateOnly>();
        // A unit that ends (the district desks on 30/06/2025) takes no booking after its last day.
        var last = unit.ValidTo ?? DateOnly.MaxValue;
        for (var d = today; days.Count < BookingDays && d <= today.AddDays(BookingDays * 2 + 14) && d <= last; d = d.AddDays(1))
        {
            if (WorkingAndFuture(calendar, d, today))
            {
                days.Add(d);
            }
        }

        return days;
    }

    private static bool WorkingAndFuture(WorkingCalendar calendar, DateOnly d, DateOnly today) =>
        d >= today && WorkingCalendar.IsSupported(d) && calendar.IsWorkingDay(d);

    public async Task<CounterView[]> CountersAsync(ClaimsPrincipal user, string? unitCode, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var today = VietnamTime.Today(time);
        var q = db.ServiceCounters.AsNoTracking().Where(c => c.Active && c.UnitPath.StartsWith(scope));
        if (!string.IsNullOrEmpty(unitCode))
        {
            q = q.Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Code == unitCode));
        }

        return await CounterViewsAsync(q, today, ct);
    }

    private async Task<CounterView[]> CounterViewsAsync(IQueryable<ServiceCounter> counters, DateOnly today, CancellationToken ct)
    {
        var rows = await counters.OrderBy(c => c.UnitPath).ThenBy(c => c.Letter).Select(c => new
        {
            Counter = c,
            UnitCode = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Code).First(),
            Waiting = db.QueueTickets.Count(x => x.CounterId == c.Id && x.Day == today && x.Status == TicketStatus.Waiting),
            Serving = db.QueueTickets.Where(x => x.CounterId == c.Id && x.Day == today && x.Status == TicketStatus.Called).OrderByDescending(x => x.Number).Select(x => x.Label).FirstOrDefault(),
        }).ToListAsync(ct);
        return [.. rows.Select(r => new CounterView(r.Counter.Id, r.UnitCode, r.Counter.Letter, r.Counter.Name,
            r.Counter.ProcedureCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), r.Waiting, r.Serving))];
    }

    public async Task<TicketView?> TicketAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var row = await db.QueueTickets.AsNoTracking().Where(x => x.Id == id && x.UnitPath.StartsWith(scope)).Select(x => new
        {
            Ticket = x,
            CounterName = db.ServiceCounters.Where(c => c.Id == x.CounterId).Select(c => c.Name).First(),
            Booking = db.Bookings.Where(b => b.Id == x.BookingId).Select(b => new { b.Code, b.CitizenName, b.ProcedureCode }).FirstOrDefault(),
            Ahead = db.QueueTickets.Count(o => o.CounterId == x.CounterId && o.Day == x.Day && o.Status == TicketStatus.Waiting && o.Number < x.Number),
        }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var x = row.Ticket;
        return new TicketView(x.Id, x.Label, x.CounterId, row.CounterName, x.Status, x.IssuedAtUtc, x.CalledAtUtc, x.ClosedAtUtc,
            row.Booking?.Code, row.Booking?.CitizenName, row.Booking?.ProcedureCode, x.DossierCode, x.Status == TicketStatus.Waiting ? row.Ahead : 0);
    }

    /// <summary>Today's tickets of a counter in the caller's scope, newest first; null when the counter is outside the scope.</summary>
    public async Task<TicketView[]?> CounterTicketsAsync(int counterId, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        if (!await db.ServiceCounters.AnyAsync(c => c.Id == counterId && c.UnitPath.StartsWith(scope), ct))
        {
            return null;
        }

        var today = VietnamTime.Today(time);
        var ids = await db.QueueTickets.Where(x => x.CounterId == counterId && x.Day == today).OrderByDescending(x => x.Number).Select(x => x.Id).Take(100).ToListAsync(ct);
        var views = new List<TicketView>();
        foreach (var id in ids)
        {
            views.Add((await TicketAsync(id, user, ct))!);
        }

        return [.. views];
    }

    /// <summary>The name and phone of the booking behind a ticket, to prefill the intake form.</summary>
    public async Task<(string Name, string Phone)?> ApplicantForTicketAsync(long ticketId, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var row = await db.QueueTickets.AsNoTracking().Where(x => x.Id == ticketId && x.UnitPath.StartsWith(scope))
            .Select(x => db.Bookings.Where(b => b.Id == x.BookingId).Select(b => new { b.CitizenName, b.Phone }).FirstOrDefault()).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.CitizenName, row.Phone);
    }

    public async Task<DisplayView?> DisplayAsync(string? unitCode, CancellationToken ct)
    {
        var unit = await DeskUnitAsync(unitCode, ct);
        if (unit is null)
        {
            return null;
        }

        var today = VietnamTime.Today(time);
        var calls = await db.QueueTickets.AsNoTracking().Where(x => x.UnitId == unit.Id && x.Day == today && x.Status == TicketStatus.Called)
            .OrderByDescending(x => x.LastCalledAtUtc).Take(8)
            .Select(x => new { x.Label, Counter = db.ServiceCounters.Where(c => c.Id == x.CounterId).Select(c => c.Name).First(), x.LastCalledAtUtc })
            .ToListAsync(ct);
        var counters = await CounterViewsAsync(db.ServiceCounters.AsNoTracking().Where(c => c.UnitId == unit.Id && c.Active), today, ct);
        return new DisplayView(unit.Code, unit.Name, [.. calls.Select(c => new DisplayCall(c.Label, c.Counter, c.LastCalledAtUtc!.Value))], counters);
    }

    /// <summary>A unit with at least one active counter, by code.</summary>
    internal async Task<OrgUnit?> DeskUnitAsync(string? unitCode, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(unitCode) || unitCode.Length > 64 ? null
            : await db.Units.AsNoTracking().Where(u => u.Code == unitCode && db.ServiceCounters.Any(c => c.UnitId == u.Id && c.Active)).FirstOrDefaultAsync(ct);

    internal async Task<Booking?> BookingByCodeAsync(string? code, CancellationToken ct)
    {
        var normal = code?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(normal) || normal.Length > 16 ? null : await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Code == normal, ct);
    }

    internal Task<OrgUnit> UnitAsync(int unitId, CancellationToken ct) => db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
}
