using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Queue;

public enum BookingStatus
{
    Booked,
    Cancelled,
    CheckedIn,
    NoShow,
}

public enum TicketStatus
{
    Waiting,
    Called,
    Closed,
    NoShow,
}

/// <summary>A service counter (quầy) of a one-stop desk: its letter prefixes the tickets; empty procedure codes means it serves every procedure.</summary>
public sealed class ServiceCounter
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string UnitPath { get; set; }
    public required string Letter { get; set; }
    public required string Name { get; set; }

    /// <summary>Procedure codes or field names the counter serves, comma-separated; empty for all.</summary>
    public string ProcedureCodes { get; set; } = "";

    public bool Active { get; set; } = true;

    public bool Serves(string procedureCode) =>
        string.IsNullOrWhiteSpace(ProcedureCodes) || ProcedureCodes.Split(',', StringSplitOptions.TrimEntries).Contains(procedureCode, StringComparer.Ordinal);
}

/// <summary>One bookable slot of a unit on a local working day; <see cref="Booked"/> only grows through a guarded UPDATE, so it never passes capacity.</summary>
public sealed class BookingSlot
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
}

public sealed class Booking
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public int UnitId { get; set; }
    public int SlotId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public required string ProcedureCode { get; set; }
    public required string CitizenName { get; set; }

    /// <summary>Personal data: masked on every page, used only for the reminder and the cancellation check.</summary>
    public required string Phone { get; set; }

    public string? UserId { get; set; }
    public BookingStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public DateTime? CheckedInAtUtc { get; set; }
    public DateTime? ReminderSentAtUtc { get; set; }
}

/// <summary>A queue ticket: numbered per counter and local day; the times measure waiting (issued → called) and service (called → closed).</summary>
public sealed class QueueTicket
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public required string UnitPath { get; set; }
    public int CounterId { get; set; }
    public DateOnly Day { get; set; }
    public int Number { get; set; }
    public required string Label { get; set; }
    public TicketStatus Status { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public DateTime? CalledAtUtc { get; set; }
    public DateTime? LastCalledAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? OfficerId { get; set; }
    public long? BookingId { get; set; }
    public string? DossierCode { get; set; }
}

/// <summary>The last ticket number of a counter on a local day, bumped by one atomic upsert.</summary>
public sealed class TicketSequence
{
    public int CounterId { get; set; }
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

public static class QueueModel
{
    internal static void Configure(ModelBuilder b)
    {
        b.Entity<ServiceCounter>(e =>
        {
            e.ToTable("ServiceCounters");
            e.Property(x => x.UnitPath).HasMaxLength(200);
            e.Property(x => x.Letter).HasMaxLength(4);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ProcedureCodes).HasMaxLength(2000);
            e.HasIndex(x => new { x.UnitId, x.Letter }).IsUnique();
        });
        b.Entity<BookingSlot>(e =>
        {
            e.ToTable("BookingSlots");
            e.HasIndex(x => new { x.UnitId, x.Date, x.Start }).IsUnique();
        });
        b.Entity<Booking>(e =>
        {
            e.ToTable("Bookings");
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.ProcedureCode).HasMaxLength(64);
            e.Property(x => x.CitizenName).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => new { x.Status, x.Date });
            e.HasIndex(x => x.SlotId);
        });
        b.Entity<QueueTicket>(e =>
        {
            e.ToTable("QueueTickets");
            e.Property(x => x.UnitPath).HasMaxLength(200);
            e.Property(x => x.Label).HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.OfficerId).HasMaxLength(64);
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.HasIndex(x => new { x.CounterId, x.Day, x.Number }).IsUnique();
            e.HasIndex(x => new { x.UnitId, x.Day, x.Status });
            e.HasIndex(x => x.BookingId).IsUnique();
        });
        b.Entity<TicketSequence>(e =>
        {
            e.ToTable("TicketSequences");
            e.HasKey(x => new { x.CounterId, x.Day });
        });
    }
}
