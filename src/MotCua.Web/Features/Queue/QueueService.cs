using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Queue;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

/// <summary>A refusal a citizen or officer can act on: the field it concerns, a Vietnamese message, the HTTP status.</summary>
public sealed record QueueError(string Field, string Message, int Status = StatusCodes.Status400BadRequest);

public sealed record SlotView(int Id, DateOnly Date, TimeOnly Start, int Capacity, int Remaining);

public sealed record BookingView(string Code, string UnitCode, string UnitName, string ProcedureCode, DateOnly Date, TimeOnly Start, string CitizenName, string MaskedPhone, BookingStatus Status);

public sealed record TicketView(
    long Id, string Label, int CounterId, string CounterName, TicketStatus Status, DateTime IssuedAt, DateTime? CalledAt, DateTime? ClosedAt,
    string? BookingCode, string? CitizenName, string? ProcedureCode, string? DossierCode, int WaitingAhead);

public sealed record CounterView(int Id, string UnitCode, string Letter, string Name, string[] ProcedureCodes, int Waiting, string? NowServing);

public sealed record DisplayCall(string Label, string CounterName, DateTime CalledAt);

public sealed record DisplayView(string UnitCode, string UnitName, DisplayCall[] Calls, CounterView[] Counters);

public sealed record CounterDayStats(string UnitCode, int CounterId, string CounterName, DateOnly Day, int Issued, DurationSummary Waiting, DurationSummary Service, int NoShows);

public sealed record BookRequest(int? SlotId, string? ProcedureCode, string? FullName, string? Phone);

public sealed record CancelRequest(string? PhoneLast4);

public sealed record IssueRequest(int? CounterId, string? BookingCode);

public sealed record TicketActionRequest(string? Action);

public sealed record CallNextRequest(int? CounterId);

/// <summary>The desk queue's use cases, shared by the API and the pages.</summary>
public sealed partial class QueueService(AppDbContext db, TimeProvider time, IConfiguration config, CalendarService calendars, IStringLocalizer<SharedResource> t)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public int SlotCapacity => Math.Max(1, config.GetValue("Queue:SlotCapacity", 3));

    public int SlotMinutes => Math.Clamp(config.GetValue("Queue:SlotMinutes", 30), 5, 240);

    public string OpeningHours => config.GetValue("Queue:OpeningHours", "07:30-11:30,13:30-17:00")!;

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
        for (var d = today; days.Count < BookingDays && d <= today.AddDays(BookingDays * 2 + 14); d = d.AddDays(1))
        {
            if (WorkingAndFuture(calendar, d, today))
            {
                days.Add(d);
            }
        }

        return days;
    }

    private static bool WorkingAndFuture(MotCua.Domain.Calendar.WorkingCalendar calendar, DateOnly d, DateOnly today) =>
        d >= today && MotCua.Domain.Calendar.WorkingCalendar.IsSupported(d) && calendar.IsWorkingDay(d);

    public async Task<(SlotView[]? Slots, QueueError? Error)> SlotsAsync(string? unitCode, DateOnly? date, CancellationToken ct)
    {
        var unit = await DeskUnitAsync(unitCode, ct);
        if (unit is null)
        {
            return (null, new("unitCode", t["Không tìm thấy bộ phận một cửa có quầy phục vụ."], StatusCodes.Status404NotFound));
        }

        if (date is not { } day || !(await BookableDaysAsync(unit, ct)).Contains(day))
        {
            return (null, new("date", t["Chỉ đặt lịch được vào ngày làm việc trong {0} ngày làm việc tới.", BookingDays]));
        }

        await EnsureSlotsAsync(unit.Id, day, ct);
        var now = VietnamTime.Now(time);
        var slots = await db.BookingSlots.AsNoTracking().Where(s => s.UnitId == unit.Id && s.Date == day).ToListAsync(ct);
        return ([.. slots.Where(s => day.ToDateTime(s.Start) > now).OrderBy(s => s.Start).Select(s => new SlotView(s.Id, s.Date, s.Start, s.Capacity, s.Capacity - s.Booked))], null);
    }

    /// <summary>Creates the day's slot rows once; a concurrent creator loses on the unique index and the rows it wanted already exist.</summary>
    private async Task EnsureSlotsAsync(int unitId, DateOnly day, CancellationToken ct)
    {
        if (await db.BookingSlots.AnyAsync(s => s.UnitId == unitId && s.Date == day, ct))
        {
            return;
        }

        foreach (var start in QueueRules.SlotStarts(OpeningHours, SlotMinutes))
        {
            db.BookingSlots.Add(new BookingSlot { UnitId = unitId, Date = day, Start = start, Capacity = SlotCapacity });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<(BookingView? Booking, QueueError? Error)> BookAsync(BookRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var name = body.FullName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            return (null, new("fullName", t["Nhập họ và tên người đến làm thủ tục."]));
        }

        var phone = NormalisePhone(body.Phone);
        if (phone is null)
        {
            return (null, new("phone", t["Số điện thoại không hợp lệ (ví dụ 0912345678)."]));
        }

        var slot = body.SlotId is { } id ? await db.BookingSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        var unit = slot is null ? null : await db.Units.AsNoTracking().SingleAsync(u => u.Id == slot.UnitId, ct);
        if (slot is null || unit is null || !(await BookableDaysAsync(unit, ct)).Contains(slot.Date) || slot.Date.ToDateTime(slot.Start) <= VietnamTime.Now(time))
        {
            return (null, new("slotId", t["Khung giờ này không còn đặt được: hãy chọn khung giờ khác."]));
        }

        if (!(await ProceduresAtAsync(unit.Id, ct)).Any(p => p.Code == body.ProcedureCode))
        {
            return (null, new("procedureCode", t["Đơn vị này không tiếp nhận thủ tục đã chọn."]));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var booking = new Booking
        {
            Code = NewCode(),
            UnitId = unit.Id,
            SlotId = slot.Id,
            Date = slot.Date,
            Start = slot.Start,
            ProcedureCode = body.ProcedureCode!,
            CitizenName = name,
            Phone = phone,
            UserId = user.IsInRole(Roles.Citizen) ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            Status = BookingStatus.Booked,
            CreatedAtUtc = now,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The capacity guard sits in the UPDATE: PostgreSQL re-checks it after the row lock, SQLite runs one writer at a time.
            var taken = await db.BookingSlots.Where(s => s.Id == slot.Id && s.Booked < s.Capacity).ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), ct);
            if (taken == 0)
            {
                await tx.RollbackAsync(ct);
                return (null, new("slotId", t["Khung giờ này đã đủ người: hãy chọn khung giờ khác."], StatusCodes.Status409Conflict));
            }

            db.Bookings.Add(booking);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return (View(booking, unit), null);
    }

    public async Task<BookingView?> FindBookingAsync(string? code, CancellationToken ct)
    {
        var booking = await BookingByCodeAsync(code, ct);
        return booking is null ? null : View(booking, await db.Units.AsNoTracking().SingleAsync(u => u.Id == booking.UnitId, ct));
    }

    public async Task<(BookingView? Booking, QueueError? Error)> CancelAsync(string? code, string? phoneLast4, CancellationToken ct)
    {
        var booking = await BookingByCodeAsync(code, ct);
        // The same answer for an unknown code and a wrong phone: the pair is the secret.
        if (booking is null || !QueueRules.PhoneEndsWith(booking.Phone, phoneLast4))
        {
            return (null, new("phoneLast4", t["Mã đặt lịch hoặc 4 số cuối điện thoại không đúng."]));
        }

        if (booking.Status != BookingStatus.Booked || booking.Date.ToDateTime(booking.Start) <= VietnamTime.Now(time))
        {
            return (null, new("code", t["Lịch hẹn này không còn hủy được."], StatusCodes.Status409Conflict));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Booked)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAtUtc, time.GetUtcNow().UtcDateTime), ct);
        if (cancelled == 1)
        {
            await db.BookingSlots.Where(s => s.Id == booking.SlotId && s.Booked > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), ct);
        }

        await tx.CommitAsync(ct);
        booking.Status = BookingStatus.Cancelled;
        return (View(booking, await db.Units.AsNoTracking().SingleAsync(u => u.Id == booking.UnitId, ct)), null);
    }

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

    /// <summary>Issues a ticket at a counter, or checks a booking in (today's, at this unit) and issues its ticket at a counter serving its procedure.</summary>
    public async Task<(TicketView? Ticket, QueueError? Error)> IssueAsync(IssueRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var today = VietnamTime.Today(time);
        ServiceCounter? counter;
        Booking? booking = null;
        if (!string.IsNullOrWhiteSpace(body.BookingCode))
        {
            booking = await BookingByCodeAsync(body.BookingCode, ct);
            var unit = booking is null ? null : await db.Units.AsNoTracking().SingleAsync(u => u.Id == booking.UnitId, ct);
            if (booking is null || unit is null || !unit.Path.StartsWith(scope, StringComparison.Ordinal))
            {
                return (null, new("bookingCode", t["Không tìm thấy lịch hẹn với mã này tại đơn vị."]));
            }

            if (booking.Status != BookingStatus.Booked || booking.Date != today)
            {
                return (null, new("bookingCode", t["Lịch hẹn này không dùng được hôm nay (đã hủy, đã lấy số hoặc không phải ngày hẹn)."], StatusCodes.Status409Conflict));
            }

            var candidates = await db.ServiceCounters.AsNoTracking().Where(c => c.UnitId == booking.UnitId && c.Active).OrderBy(c => c.Letter).ToListAsync(ct);
            counter = candidates.FirstOrDefault(c => c.Serves(booking.ProcedureCode)) ?? candidates.FirstOrDefault();
            if (counter is null)
            {
                return (null, new("bookingCode", t["Đơn vị chưa có quầy phục vụ."], StatusCodes.Status409Conflict));
            }
        }
        else
        {
            counter = body.CounterId is { } id ? await db.ServiceCounters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Active, ct) : null;
            if (counter is null || !counter.UnitPath.StartsWith(scope, StringComparison.Ordinal))
            {
                return (null, new("counterId", t["Chọn một quầy phục vụ của đơn vị."]));
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        QueueTicket ticket;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (booking is not null)
            {
                var checkedIn = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Booked)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.CheckedIn).SetProperty(b => b.CheckedInAtUtc, now), ct);
                if (checkedIn == 0)
                {
                    await tx.RollbackAsync(ct);
                    return (null, new("bookingCode", t["Lịch hẹn này không dùng được hôm nay (đã hủy, đã lấy số hoặc không phải ngày hẹn)."], StatusCodes.Status409Conflict));
                }
            }

            var number = await NextNumberAsync(counter.Id, today, ct);
            ticket = new QueueTicket
            {
                UnitId = counter.UnitId,
                UnitPath = counter.UnitPath,
                CounterId = counter.Id,
                Day = today,
                Number = number,
                Label = QueueRules.TicketLabel(counter.Letter, number),
                Status = TicketStatus.Waiting,
                IssuedAtUtc = now,
                BookingId = booking?.Id,
            };
            db.QueueTickets.Add(ticket);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return (await TicketAsync(ticket.Id, user, ct), null);
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

    /// <summary>Calls the next waiting ticket of the counter (booked tickets first, then by number); null when nobody waits.</summary>
    public async Task<(TicketView? Ticket, QueueError? Error)> CallNextAsync(int counterId, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        if (!await db.ServiceCounters.AnyAsync(c => c.Id == counterId && c.UnitPath.StartsWith(scope), ct))
        {
            return (null, new("counterId", t["Không tìm thấy quầy."], StatusCodes.Status404NotFound));
        }

        var today = VietnamTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var officer = user.FindFirstValue(ClaimTypes.NameIdentifier);
        // Two officers at one counter may race for the same ticket: the status guard lets one win, the other takes the next.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var next = await db.QueueTickets.Where(x => x.CounterId == counterId && x.Day == today && x.Status == TicketStatus.Waiting)
                .OrderBy(x => x.BookingId == null).ThenBy(x => x.Number).Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);
            if (next is not { } id)
            {
                return (null, null);
            }

            var won = await db.QueueTickets.Where(x => x.Id == id && x.Status == TicketStatus.Waiting).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, TicketStatus.Called).SetProperty(x => x.CalledAtUtc, now).SetProperty(x => x.LastCalledAtUtc, now)
                .SetProperty(x => x.OfficerId, officer), ct);
            if (won == 1)
            {
                return (await TicketAsync(id, user, ct), null);
            }
        }

        return (null, new("counterId", t["Quầy đang bận, hãy thử lại."], StatusCodes.Status409Conflict));
    }

    public async Task<(TicketView? Ticket, QueueError? Error)> ActAsync(long id, string? action, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var ticket = await db.QueueTickets.SingleOrDefaultAsync(x => x.Id == id && x.UnitPath.StartsWith(scope), ct);
        if (ticket is null)
        {
            return (null, new("id", t["Không tìm thấy số thứ tự."], StatusCodes.Status404NotFound));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var from = ticket.Status;
        (TicketStatus To, bool Allowed) change = action switch
        {
            "recall" => (TicketStatus.Called, from == TicketStatus.Called),
            "close" => (TicketStatus.Closed, from == TicketStatus.Called),
            "no-show" => (TicketStatus.NoShow, from is TicketStatus.Called or TicketStatus.Waiting),
            _ => (from, false),
        };
        if (action is not ("recall" or "close" or "no-show"))
        {
            return (null, new("action", t["Thao tác phải là recall, close hoặc no-show."]));
        }

        if (!change.Allowed)
        {
            return (null, new("action", t["Không thể thực hiện thao tác này với số {0} ở trạng thái hiện tại.", ticket.Label], StatusCodes.Status409Conflict));
        }

        var updated = await db.QueueTickets.Where(x => x.Id == id && x.Status == from).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, change.To)
            .SetProperty(x => x.LastCalledAtUtc, x => action == "recall" ? now : x.LastCalledAtUtc)
            .SetProperty(x => x.ClosedAtUtc, x => change.To == TicketStatus.Called ? x.ClosedAtUtc : now), ct);
        if (updated == 0)
        {
            return (null, new("action", t["Số {0} vừa được người khác cập nhật: hãy tải lại.", ticket.Label], StatusCodes.Status409Conflict));
        }

        return (await TicketAsync(id, user, ct), null);
    }

    /// <summary>Records on the ticket the dossier received for its citizen (from the desk intake page).</summary>
    public async Task AttachDossierAsync(long ticketId, string dossierCode, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        await db.QueueTickets.Where(x => x.Id == ticketId && x.UnitPath.StartsWith(scope) && x.DossierCode == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DossierCode, dossierCode), ct);
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

    /// <summary>Waiting (issued → called) and service (called → closed) times per counter and local day inside the caller's scope.</summary>
    public async Task<(CounterDayStats[]? Rows, QueueError? Error)> StatsAsync(ClaimsPrincipal user, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var last = to ?? VietnamTime.Today(time);
        var first = from ?? last.AddDays(-6);
        if (first > last || last.DayNumber - first.DayNumber > 366)
        {
            return (null, new("from", t["Khoảng ngày không hợp lệ (tối đa 366 ngày)."]));
        }

        var scope = user.ScopePath();
        var tickets = await db.QueueTickets.AsNoTracking().Where(x => x.UnitPath.StartsWith(scope) && x.Day >= first && x.Day <= last)
            .Select(x => new { x.CounterId, x.Day, x.Status, x.IssuedAtUtc, x.CalledAtUtc, x.ClosedAtUtc }).ToListAsync(ct);
        var counterIds = tickets.Select(x => x.CounterId).Distinct().ToArray();
        var counters = await db.ServiceCounters.AsNoTracking().Where(c => counterIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Letter, UnitCode = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Code).First() }).ToDictionaryAsync(c => c.Id, ct);
        return ([.. tickets.GroupBy(x => (x.CounterId, x.Day))
            .Select(g => new CounterDayStats(
                counters[g.Key.CounterId].UnitCode, g.Key.CounterId, counters[g.Key.CounterId].Name, g.Key.Day, g.Count(),
                QueueRules.Summarise(g.Where(x => x.CalledAtUtc != null).Select(x => (x.CalledAtUtc!.Value - x.IssuedAtUtc).TotalMinutes)),
                QueueRules.Summarise(g.Where(x => x.Status == TicketStatus.Closed && x.CalledAtUtc != null && x.ClosedAtUtc != null)
                    .Select(x => (x.ClosedAtUtc!.Value - x.CalledAtUtc!.Value).TotalMinutes)),
                g.Count(x => x.Status == TicketStatus.NoShow)))
            .OrderBy(r => r.Day).ThenBy(r => r.UnitCode).ThenBy(r => r.CounterName)], null);
    }

    public static string? NormalisePhone(string? phone)
    {
        var compact = new string([.. (phone ?? "").Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-')]);
        return PhonePattern().IsMatch(compact) ? compact : null;
    }

    private async Task<OrgUnit?> DeskUnitAsync(string? unitCode, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(unitCode) || unitCode.Length > 64 ? null
            : await db.Units.AsNoTracking().Where(u => u.Code == unitCode && db.ServiceCounters.Any(c => c.UnitId == u.Id && c.Active)).FirstOrDefaultAsync(ct);

    private async Task<Booking?> BookingByCodeAsync(string? code, CancellationToken ct)
    {
        var normal = code?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(normal) || normal.Length > 16 ? null : await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Code == normal, ct);
    }

    private static BookingView View(Booking b, OrgUnit unit) =>
        new(b.Code, unit.Code, unit.Name, b.ProcedureCode, b.Date, b.Start, b.CitizenName, QueueRules.MaskPhone(b.Phone), b.Status);

    private static string NewCode() => string.Create(8, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }
    });

    private const string SqliteNextSql =
        """INSERT INTO "TicketSequences" AS c ("CounterId", "Day", "Last") VALUES (@counter, @day, 1) ON CONFLICT ("CounterId", "Day") DO UPDATE SET "Last" = c."Last" + 1 RETURNING "Last";""";

    private const string PostgresNextSql =
        """INSERT INTO "TicketSequences" AS c ("CounterId", "Day", "Last") VALUES (@counter, @day, 1) ON CONFLICT ("CounterId", "Day") DO UPDATE SET "Last" = c."Last" + 1 RETURNING c."Last";""";

    /// <summary>The next number of a counter's day, inside the caller's transaction (one atomic upsert, as for dossier codes).</summary>
    private async Task<int> NextNumberAsync(int counterId, DateOnly day, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Allocate ticket numbers inside a transaction.");
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = transaction.GetDbTransaction();
        cmd.CommandText = db.Database.IsNpgsql() ? PostgresNextSql : SqliteNextSql;
        Add(cmd, "@counter", counterId);
        Add(cmd, "@day", db.Database.IsNpgsql() ? day : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    [GeneratedRegex(@"^(0|\+84)\d{9,10}$")]
    private static partial Regex PhonePattern();
}
