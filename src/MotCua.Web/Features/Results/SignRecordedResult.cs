using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MotCua.Web.Features.Results;

/// <summary>
/// Record-result of a procedure whose result is electronic: the uploaded PDF is signed at once with the unit's certificate,
/// stored by content as a new upload and as the dossier's <see cref="SignedResult"/>, so every download serves those bytes.
/// </summary>
public sealed class SignRecordedResult(IFileStore files, PdfSigner signer, IStringLocalizer<SharedResource> t) : IResultSigner
{
    public async Task<ResultSigning> SignAsync(AppDbContext db, Dossier dossier, UploadedFile original, string ownerUserId, DateTime nowUtc, CancellationToken ct)
    {
        var kind = await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.ResultKind).SingleOrDefaultAsync(ct);
        if (kind is not (ResultKind.Electronic or ResultKind.Both))
        {
            return new ResultSigning(null, null);
        }

        using var document = await OpenAsync(original.Sha256, ct);
        if (document is null)
        {
            return new ResultSigning(null, t["Không mở được tệp PDF kết quả để ký số (tệp hỏng hoặc có mật khẩu). Hãy tải lên bản PDF khác."]);
        }

        // The visible signature's text needs the forms' fonts (Noto Sans) registered with PDFsharp.
        Forms.FormPdf.EnsureFonts();
        byte[] bytes;
        try
        {
            bytes = await signer.SignAsync(document, $"Kết quả giải quyết hồ sơ {dossier.Code}", dossier.ReceivingUnit?.Name ?? dossier.ReceivingUnitPath, ct);
        }
        catch (Exception ex) when (ex is SigningKeyException or PdfSigningException)
        {
            // The token, the remote service or the time-stamp authority failed: nothing is recorded, the officer can try again.
            return new ResultSigning(null, t["Không ký số được kết quả: {0}", ex.Message]);
        }

        var blob = await files.SaveAsync(new MemoryStream(bytes), ct);
        if (await db.StoredFiles.FindAsync([blob.Sha256], ct) is null && !db.StoredFiles.Local.Any(f => f.Sha256 == blob.Sha256))
        {
            db.StoredFiles.Add(new StoredFile { Sha256 = blob.Sha256, Size = blob.Size, ContentType = ResultFiles.PdfContentType, CreatedAt = nowUtc });
        }

        var signed = new UploadedFile
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            OwnerUserId = ownerUserId,
            Sha256 = blob.Sha256,
            FileName = $"ket-qua-{dossier.ResultCode}.pdf",
            ContentType = ResultFiles.PdfContentType,
            Size = blob.Size,
            CreatedAtUtc = nowUtc,
        };
        db.UploadedFiles.Add(signed);
        var thumbprint = (await signer.CertificateAsync(ct)).Thumbprint;
        // One signed result per dossier: a result recorded again replaces the bytes every download serves.
        var row = await db.SignedResults.SingleOrDefaultAsync(s => s.DossierId == dossier.Id, ct);
        if (row is null)
        {
            db.SignedResults.Add(new SignedResult
            {
                DossierId = dossier.Id,
                DossierCode = dossier.Code,
                ResultCode = dossier.ResultCode!,
                Sha256 = blob.Sha256,
                CertificateThumbprint = thumbprint,
                SignedAtUtc = nowUtc,
            });
        }
        else
        {
            row.ResultCode = dossier.ResultCode!;
            row.Sha256 = blob.Sha256;
            row.CertificateThumbprint = thumbprint;
            row.SignedAtUtc = nowUtc;
        }

        return new ResultSigning(signed.Id, null);
    }

    private async Task<PdfDocument?> OpenAsync(string sha256, CancellationToken ct)
    {
        if (files.Open(sha256) is not { } stream)
        {
            return null;
        }

        await using (stream)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            copy.Position = 0;
            try
            {
                return PdfReader.Open(copy, PdfDocumentOpenMode.Modify);
            }
            catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or NotImplementedException or ArgumentException)
            {
                return null;
            }
        }
    }
}
