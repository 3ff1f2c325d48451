using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Signing;

/// <summary>The certificate that signs PDFs (<see cref="PdfSigner"/>); its PKCS#12 is encrypted with the data-protection keys (kept in the database).</summary>
public sealed class SigningCertificate
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Subject { get; set; }
    public required string Thumbprint { get; set; }
    public required string ProtectedPfx { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NotAfterUtc { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<SigningCertificate>(e =>
    {
        e.ToTable("SigningCertificates");
        e.Property(x => x.Name).HasMaxLength(64);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.Subject).HasMaxLength(400);
        e.Property(x => x.Thumbprint).HasMaxLength(64);
        e.Property(x => x.ProtectedPfx).HasMaxLength(20000);
    });
}
