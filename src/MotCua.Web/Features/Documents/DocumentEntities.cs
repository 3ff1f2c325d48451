using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Documents;

namespace MotCua.Web.Features.Documents;

public enum DocumentStatus
{
    /// <summary>Incoming, registered, not yet assigned.</summary>
    Registered,

    /// <summary>Incoming, assigned to holders who have not all closed.</summary>
    Assigned,

    /// <summary>Incoming, every lead and coordinating holder closed.</summary>
    Done,

    /// <summary>Outgoing, numbered and issued.</summary>
    Issued,
}

/// <summary>
/// A registered official document (ND 30/2020): incoming with its số đến, or outgoing with its số and ký hiệu. The number is
/// unique per (unit, book, year) and allocated from <see cref="DocumentCounter"/> in the registering transaction.
/// </summary>
public sealed class OfficialDocument
{
    public long Id { get; set; }
    public DocumentDirection Direction { get; set; }
    public int UnitId { get; set; }
    public required string UnitPath { get; set; }

    /// <summary>The numbering book: <see cref="DocumentRules.IncomingBook"/> or an outgoing book.</summary>
    public required string Book { get; set; }

    public int Year { get; set; }

    /// <summary>Số đến for incoming documents, số for outgoing ones.</summary>
    public int Number { get; set; }

    /// <summary>Số và ký hiệu: as printed by the sender (incoming) or built by <see cref="DocumentRules.Notation"/> (outgoing).</summary>
    public required string Notation { get; set; }

    /// <summary>Cơ quan ban hành.</summary>
    public required string Issuer { get; set; }

    public DateOnly IssuedOn { get; set; }

    /// <summary>Ngày đến (incoming only).</summary>
    public DateOnly? ReceivedOn { get; set; }

    public required string TypeCode { get; set; }
    public required string Subject { get; set; }
    public required string Signer { get; set; }

    /// <summary>Nơi nhận, one per line.</summary>
    public string? Recipients { get; set; }

    public Urgency Urgency { get; set; }
    public Secrecy Secrecy { get; set; }
    public DocumentStatus Status { get; set; }

    /// <summary>The incoming document this outgoing one answers.</summary>
    public long? RepliesToId { get; set; }

    /// <summary>Trích yếu and số ký hiệu folded (no diacritics, lower case) for search.</summary>
    public required string SearchText { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public List<DocumentAttachment> Attachments { get; set; } = [];
    public List<DocumentAssignment> Assignments { get; set; } = [];
}

public sealed class DocumentAttachment
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public required string FileId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
}

/// <summary>One holder of an incoming document: chủ trì, phối hợp or để biết, with a deadline; closed when the holder finishes.</summary>
public sealed class DocumentAssignment
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public OfficialDocument? Document { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public HolderRole Role { get; set; }
    public DateOnly DueDate { get; set; }
    public required string AssignedBy { get; set; }
    public DateTime AssignedAtUtc { get; set; }
    public string? LastProgress { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
}

/// <summary>The document's history: append-only (a database trigger refuses updates and deletes).</summary>
public sealed class DocumentEvent
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public int Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public string? Note { get; set; }
}

/// <summary>The last number used in one series: (unit, book, year). Incremented by one atomic upsert inside the registering transaction.</summary>
public sealed class DocumentCounter
{
    public int UnitId { get; set; }
    public required string Book { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

public enum WorkFileStatus
{
    Open,
    Closed,
}

public enum WorkItemKind
{
    Document,
    Note,
    Task,
}

/// <summary>A work file (hồ sơ công việc): a matter handled by an officer, with its documents, notes and tasks.</summary>
public sealed class WorkFile
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public required string UnitPath { get; set; }
    public required string Title { get; set; }
    public required string OwnerId { get; set; }
    public required string OwnerName { get; set; }
    public bool Secret { get; set; }
    public WorkFileStatus Status { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public WorkMedium? ClosedMedium { get; set; }

    /// <summary>Set when closed, by <see cref="WorkFileRules.ProcessedOnline"/>: what <c>workFilesOnlineRate</c> counts.</summary>
    public bool ProcessedOnline { get; set; }

    public string? ClosingNote { get; set; }
    public List<WorkFileItem> Items { get; set; } = [];
}

public sealed class WorkFileItem
{
    public long Id { get; set; }
    public long WorkFileId { get; set; }
    public WorkItemKind Kind { get; set; }
    public long? DocumentId { get; set; }
    public required string Text { get; set; }
    public required string AddedBy { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
}

public static class DocumentsModel
{
    internal static void Configure(ModelBuilder b)
    {
        b.Entity<OfficialDocument>(e =>
        {
            e.ToTable("OfficialDocuments");
            e.Property(x => x.Direction).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.UnitPath).HasMaxLength(400);
            e.Property(x => x.Book).HasMaxLength(20);
            e.Property(x => x.Notation).HasMaxLength(100);
            e.Property(x => x.Issuer).HasMaxLength(300);
            e.Property(x => x.TypeCode).HasMaxLength(10);
            e.Property(x => x.Subject).HasMaxLength(DocumentRules.SubjectMaxLength);
            e.Property(x => x.Signer).HasMaxLength(200);
            e.Property(x => x.Recipients).HasMaxLength(2000);
            e.Property(x => x.Urgency).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.Secrecy).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.SearchText).HasMaxLength(700);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            // No gaps is the counter's job; no duplicates is also the database's.
            e.HasIndex(x => new { x.UnitId, x.Book, x.Year, x.Number }).IsUnique();
            e.HasIndex(x => new { x.UnitPath, x.Direction });
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Assignments).WithOne(a => a.Document).HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DocumentAttachment>(e =>
        {
            e.ToTable("DocumentAttachments");
            e.Property(x => x.FileId).HasMaxLength(32);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(50);
            e.HasIndex(x => x.FileId);
        });
        b.Entity<DocumentAssignment>(e =>
        {
            e.ToTable("DocumentAssignments");
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.UserName).HasMaxLength(200);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.AssignedBy).HasMaxLength(64);
            e.Property(x => x.LastProgress).HasMaxLength(2000);
            e.HasIndex(x => new { x.UserId, x.ClosedAtUtc });
            e.HasIndex(x => new { x.DocumentId, x.UserId }).IsUnique();
        });
        b.Entity<DocumentEvent>(e =>
        {
            e.ToTable("DocumentEvents");
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.DocumentId, x.Sequence }).IsUnique();
        });
        b.Entity<DocumentCounter>(e =>
        {
            e.ToTable("DocumentCounters");
            e.HasKey(x => new { x.UnitId, x.Book, x.Year });
            e.Property(x => x.Book).HasMaxLength(20);
        });
        b.Entity<WorkFile>(e =>
        {
            e.ToTable("WorkFiles");
            e.Property(x => x.UnitPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.OwnerId).HasMaxLength(64);
            e.Property(x => x.OwnerName).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.ClosedMedium).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.ClosingNote).HasMaxLength(2000);
            e.HasIndex(x => new { x.UnitPath, x.Status });
            e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.WorkFileId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkFileItem>(e =>
        {
            e.ToTable("WorkFileItems");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.AddedBy).HasMaxLength(64);
        });
    }
}
