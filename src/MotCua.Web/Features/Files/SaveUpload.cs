using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Portal;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Files;

/// <summary>Checks an upload by its content (type, size, scanner) and stores it for its owner.</summary>
public sealed class SaveUpload(AppDbContext db, IFileStore store, IUploadScanner scanner, IConfiguration config, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public long MaxBytes => config.GetValue("Files:MaxUploadBytes", DefaultMaxBytes);

    public abstract record Outcome;

    public sealed record Saved(UploadedFile File) : Outcome;

    public sealed record Rejected(string Message, int Status) : Outcome;

    /// <summary>Adds the file row to the context without saving, so that a page can commit it with its own change.</summary>
    public async Task<Outcome> CheckAndStoreAsync(IFormFile? file, string ownerUserId, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return new Rejected(t["Chưa chọn tệp hoặc tệp rỗng."], StatusCodes.Status400BadRequest);
        }

        if (file.Length > MaxBytes)
        {
            return new Rejected(t["Tệp lớn hơn giới hạn {0} MB.", MaxBytes / 1024 / 1024], StatusCodes.Status413PayloadTooLarge);
        }

        await using var buffered = new MemoryStream((int)file.Length);
        await using (var input = file.OpenReadStream())
        {
            await input.CopyToAsync(buffered, ct);
        }

        var type = FileSignature.Detect(buffered.GetBuffer().AsSpan(0, (int)Math.Min(buffered.Length, FileSignature.HeaderLength)));
        if (type is not { } kind)
        {
            return new Rejected(t["Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên)."], StatusCodes.Status415UnsupportedMediaType);
        }

        var contentType = FileSignature.ContentType(kind);
        buffered.Position = 0;
        var verdict = await scanner.ScanAsync(buffered, contentType, ct);
        if (!verdict.Clean)
        {
            return new Rejected(t["Tệp bị từ chối khi quét an toàn: {0}", verdict.Reason ?? ""], StatusCodes.Status422UnprocessableEntity);
        }

        buffered.Position = 0;
        var blob = await store.SaveAsync(buffered, ct);
        var row = new UploadedFile
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            OwnerUserId = ownerUserId,
            Sha256 = blob.Sha256,
            FileName = FileSignature.SafeDisplayName(file.FileName, kind),
            ContentType = contentType,
            Size = blob.Size,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.UploadedFiles.Add(row);
        return new Saved(row);
    }
}
