using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Documents;

public enum ExchangeDirection
{
    /// <summary>This unit sent the document to <see cref="DocumentExchange.PeerOrganId"/>.</summary>
    Sent,

    /// <summary>This unit received the document from <see cref="DocumentExchange.PeerOrganId"/>.</summary>
    Received,
}

/// <summary>
/// One document travelling over edXML between this unit and one other organ: an outgoing document per recipient, or an
/// incoming one with its origin. <see cref="PackageId"/> is the QCVN 102 DocumentId; a received package is registered once
/// per receiving unit (unique index), so the same package twice gives the same document.
/// </summary>
public sealed class DocumentExchange
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public ExchangeDirection Direction { get; set; }

    /// <summary>The QCVN 102 DocumentId: "{OrganId},{yyyy/MM/dd},{số}/{ký hiệu}" of the sender.</summary>
    public required string PackageId { get; set; }

    /// <summary>This side's unit (the sender of a sent document, the receiver of a received one).</summary>
    public int UnitId { get; set; }

    /// <summary>The other side's mã định danh (OrganId): the recipient of a sent document, the sender of a received one.</summary>
    public required string PeerOrganId { get; set; }

    public required string PeerName { get; set; }

    /// <summary>The last QCVN 102 status code recorded (01 … 13), sent or received.</summary>
    public string? LastStatusCode { get; set; }

    public DateTime? LastStatusAtUtc { get; set; }

    /// <summary>Subject of the certificate that signed the package (received) or signs this system's packages (sent).</summary>
    public string? SignerSubject { get; set; }

    /// <summary>A received document the sender recalled (status 13).</summary>
    public DateTime? RecalledAtUtc { get; set; }

    /// <summary>A received document this unit refused (status 02).</summary>
    public DateTime? RefusedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    public List<DocumentExchangeStatus> Statuses { get; set; } = [];
}

/// <summary>One status package sent or received for an exchange (append-only in practice: never edited).</summary>
public sealed class DocumentExchangeStatus
{
    public long Id { get; set; }
    public long ExchangeId { get; set; }

    /// <summary>True when this side sent the status, false when it came from the peer.</summary>
    public bool Outgoing { get; set; }

    public required string StatusCode { get; set; }
    public required string Description { get; set; }

    /// <summary>The package's Timestamp, Vietnam time as written ("yyyy/MM/dd HH:mm:ss"): with the code, what makes a repeat the same status.</summary>
    public required string Timestamp { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}

public static class DocumentExchangeModel
{
    internal static void Configure(ModelBuilder b)
    {
        b.Entity<DocumentExchange>(e =>
        {
            e.ToTable("DocumentExchanges");
            e.Property(x => x.Direction).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.PackageId).HasMaxLength(200);
            e.Property(x => x.PeerOrganId).HasMaxLength(40);
            e.Property(x => x.PeerName).HasMaxLength(300);
            e.Property(x => x.LastStatusCode).HasMaxLength(2);
            e.Property(x => x.SignerSubject).HasMaxLength(500);
            // The same package received twice by one unit is one document; one document is sent once to each organ.
            e.HasIndex(x => new { x.Direction, x.PackageId, x.UnitId, x.PeerOrganId }).IsUnique();
            e.HasIndex(x => x.DocumentId);
            e.HasOne<OfficialDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Statuses).WithOne().HasForeignKey(s => s.ExchangeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DocumentExchangeStatus>(e =>
        {
            e.ToTable("DocumentExchangeStatuses");
            e.Property(x => x.StatusCode).HasMaxLength(2);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.Timestamp).HasMaxLength(19);
            e.HasIndex(x => new { x.ExchangeId, x.Outgoing, x.StatusCode, x.Timestamp }).IsUnique();
        });
    }
}
