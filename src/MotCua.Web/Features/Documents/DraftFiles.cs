using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Documents;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Forms;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>The draft's main file (its first attachment): read, replaced by a signed version, or rendered from the drafter's text.</summary>
public static class DraftFiles
{
    public const string PdfContentType = "application/pdf";

    /// <summary>The public verification code of a drafted document: its QR code opens <c>/Verify?code=VB-{id}</c>, known before the number is.</summary>
    public static string VerifyCode(long documentId) => "VB-" + documentId.ToString(CultureInfo.InvariantCulture);

    public static long? IdOfVerifyCode(string code) =>
        code.StartsWith("VB-", StringComparison.Ordinal) && long.TryParse(code.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static async Task<byte[]?> ReadAsync(AppDbContext db, IFileStore files, string fileId, CancellationToken ct)
    {
        var sha = await db.UploadedFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.Sha256).SingleOrDefaultAsync(ct);
        if (sha is null || files.Open(sha) is not { } stream)
        {
            return null;
        }

        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            return copy.ToArray();
        }
    }

    /// <summary>Stores bytes by content and as a new upload of <paramref name="ownerId"/>; the caller saves.</summary>
    public static async Task<UploadedFile> StoreAsync(AppDbContext db, IFileStore files, byte[] bytes, string fileName, string ownerId, DateTime nowUtc, CancellationToken ct)
    {
        var blob = await files.SaveAsync(new MemoryStream(bytes), ct);
        if (await db.StoredFiles.FindAsync([blob.Sha256], ct) is null && !db.StoredFiles.Local.Any(f => f.Sha256 == blob.Sha256))
        {
            db.StoredFiles.Add(new StoredFile { Sha256 = blob.Sha256, Size = blob.Size, ContentType = PdfContentType, CreatedAt = nowUtc });
        }

        var file = new UploadedFile
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            OwnerUserId = ownerId,
            Sha256 = blob.Sha256,
            FileName = fileName,
            ContentType = PdfContentType,
            Size = blob.Size,
            CreatedAtUtc = nowUtc,
        };
        db.UploadedFiles.Add(file);
        return file;
    }

    /// <summary>
    /// A draft written in the system, laid out like the product's other documents (the forms' header, QR code and blocks): the
    /// number is left blank ("Số: …/QĐ-UBND") for the clerk, who fills it when signing as the agency (ND 30/2020 Điều 15, 16).
    /// </summary>
    public static byte[] Render(OfficialDocument doc, DocumentDraft draft, OrgUnit unit, OrgUnit? parent, string text, string verifyUrl)
    {
        var type = DocumentTypes.Find(doc.TypeCode)!;
        var notation = DocumentRules.Notation(0, type, draft.IssuerAbbreviation, draft.DrafterAbbreviation);
        var header = new FormHeader(Authority(parent), Authority(unit), Place(unit), VietnamTime.LocalDate(doc.CreatedAtUtc));
        List<Block> blocks = [.. text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => Para.Of(l.Trim()))];
        if (doc.Recipients is { } recipients)
        {
            blocks.Add(Para.Of("Nơi nhận:", bold: true, italic: true));
            blocks.AddRange(recipients.Split('\n').Where(l => l.Trim().Length > 0).Select(l => Para.Of("- " + l.Trim())));
        }

        blocks.Add(new Signatures([new Signature("TM. " + Authority(unit).ToUpperInvariant(), "(Ký số)", doc.Signer)]));
        var title = type.Abbreviation.Length > 0 ? type.Name.ToUpperInvariant() : "";
        var layout = new FormLayout(header, "", "Số: …" + notation[2..], title, doc.Subject, blocks);
        return FormPdf.Render(layout, verifyUrl, $"{type.Name} - {doc.Subject}");
    }

    private static string Authority(OrgUnit? unit) => unit switch
    {
        null => "",
        { Kind: UnitKind.Province or UnitKind.District or UnitKind.Commune } => "Ủy ban nhân dân " + char.ToLowerInvariant(unit.Name[0]) + unit.Name[1..],
        _ => unit.Name,
    };

    private static string Place(OrgUnit unit) =>
        unit.Name.Replace("Huyện ", "", StringComparison.Ordinal).Replace("Xã ", "", StringComparison.Ordinal).Replace("Tỉnh ", "", StringComparison.Ordinal);
}
