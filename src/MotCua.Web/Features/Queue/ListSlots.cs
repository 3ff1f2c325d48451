using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Queue;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

/// <summary>The slots of one desk and bookable day not yet begun; the day's slot rows are created on first demand.</summary>
public sealed class ListSlots(AppDbContext db, TimeProvider time, IConfiguration config, QueueReads reads, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Listed(SlotView[] Slots) : Outcome;

    public sealed record UnknownUnit(string Message) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    private int SlotCapacity => Math.Max(1, config.GetValue("Queue:SlotCapacity", 3));

    private int SlotMinutes => Math.Clamp(config.GetValue("Queue:SlotMinutes", 30), 5, 240);

    private string OpeningHours => config.GetValue("Queue:OpeningHours", "07:30-11:30,13:30-17:00")!;

    public async Task<Outcome> HandleAsync(string? unitCode, DateOnly? date, CancellationToken ct)
    {
        var unit = await reads.DeskUnitAsync(unitCode, ct);
        if (unit is null)
        {
            return new UnknownUnit(t["Không tìm thấy bộ phận một cửa có quầy phục vụ."]);
        }

        if (date is not { } day || !(await reads.BookableDaysAsync(unit, ct)).Contains(day))
        {
            return new Invalid("date", t["Chỉ đặt lịch được vào ngày làm việc trong {0} ngày làm việc tới.", reads.BookingDays]);
        }

        await EnsureSlotsAsync(unit.Id, day, ct);
        var now = VietnamTime.Now(time);
        var slots = await db.BookingSlots.AsNoTracking().Where(s => s.UnitId == unit.Id && s.Date == day).ToListAsync(ct);
        return new Listed([.. slots.Where(s => day.ToDateTime(s.Start) > now).OrderBy(s => s.Start).Select(s => new SlotView(s.Id, s.Date, s.Start, s.Capacity, s.Capacity - s.Booked))]);
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
}
