using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Calendar;

/// <summary>A declared day off or make-up working day; national when <see cref="UnitId"/> is null, else for that unit and its subtree.</summary>
public sealed class CalendarDay
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string Name { get; set; }
    public string? Source { get; set; }
    public int? UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public CalendarEntry ToEntry() => new(Date, Kind, Name, Source);

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<CalendarDay>(e =>
        {
            e.ToTable("CalendarDays");
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Name).HasMaxLength(300);
            e.Property(d => d.Source).HasMaxLength(1000);
            e.Property(d => d.CreatedBy).HasMaxLength(100);
            e.HasIndex(d => new { d.Date, d.UnitId }).IsUnique();
            // NULLs are distinct in unique indexes on both databases: national days need their own filtered index.
            e.HasIndex(d => d.Date, "IX_CalendarDays_Date_National").IsUnique().HasFilter("\"UnitId\" IS NULL");
            e.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CalendarChange>(e =>
        {
            e.ToTable("CalendarChanges");
            e.Property(c => c.Reason).HasMaxLength(500);
            e.Property(c => c.ChangedBy).HasMaxLength(100);
        });
    }
}

/// <summary>Append-only log of calendar edits; its highest id is the version that keys every instance's calendar cache.</summary>
public sealed class CalendarChange
{
    public long Id { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public required string Reason { get; set; }
    public int? UnitId { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
}

/// <summary>Told after every saved calendar change, within the same request; the dossier feature recomputes the due dates it affects.</summary>
public interface ICalendarChangeHandler
{
    Task OnCalendarChangedAsync(CalendarService calendars, DateOnly from, DateOnly to, string reason, CancellationToken ct);
}
