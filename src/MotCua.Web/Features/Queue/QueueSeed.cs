using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

/// <summary>Demo counters for the demo one-stop desks and a few bookings; all invented for the demo (names marked "demo").</summary>
public static class QueueSeed
{
    public const string CertificationCode = "2.000815";

    /// <summary>The communes of today's two-tier structure (from 1/7/2025) whose desks serve today's citizens.</summary>
    public static readonly string[] TodaysDesks = ["56.BACAI", "56.BACAIDONG", "56.BACAITAY"];

    public static async Task SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        await SeedTodaysDesksAsync(db, ct);
        var todays = await db.Units.Where(u => TodaysDesks.Contains(u.Code)).Select(u => u.Id).ToListAsync(ct);
        if (await db.ServiceCounters.AnyAsync(c => !todays.Contains(c.UnitId), ct))
        {
            return;
        }

        var units = await db.Units.AsNoTracking().Where(u => u.Code == "584.MC" || u.Code == "22783" || u.Code == "22792").ToListAsync(ct);
        foreach (var unit in units)
        {
            db.ServiceCounters.Add(new ServiceCounter { UnitId = unit.Id, UnitPath = unit.Path, Letter = "A", Name = "Quầy 1 — Tư pháp, chứng thực", ProcedureCodes = CertificationCode });
            db.ServiceCounters.Add(new ServiceCounter { UnitId = unit.Id, UnitPath = unit.Path, Letter = "B", Name = "Quầy 2 — Các lĩnh vực khác" });
        }

        await db.SaveChangesAsync(ct);

        // Two invented bookings a week ahead at the desk in force that day: the district desk, or today's commune after 30/06/2025.
        var day = VietnamTime.Today(time).AddDays(7);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var desks = await db.Units.AsNoTracking().Where(u => u.Code == "584.MC" || u.Code == TodaysDesks[0]).ToListAsync(ct);
        var desk = desks.FirstOrDefault(u => u.IsValidOn(day));
        if (desk is null)
        {
            return;
        }

        var start = new TimeOnly(8, 0);
        var slot = new BookingSlot { UnitId = desk.Id, Date = day, Start = start, Capacity = 3, Booked = 2 };
        db.BookingSlots.Add(slot);
        await db.SaveChangesAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 1; i <= 2; i++)
        {
            db.Bookings.Add(new Booking
            {
                Code = $"DEMO000{i}",
                UnitId = desk.Id,
                SlotId = slot.Id,
                Date = day,
                Start = start,
                ProcedureCode = CertificationCode,
                CitizenName = $"Người dân mẫu {i} (demo)",
                Phone = $"090000000{i}",
                Status = BookingStatus.Booked,
                CreatedAtUtc = now,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Each of today's communes gets the two demo counters once (a database seeded before issue 20 gets them too).</summary>
    private static async Task SeedTodaysDesksAsync(AppDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => TodaysDesks.Contains(u.Code) && !db.ServiceCounters.Any(c => c.UnitId == u.Id)).ToListAsync(ct);
        foreach (var unit in units)
        {
            db.ServiceCounters.Add(new ServiceCounter { UnitId = unit.Id, UnitPath = unit.Path, Letter = "A", Name = "Quầy 1 — Tư pháp, chứng thực", ProcedureCodes = CertificationCode });
            db.ServiceCounters.Add(new ServiceCounter { UnitId = unit.Id, UnitPath = unit.Path, Letter = "B", Name = "Quầy 2 — Các lĩnh vực khác" });
        }

        await db.SaveChangesAsync(ct);
    }
}
