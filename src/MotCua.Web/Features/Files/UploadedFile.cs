using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Files;

/// <summary>
/// One upload by one account. The bytes live in the content-addressed <see cref="IFileStore"/> under their
/// SHA-256 (outside the web root); the id handed out is random, so that knowing a file's content gives no access to it.
/// </summary>
public sealed class UploadedFile
{
    public required string Id { get; set; }
    public required string OwnerUserId { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>The name shown to people: cleaned of folders and given the extension of the detected type.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }
    public long Size { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<UploadedFile>(e =>
    {
        e.ToTable("UploadedFiles");
        e.Property(x => x.Id).HasMaxLength(32);
        e.Property(x => x.OwnerUserId).HasMaxLength(64);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(50);
        e.HasIndex(x => x.OwnerUserId);
    });
}
