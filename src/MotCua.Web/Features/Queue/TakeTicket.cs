using System.Data.Common;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Queue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

public sealed record IssueRequest(int? CounterId, string? BookingCode);

/// <summary>Issues a ticket at a counter, or checks a booking in (today's, at this unit) and issues its ticket at a counter serving its procedure.</summary>
public sealed class TakeTicket(AppDbContext db, TimeProvider time, QueueReads reads, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Issued(TicketView Ticket) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    /// <summary>The booking cannot be used today, or the unit has no counter.</summary>
    public sealed record Conflict(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(IssueRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var today = VietnamTime.Today(time);
        ServiceCounter? counter;
        Booking? booking = null;
        if (!string.IsNullOrWhiteSpace(body.BookingCode))
        {
            booking = await reads.BookingByCodeAsync(body.BookingCode, ct);
            var unit = booking is null ? null : await reads.UnitAsync(booking.UnitId, ct);
            if (booking is null || unit is null || !unit.Path.StartsWith(scope, StringComparison.Ordinal))
            {
                return new Invalid("bookingCode", t["Không tìm thấy lịch hẹn với mã này tại đơn vị."]);
            }

            if (booking.Status != BookingStatus.Booked || booking.Date != today)
            {
                return new Conflict(t["Lịch hẹn này không dùng được hôm nay (đã hủy, đã lấy số hoặc không phải ngày hẹn)."]);
            }

            var candidates = await db.ServiceCounters.AsNoTracking().Where(c => c.UnitId == booking.UnitId && c.Active).OrderBy(c => c.Letter).ToListAsync(ct);
            counter = candidates.FirstOrDefault(c => c.Serves(booking.ProcedureCode)) ?? candidates.FirstOrDefault();
            if (counter is null)
            {
                return new Conflict(t["Đơn vị chưa có quầy phục vụ."]);
            }
        }
        else
        {
            counter = body.CounterId is { } id ? await db.ServiceCounters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Active, ct) : null;
            if (counter is null || !counter.UnitPath.StartsWith(scope, StringComparison.Ordinal))
            {
                return new Invalid("counterId", t["Chọn một quầy phục vụ của đơn vị."]);
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
                    return new Conflict(t["Lịch hẹn này không dùng được hôm nay (đã hủy, đã lấy số hoặc không phải ngày hẹn)."]);
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

        return new Issued((await reads.TicketAsync(ticket.Id, user, ct))!);
    }

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
}
