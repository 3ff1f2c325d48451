using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Results;

/// <summary>The signed electronic result of a dossier, stored once by content; every download serves the same bytes.</summary>
public sealed class SignedResult
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public required string DossierCode { get; set; }
    public required string ResultCode { get; set; }
    public required string Sha256 { get; set; }
    public required string CertificateThumbprint { get; set; }
    public DateTime SignedAtUtc { get; set; }

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<SignedResult>(e =>
        {
            e.ToTable("SignedResults");
            e.HasIndex(x => x.DossierId).IsUnique();
            // Public verification finds a result by the file's hash or by the code its QR link carries.
            e.HasIndex(x => x.Sha256);
            e.HasIndex(x => x.ResultCode);
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.Property(x => x.ResultCode).HasMaxLength(80);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.CertificateThumbprint).HasMaxLength(64);
        });
        b.Entity<ResultDelivery>(e =>
        {
            e.ToTable("ResultDeliveries");
            e.HasIndex(x => x.DossierId).IsUnique();
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.Property(x => x.UnitPath).HasMaxLength(400);
            e.Property(x => x.RecipientName).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.Address).HasMaxLength(500);
            e.HasIndex(x => new { x.UnitPath, x.ReturnedAtUtc });
        });
    }
}

/// <summary>The applicant asked for the result by post (bưu chính công ích) to this address; the desk sends it and records the tracking number.</summary>
public sealed class ResultDelivery
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public required string DossierCode { get; set; }

    /// <summary>The receiving unit's path: the desk that returns the result sees the request.</summary>
    public required string UnitPath { get; set; }

    public required string RecipientName { get; set; }
    public string? Phone { get; set; }
    public required string Address { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public DateTime? ReturnedAtUtc { get; set; }
}
