using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Meetings;

public enum MeetingStatus
{
    Scheduled,
    Held,
    Cancelled,
}

public enum InviteResponse
{
    Pending,
    Accepted,
    Declined,
}

public enum Attendance
{
    Unknown,

    /// <summary>Recorded when the invitee's personal join link was used (the MotCua redirect endpoint).</summary>
    JoinedOnline,

    /// <summary>Recorded by the secretary: present in the meeting room.</summary>
    Present,
    Absent,
}

/// <summary>
/// A meeting (cuộc họp) organised by one unit (issue 24). Times are stored in UTC and shown in Asia/Ho_Chi_Minh. The video
/// room is chosen when it is scheduled (<see cref="Platform"/>); each invitee gets a personal link through
/// <see cref="MeetingInvitee.JoinKey"/>.
/// </summary>
public sealed class Meeting
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public int UnitId { get; set; }

    /// <summary>The organising unit's materialised path: the meeting counts for it and is seen in its subtree.</summary>
    public required string UnitPath { get; set; }

    public required string UnitName { get; set; }
    public string? ChairUserId { get; set; }

    /// <summary>The chair's official name and title, as published in the weekly schedule.</summary>
    public required string ChairName { get; set; }

    public DateTime StartUtc { get; set; }
    public int DurationMinutes { get; set; }
    public DateTime EndUtc { get; set; }

    /// <summary>The room, or null for a meeting held only online ("trực tuyến").</summary>
    public string? Place { get; set; }

    public bool Online { get; set; }

    /// <summary>jitsi, bigbluebutton or link; null for a meeting held only in a room.</summary>
    public string? Platform { get; set; }

    /// <summary>The platform's room name (unguessable), or the external link for the "link" platform.</summary>
    public string? Room { get; set; }

    public MeetingStatus Status { get; set; }

    /// <summary>Recorded by the secretary with the minutes: the meeting was held on the video platform.</summary>
    public bool HeldOnline { get; set; }

    /// <summary>Recorded with the minutes: paper copies of the documents were handed out.</summary>
    public bool PaperCopies { get; set; }

    public string? MinutesText { get; set; }

    /// <summary>The signed minutes PDF in the content store.</summary>
    public string? MinutesSha256 { get; set; }

    public DateTime? MinutesSignedAtUtc { get; set; }
    public string? MinutesCertificateThumbprint { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<MeetingInvitee> Invitees { get; set; } = [];
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<MeetingTask> Tasks { get; set; } = [];

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<Meeting>(e =>
        {
            e.ToTable("Meetings");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.UnitPath).HasMaxLength(400);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.ChairUserId).HasMaxLength(64);
            e.Property(x => x.ChairName).HasMaxLength(200);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Platform).HasMaxLength(20);
            e.Property(x => x.Room).HasMaxLength(500);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.MinutesText).HasMaxLength(10000);
            e.Property(x => x.MinutesSha256).HasMaxLength(64);
            e.Property(x => x.MinutesCertificateThumbprint).HasMaxLength(64);
            e.Property(x => x.CreatedByUserId).HasMaxLength(64);
            e.HasIndex(x => new { x.StartUtc, x.UnitPath });
            e.HasMany(x => x.Invitees).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Agenda).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Tasks).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MeetingInvitee>(e =>
        {
            e.ToTable("MeetingInvitees");
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.JoinKey).HasMaxLength(32);
            e.Property(x => x.Response).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.ResponseReason).HasMaxLength(500);
            e.Property(x => x.Attendance).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.AbsenceReason).HasMaxLength(500);
            e.HasIndex(x => x.JoinKey).IsUnique();
            e.HasIndex(x => new { x.UserId, x.MeetingId });
        });
        b.Entity<AgendaItem>(e =>
        {
            e.ToTable("MeetingAgendaItems");
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.Presenter).HasMaxLength(200);
            e.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MeetingDocument>(e =>
        {
            e.ToTable("MeetingDocuments");
            e.Property(x => x.FileId).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(200);
        });
        b.Entity<MeetingTask>(e =>
        {
            e.ToTable("MeetingTasks");
            e.Property(x => x.Title).HasMaxLength(1000);
            e.Property(x => x.OwnerUserId).HasMaxLength(64);
            e.Property(x => x.OwnerName).HasMaxLength(200);
            e.Property(x => x.OwnerUnitPath).HasMaxLength(400);
            e.HasIndex(x => new { x.DoneAtUtc, x.DueDate });
            e.HasIndex(x => x.OwnerUserId);
        });
        b.Entity<MeetingEvent>(e =>
        {
            e.ToTable("MeetingEvents");
            e.Property(x => x.ActorUserId).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => x.MeetingId);
        });
    }
}

/// <summary>One invited person; an invited unit is expanded into its staff, each with <see cref="ViaUnitId"/> set.</summary>
public sealed class MeetingInvitee
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public string? UserId { get; set; }
    public required string Name { get; set; }
    public required string UnitName { get; set; }
    public int? ViaUnitId { get; set; }

    /// <summary>The random key of the personal join link (/api/v1/meetings/join/{key}).</summary>
    public required string JoinKey { get; set; }

    public InviteResponse Response { get; set; }
    public string? ResponseReason { get; set; }
    public DateTime? RespondedAtUtc { get; set; }
    public Attendance Attendance { get; set; }
    public string? AbsenceReason { get; set; }
    public DateTime? JoinedAtUtc { get; set; }
}

public sealed class AgendaItem
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public string? Presenter { get; set; }
    public List<MeetingDocument> Documents { get; set; } = [];
}

/// <summary>A document of an agenda item: an upload of <c>POST /api/v1/files</c>, and later optionally a register entry.</summary>
public sealed class MeetingDocument
{
    public long Id { get; set; }
    public long AgendaItemId { get; set; }
    public string? FileId { get; set; }

    /// <summary>A document of the registers (issue 23), kept as a plain id until that feature is merged: no foreign key.</summary>
    public long? RegisterDocumentId { get; set; }

    public required string Name { get; set; }
}

/// <summary>A conclusion of the meeting turned into a task, with an owner and a deadline; late ones raise an alarm.</summary>
public sealed class MeetingTask
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public required string Title { get; set; }
    public required string OwnerUserId { get; set; }
    public required string OwnerName { get; set; }
    public required string OwnerUnitPath { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }

    /// <summary>When the alarm scan found it late and told its owner; null while on time.</summary>
    public DateTime? LateAlarmAtUtc { get; set; }
}

/// <summary>The meeting's append-only log: scheduled, responses, joins, attendance, minutes, tasks.</summary>
public sealed class MeetingEvent
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ActorUserId { get; set; }
    public required string Action { get; set; }
    public string? Note { get; set; }
}
