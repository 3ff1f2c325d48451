using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Queue;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

public sealed record CancelRequest(string? PhoneLast4);

/// <summary>A citizen cancels a booking not yet begun with its code and the last four digits of the phone; the slot's place frees up.</summary>
public sealed class CancelBooking(AppDbContext db, TimeProvider time, QueueReads reads, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Cancelled(BookingView Booking) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    /// <summary>Already cancelled, checked in or begun.</summary>
    public sealed record TooLate(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(string? code, string? phoneLast4, CancellationToken ct)
    {
        var booking = await reads.BookingByCodeAsync(code, ct);
        // The same answer for an unknown code and a wrong phone: the pair is the secret.
        if (booking is null || !QueueRules.PhoneEndsWith(booking.Phone, phoneLast4))
        {
            return new Invalid("phoneLast4", t["Mã đặt lịch hoặc 4 số cuối điện thoại không đúng."]);
        }

        if (booking.Status != BookingStatus.Booked || booking.Date.ToDateTime(booking.Start) <= VietnamTime.Now(time))
        {
            return new TooLate(t["Lịch hẹn này không còn hủy được."]);
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
        return new Cancelled(BookingView.From(booking, await reads.UnitAsync(booking.UnitId, ct)));
    }
}
