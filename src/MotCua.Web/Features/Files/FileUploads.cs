using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Files;

public static class FileUploads
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Stores the upload by content and records its metadata once; returns the hash.</summary>
    public static async Task<string> SaveAsync(IFormFile file, AppDbContext db, IFileStore store, TimeProvider time, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var blob = await store.SaveAsync(stream, ct);
        if (await db.StoredFiles.FindAsync([blob.Sha256], ct) is null)
        {
            db.StoredFiles.Add(new StoredFile
            {
                Sha256 = blob.Sha256,
                Size = blob.Size,
                ContentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType[..Math.Min(200, file.ContentType.Length)],
                CreatedAt = time.GetUtcNow().UtcDateTime,
            });
        }

        return blob.Sha256;
    }

    public static string SafeName(string name)
    {
        var n = UnicodeText.Nfc(Path.GetFileName(name.Replace('\\', '/')));
        return string.IsNullOrWhiteSpace(n) ? "tep" : n[..Math.Min(n.Length, 200)];
    }
}

/// <summary>Content-addressed file metadata; the bytes live under the data folder named by their SHA-256.</summary>
public sealed class StoredFile
{
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required string ContentType { get; set; }
    public DateTime CreatedAt { get; set; }
}
