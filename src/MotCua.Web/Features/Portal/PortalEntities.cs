using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Portal;

/// <summary>
/// A sign-up waiting for its one-time code: the account is created only once the phone or e-mail is proven, so
/// unverified accounts never exist. Holds the password hash (Identity's hasher), never the password or the code.
/// </summary>
public sealed class PendingSignUp
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public required string FullName { get; set; }
    public string? IdNumber { get; set; }
    public string? TaxCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>"sms" or "email": where the code went.</summary>
    public required string Channel { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>The one-time code proving the phone or e-mail (<see cref="Notifications.OneTimeCodes"/>).</summary>
    public Guid CodeId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<PendingSignUp>(e =>
    {
        e.ToTable("PendingSignUps");
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.IdNumber).HasMaxLength(12);
        e.Property(x => x.TaxCode).HasMaxLength(14);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.Property(x => x.Email).HasMaxLength(200);
        e.Property(x => x.Channel).HasMaxLength(8);
        e.Property(x => x.PasswordHash).HasMaxLength(400);
        e.HasIndex(x => x.UserName);
    });
}

/// <summary>An online submission being prepared: everything typed and every file chosen, kept between visits.</summary>
public sealed class PortalDraft
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string ProcedureCode { get; set; }
    public string? UnitCode { get; set; }
    public string? FullName { get; set; }
    public string? IdNumber { get; set; }
    public string? TaxCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public List<DraftDocument> Documents { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Set once submitted: the dossier it became.</summary>
    public string? DossierCode { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<PortalDraft>(e =>
    {
        e.ToTable("PortalDrafts");
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.ProcedureCode).HasMaxLength(40);
        e.Property(x => x.UnitCode).HasMaxLength(40);
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.IdNumber).HasMaxLength(12);
        e.Property(x => x.TaxCode).HasMaxLength(14);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.Property(x => x.Email).HasMaxLength(200);
        e.Property(x => x.Address).HasMaxLength(500);
        e.Property(x => x.DossierCode).HasMaxLength(64);
        e.HasIndex(x => x.UserId);
        e.OwnsMany(x => x.Documents, o => o.ToJson());
    });
}

/// <summary>One component of a draft: the procedure's document name and either an upload or a stored document.</summary>
public sealed class DraftDocument
{
    public string Name { get; set; } = "";
    public string? FileId { get; set; }
    public string? FileName { get; set; }
    public long? StoredDocumentId { get; set; }
}

/// <summary>
/// The citizen's personal data store (kho dữ liệu): a component accepted by the desk or an electronic result,
/// reusable in later dossiers while valid.
/// </summary>
public sealed class StoredDocument
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public string? FileId { get; set; }

    /// <summary>"component" (accepted in a dossier) or "result" (an electronic result).</summary>
    public required string Source { get; set; }

    public required string DossierCode { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day it may be reused; null when it does not expire.</summary>
    public DateOnly? ValidUntil { get; set; }

    public DateTime AddedAtUtc { get; set; }

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidUntil is null || day <= ValidUntil);

    internal static void Configure(ModelBuilder b) => b.Entity<StoredDocument>(e =>
    {
        e.ToTable("StoredDocuments");
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Kind).HasMaxLength(80);
        e.Property(x => x.Name).HasMaxLength(1000);
        e.Property(x => x.FileId).HasMaxLength(128);
        e.Property(x => x.Source).HasMaxLength(16);
        e.Property(x => x.DossierCode).HasMaxLength(64);
        e.HasIndex(x => new { x.UserId, x.Kind });
    });
}

public static class PortalModel
{
    public static void Configure(ModelBuilder b)
    {
        PendingSignUp.Configure(b);
        PortalDraft.Configure(b);
        StoredDocument.Configure(b);
    }
}
