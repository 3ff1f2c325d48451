using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

public sealed record BookRequest(int? SlotId, string? ProcedureCode, string? FullName, string? Phone);

/// <summary>A citizen books a slot for a procedure at a desk; the answer carries the booking code.</summary>
public sealed partial class BookSlot(AppDbContext db, TimeProvider time, QueueReads reads, IStringLocalizer<SharedResource> t)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public abstract record Outcome;

    public sealed record Booked(BookingView Booking) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    /// <summary>The slot filled up while the citizen chose it.</summary>
    public sealed record Full(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(BookRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var name = body.FullName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            return new Invalid("fullName", t["Nhập họ và tên người đến làm thủ tục."]);
        }

        var phone = NormalisePhone(body.Phone);
        if (phone is null)
        {
            return new Invalid("phone", t["Số điện thoại không hợp lệ (ví dụ 0912345678)."]);
        }

        var slot = body.SlotId is { } id ? await db.BookingSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        var unit = slot is null ? null : await reads.UnitAsync(slot.UnitId, ct);
        if (slot is null || unit is null || !(await reads.BookableDaysAsync(unit, ct)).Contains(slot.Date) || slot.Date.ToDateTime(slot.Start) <= VietnamTime.Now(time))
        {
            return new Invalid("slotId", t["Khung giờ này không còn đặt được: hãy chọn khung giờ khác."]);
        }

        if (!(await reads.ProceduresAtAsync(unit.Id, ct)).Any(p => p.Code == body.ProcedureCode))
        {
            return new Invalid("procedureCode", t["Đơn vị này không tiếp nhận thủ tục đã chọn."]);
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
                return new Full(t["Khung giờ này đã đủ người: hãy chọn khung giờ khác."]);
            }

            db.Bookings.Add(booking);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return new Booked(BookingView.From(booking, unit));
    }

    internal static string? NormalisePhone(string? phone)
    {
        var compact = new string([.. (phone ?? "").Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-')]);
        return PhonePattern().IsMatch(compact) ? compact : null;
    }

    private static string NewCode() => string.Create(8, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }
    });

    [GeneratedRegex(@"^(0|\+84)\d{9,10}$")]
    private static partial Regex PhonePattern();
}
