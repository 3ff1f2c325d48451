using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Forms;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MotCua.Web.Features.Results;

public sealed record PostalRequest(string? RecipientName, string? Phone, string? Address);

public sealed record ResultInfo(string Code, string Status, bool Electronic, bool Available, bool IsSigned, string? ResultCode, PostalRequest? Postal, bool CanRequestPost, string? DownloadUrl);

/// <summary>Results online: the signed PDF for procedures whose result is electronic, or return by post to an address.</summary>
public sealed class ElectronicResults(
    AppDbContext db, IFileStore files, PdfSigner signer, ActOnDossier act, TimeProvider time, IStringLocalizer<SharedResource> t,
    IConfiguration config, IHttpContextAccessor http)
{
    public abstract record Outcome;

    public sealed record File(byte[] Bytes, string FileName) : Outcome;

    public sealed record Recorded(ResultInfo Info) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Conflict(string Message) : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<ResultInfo?> InfoAsync(string code, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Dossiers.AsNoTracking().Visible(user).SingleOrDefaultAsync(x => x.Code == code, ct);
        if (d is null)
        {
            return null;
        }

        var electronic = await IsElectronicAsync(d, ct);
        var available = electronic && d.Status is DossierStatus.ResultReady or DossierStatus.Returned && d.ResultCode is not null;
        var signed = await db.SignedResults.AnyAsync(s => s.DossierId == d.Id, ct);
        var postal = await db.ResultDeliveries.AsNoTracking().Where(r => r.DossierId == d.Id)
            .Select(r => new PostalRequest(r.RecipientName, r.Phone, r.Address)).SingleOrDefaultAsync(ct);
        return new ResultInfo(d.Code, d.Status.ToString(), electronic, available, signed, d.ResultCode, postal, CanRequestPost(d),
            available ? $"/api/v1/dossiers/{Uri.EscapeDataString(d.Code)}/result.pdf" : null);
    }

    /// <summary>The signed result; the applicant's first download at ResultReady returns the result online (a history event).</summary>
    public async Task<Outcome> DownloadAsync(string code, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Dossiers.AsNoTracking().Visible(user).Include(x => x.ReceivingUnit).SingleOrDefaultAsync(x => x.Code == code, ct);
        if (d is null)
        {
            return new NotFound();
        }

        if (!await IsElectronicAsync(d, ct))
        {
            return new Conflict(t["Thủ tục này trả kết quả bản giấy; vui lòng nhận tại bộ phận một cửa hoặc qua bưu chính."]);
        }

        if (d.Status is not (DossierStatus.ResultReady or DossierStatus.Returned) || d.ResultCode is null)
        {
            return new Conflict(t["Hồ sơ chưa có kết quả (đang: {0}).", t[d.Status.Label()]]);
        }

        SignedResult signed;
        try
        {
            signed = await db.SignedResults.AsNoTracking().SingleOrDefaultAsync(s => s.DossierId == d.Id, ct) ?? await SignAsync(d, ct);
        }
        catch (Exception ex) when (ex is SigningKeyException or PdfSigningException)
        {
            return new Conflict(t["Chưa ký số được kết quả, vui lòng thử lại sau: {0}", ex.Message]);
        }

        var applicant = user.IsInRole(Roles.Citizen) && d.ApplicantUserId == user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (applicant && d.Status == DossierStatus.ResultReady)
        {
            db.ChangeTracker.Clear();
            // A concurrent return (desk, another download) answers 409 in ActOnDossier; the file is still the applicant's.
            await act.HandleAsSystemAsync(d.Code, new ActionRequest("return-result", t["Người nộp đã nhận kết quả điện tử có chữ ký số."], ReturnChannel: "online"), null, ct);
        }

        await using var stream = files.Open(signed.Sha256) ?? throw new InvalidOperationException($"Signed result {signed.Sha256} is missing from the file store.");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return new File(copy.ToArray(), $"ket-qua-{signed.ResultCode}.pdf");
    }

    /// <summary>The applicant asks for the result by post; recorded (latest address wins) with a history event, shown to the desk.</summary>
    public async Task<Outcome> RequestPostAsync(string code, PostalRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Dossiers.Visible(user).SingleOrDefaultAsync(x => x.Code == code, ct);
        if (d is null)
        {
            return new NotFound();
        }

        if (!user.IsInRole(Roles.Citizen) && !user.IsInRole(Roles.Desk))
        {
            return new Conflict(t["Chỉ người nộp hồ sơ hoặc cán bộ một cửa ghi nhận yêu cầu trả kết quả qua bưu chính."]);
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.RecipientName) || body.RecipientName.Trim().Length > 200)
        {
            errors["recipientName"] = [t["Nhập họ tên người nhận (tối đa 200 ký tự)."]];
        }

        if (string.IsNullOrWhiteSpace(body.Address) || body.Address.Trim().Length is < 10 or > 500)
        {
            errors["address"] = [t["Nhập địa chỉ nhận kết quả đầy đủ (số nhà, thôn/xóm, xã, tỉnh), từ 10 đến 500 ký tự."]];
        }

        if (!string.IsNullOrWhiteSpace(body.Phone) && !System.Text.RegularExpressions.Regex.IsMatch(body.Phone.Trim(), @"^(0|\+84)\d{9}$"))
        {
            errors["phone"] = [t["Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84)."]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        if (!CanRequestPost(d))
        {
            return new Conflict(t["Hồ sơ đã trả kết quả hoặc đã kết thúc, không thể đổi cách nhận kết quả."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var delivery = await db.ResultDeliveries.SingleOrDefaultAsync(r => r.DossierId == d.Id, ct);
        if (delivery is null)
        {
            delivery = new ResultDelivery { DossierId = d.Id, DossierCode = d.Code, UnitPath = d.ReceivingUnitPath, RecipientName = "", Address = "" };
            db.ResultDeliveries.Add(delivery);
        }

        delivery.RecipientName = body.RecipientName!.Trim();
        delivery.Phone = string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim();
        delivery.Address = body.Address!.Trim();
        delivery.RequestedAtUtc = now;
        d.Version++;
        DossierHistory.Append(db, d, Actor.From(user)!, now, new("request-postal-return", d.Status, t["Yêu cầu trả kết quả qua bưu chính công ích."]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            return new Conflict(t["Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại."]);
        }

        return new Recorded((await InfoAsync(code, user, ct))!);
    }

    internal static bool CanRequestPost(Dossier d) => d.Status.IsOpen() && d.Status != DossierStatus.AwaitingReception;

    private async Task<bool> IsElectronicAsync(Dossier d, CancellationToken ct) =>
        await db.Procedures.AsNoTracking().Where(p => p.Id == d.ProcedureId).Select(p => p.ResultKind).SingleOrDefaultAsync(ct) is ResultKind.Electronic or ResultKind.Both;

    private async Task<SignedResult> SignAsync(Dossier d, CancellationToken ct)
    {
        var document = await OpenOriginalAsync(await ResultFiles.ShaOfAsync(db, d.ResultFileId, ct)) ?? await ComposeAsync(d, ct);
        var bytes = await signer.SignAsync(document, $"Kết quả giải quyết hồ sơ {d.Code}", d.ReceivingUnit!.Name, ct);
        document.Dispose();
        var blob = await files.SaveAsync(new MemoryStream(bytes), ct);
        var now = time.GetUtcNow().UtcDateTime;
        var row = new SignedResult
        {
            DossierId = d.Id,
            DossierCode = d.Code,
            ResultCode = d.ResultCode!,
            Sha256 = blob.Sha256,
            CertificateThumbprint = (await signer.CertificateAsync(ct)).Thumbprint,
            SignedAtUtc = now,
        };
        var tracked = await db.Dossiers.SingleAsync(x => x.Id == d.Id, ct);
        db.SignedResults.Add(row);
        if (await db.StoredFiles.FindAsync([blob.Sha256], ct) is null)
        {
            db.StoredFiles.Add(new StoredFile { Sha256 = blob.Sha256, Size = blob.Size, ContentType = "application/pdf", CreatedAt = now });
        }

        tracked.ElectronicResult = true;
        tracked.Version++;
        DossierHistory.Append(db, tracked, Actor.System, now, new("sign-result", tracked.Status, t["Kết quả điện tử {0} đã được ký số.", d.ResultCode!], [blob.Sha256]));
        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            // Signed twice at once: keep the first; the other copy stays unreferenced in the content store.
            db.ChangeTracker.Clear();
            return await db.SignedResults.AsNoTracking().SingleAsync(s => s.DossierId == d.Id, ct);
        }
    }

    /// <summary>
    /// A result recorded before issue 20 (results are signed when recorded since): its file, when the reference is a PDF in the
    /// file store that PDFsharp can open for modification; a typed file code composes the notice instead.
    /// </summary>
    private async Task<PdfDocument?> OpenOriginalAsync(string? sha)
    {
        if (sha is null || files.Open(sha) is not { } stream)
        {
            return null;
        }

        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            copy.Position = 0;
            try
            {
                return PdfReader.Open(copy, PdfDocumentOpenMode.Modify);
            }
            catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or NotImplementedException)
            {
                return null;
            }
        }
    }

    /// <summary>The result notice laid out like the legal forms, when no signable original PDF was recorded.</summary>
    private async Task<PdfDocument> ComposeAsync(Dossier d, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var header = await DossierForms.HeaderAsync(db, d.ReceivingUnit!, d.FinishedOn ?? today, ct);
        var approver = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id && e.Action == "approve")
            .OrderByDescending(e => e.Sequence).Select(e => e.ActorName).FirstOrDefaultAsync(ct);
        var layout = new FormLayout(header, "KQ", $"Số: {d.ResultCode}", "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", $"Mã hồ sơ: {d.Code}",
        [
            Para.Field("Người nhận kết quả", d.Applicant.FullName),
            Para.Field("Thủ tục", $"{d.ProcedureName} (mã thủ tục {d.ProcedureCode})"),
            Para.Field("Kết quả", $"Hồ sơ đã được giải quyết và phê duyệt ngày {FormText.Date(d.FinishedOn)}."),
            Para.Field("Mã kết quả", d.ResultCode),
            Para.Field("Tệp kết quả gốc", d.ResultFileId),
            Para.Of("Bản điện tử có chữ ký số của cơ quan giải quyết có giá trị pháp lý như bản giấy; kiểm tra chữ ký trong phần mềm đọc PDF hoặc quét mã QR để kiểm tra tại trang Kiểm tra chữ ký số.", italic: true),
            Para.Of("Bản trình diễn (demo): chữ ký số dùng chứng thư tự cấp, không có giá trị pháp lý.", italic: true),
            new Signatures([new Signature("NGƯỜI PHÊ DUYỆT", "(Đã ký số)", approver ?? "")]),
        ]);
        return FormPdf.Compose(layout, VerifyLink(d.ResultCode!), $"Kết quả {d.ResultCode}");
    }

    /// <summary>The QR code opens the public check of this result (/Verify?code=…), where anyone compares the file they hold.</summary>
    private string VerifyLink(string resultCode)
    {
        var configured = config["Notifications:PublicBaseUrl"];
        var origin = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : http.HttpContext?.Request is { } r ? $"{r.Scheme}://{r.Host}{r.PathBase}" : "";
        return $"{origin}/Verify?code={Uri.EscapeDataString(resultCode)}";
    }
}
