using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Documents;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>
/// An outgoing draft (dự thảo): the header as for an issued document, and the draft itself as a PDF uploaded through
/// <c>POST /api/v1/files</c> (<see cref="FileId"/>) or written as text the system lays out (<see cref="Text"/>); optionally
/// the incoming document it answers.
/// </summary>
public sealed record DraftRequest(
    string? Type, string? Issuer, string? IssuerAbbreviation, string? DrafterAbbreviation, string? Subject, string? Signer, string? Recipients,
    string? Urgency, string? Secrecy, string? FileId, string? Text, long? RepliesToId);

/// <summary>A returned draft sent to the leader again, with its new version (a PDF or text).</summary>
public sealed record ResubmitRequest(string? FileId, string? Text, string? Note);

/// <summary>One draft waiting in the unit: for the leader's signature, back with the drafter, or signed and waiting for the clerk.</summary>
public sealed record DraftRow(long Id, string Type, string TypeName, string Subject, string Status, string DrafterName, string? ReturnNote, DateTime CreatedAtUtc, long? RepliesToId);

/// <summary>Drafting an outgoing document: any staff member drafts (often the holder of the incoming document it answers); no number yet.</summary>
public sealed class DraftDocument(
    AppDbContext db, TimeProvider time, ReadDocuments reads, RegisterDocument register, IEnumerable<IFileReadGrant> grants, IFileStore files,
    IConfiguration config, IHttpContextAccessor http, IStringLocalizer<SharedResource> t)
{
    public const int MaxTextLength = 20_000;

    public abstract record Outcome;

    public sealed record Drafted(DocumentView Document) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> CreateAsync(DraftRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        if (register.Header(body.Type, body.Issuer, body.Subject, body.Signer, body.Recipients, today, today, body.Urgency, body.Secrecy) is { } bad)
        {
            return new Invalid(bad.Field, bad.Message);
        }

        if (!DocumentRules.IsAbbreviation(body.IssuerAbbreviation))
        {
            return new Invalid("issuerAbbreviation", t["Nhập chữ viết tắt tên cơ quan ban hành (chữ in hoa, không dấu cách), ví dụ UBND."]);
        }

        if (!string.IsNullOrEmpty(body.DrafterAbbreviation) && !DocumentRules.IsAbbreviation(body.DrafterAbbreviation))
        {
            return new Invalid("drafterAbbreviation", t["Chữ viết tắt đơn vị soạn thảo gồm chữ in hoa và số, ví dụ VP."]);
        }

        var (upload, text, badContent) = await ContentAsync(body.FileId, body.Text, user, ct);
        if (badContent is not null)
        {
            return badContent;
        }

        if (body.RepliesToId is { } replyTo
            && !await reads.Visible(user).AnyAsync(d => d.Id == replyTo && d.Direction == DocumentDirection.Incoming, ct))
        {
            return new Invalid("repliesToId", t["Không có văn bản đến này trong đơn vị của bạn."]);
        }

        if (user.UnitId() is not { } unitId || user.UnitPath() is not { } unitPath)
        {
            return new Invalid("unit", t["Tài khoản chưa thuộc đơn vị nào nên không vào sổ văn bản được."]);
        }

        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var parent = unit.ParentId is { } pid ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == pid, ct) : null;
        var secrecy = DocumentRules.SecrecyCodes[body.Secrecy ?? "thuong"];
        var now = time.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        var id = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var doc = new OfficialDocument
            {
                Direction = DocumentDirection.Outgoing,
                UnitId = unitId,
                UnitPath = unitPath,
                Book = DocumentRules.OutgoingBookFor(secrecy),
                Year = today.Year,
                Number = 0,
                Notation = "",
                Issuer = body.Issuer!.Trim(),
                IssuedOn = today,
                TypeCode = DocumentTypes.Find(body.Type)!.Code,
                Subject = body.Subject!.Trim(),
                Signer = body.Signer!.Trim(),
                Recipients = string.IsNullOrWhiteSpace(body.Recipients) ? null : body.Recipients.Trim(),
                Urgency = DocumentRules.UrgencyCodes[body.Urgency ?? "thuong"],
                Secrecy = secrecy,
                Status = DocumentStatus.Draft,
                RepliesToId = body.RepliesToId,
                SearchText = RegisterDocument.Search(body.Subject!, ""),
                CreatedBy = DocumentHistory.ActorId(user),
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            db.OfficialDocuments.Add(doc);
            await db.SaveChangesAsync(ct);
            var draft = new DocumentDraft
            {
                DocumentId = doc.Id,
                DrafterId = DocumentHistory.ActorId(user),
                DrafterName = DocumentHistory.ActorName(user),
                IssuerAbbreviation = body.IssuerAbbreviation!,
                DrafterAbbreviation = string.IsNullOrEmpty(body.DrafterAbbreviation) ? null : body.DrafterAbbreviation,
            };
            db.DocumentDrafts.Add(draft);
            var file = upload ?? await DraftFiles.StoreAsync(db, files,
                DraftFiles.Render(doc, draft, unit, parent, text!, VerifyUrl(doc.Id)), $"du-thao-{doc.Id}.pdf", draft.DrafterId, now, ct);
            doc.Attachments.Add(new DocumentAttachment { FileId = file.Id, FileName = file.FileName, ContentType = DraftFiles.PdfContentType });
            await DocumentHistory.AppendAsync(db, doc, user, now, "draft", body.RepliesToId is { } r ? $"Trả lời văn bản đến #{r}" : null, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return doc.Id;
        });
        return new Drafted((await reads.OneAsync(id, user, ct))!);
    }

    /// <summary>The drafter sends a returned draft again with a new version; the leader's note is answered.</summary>
    public async Task<Outcome> ResubmitAsync(long id, ResubmitRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.Note is { Length: > 2000 })
        {
            return new Invalid("note", t["Ghi chú tối đa 2000 ký tự."]);
        }

        var (upload, text, badContent) = await ContentAsync(body.FileId, body.Text, user, ct);
        if (badContent is not null)
        {
            return badContent;
        }

        var doc = await db.OfficialDocuments.Include(d => d.Attachments).SingleOrDefaultAsync(d => d.Id == id && d.UnitPath.StartsWith(user.ScopePath()), ct);
        var draft = doc is null ? null : await db.DocumentDrafts.SingleOrDefaultAsync(x => x.DocumentId == id, ct);
        if (doc is null || draft is null)
        {
            return new NotFound();
        }

        if (draft.DrafterId != DocumentHistory.ActorId(user))
        {
            return new Refused(t["Chỉ người soạn thảo gửi lại dự thảo."]);
        }

        if (doc.Status != DocumentStatus.Draft || draft.ReturnNote is null)
        {
            return new Refused(t["Chỉ gửi lại dự thảo đã bị trả lại."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == doc.UnitId, ct);
        var parent = unit.ParentId is { } pid ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == pid, ct) : null;
        var file = upload ?? await DraftFiles.StoreAsync(db, files,
            DraftFiles.Render(doc, draft, unit, parent, text!, VerifyUrl(doc.Id)), $"du-thao-{doc.Id}.pdf", draft.DrafterId, now, ct);
        var main = doc.Attachments.OrderBy(a => a.Id).First();
        main.FileId = file.Id;
        main.FileName = file.FileName;
        draft.ReturnNote = null;
        doc.UpdatedAtUtc = now;
        await DocumentHistory.AppendAsync(db, doc, user, now, "resubmit", string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), ct);
        return await DraftSaving.SaveAsync(db, t, ct) is { } conflict ? new Refused(conflict) : new Drafted((await reads.OneAsync(id, user, ct))!);
    }

    /// <summary>The drafts of the caller's unit subtree not yet issued, the ones returned to the caller first.</summary>
    public async Task<DraftRow[]> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = DocumentHistory.ActorId(user);
        var rows = await reads.Visible(user).Where(d => d.Status == DocumentStatus.Draft || d.Status == DocumentStatus.LeaderSigned)
            .Join(db.DocumentDrafts, d => d.Id, x => x.DocumentId, (d, x) => new { d.Id, d.TypeCode, d.Subject, d.Status, x.DrafterId, x.DrafterName, x.ReturnNote, d.CreatedAtUtc, d.RepliesToId })
            .OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.DrafterId == me && r.ReturnNote != null).ThenByDescending(r => r.Id)
            .Select(r => new DraftRow(r.Id, r.TypeCode, DocumentTypes.Find(r.TypeCode)?.Name ?? r.TypeCode, r.Subject, ReadDocuments.Status(r.Status), r.DrafterName, r.ReturnNote, r.CreatedAtUtc, r.RepliesToId))];
    }

    /// <summary>Exactly one of an uploaded PDF the caller may read, or text to lay out.</summary>
    private async Task<(UploadedFile? Upload, string? Text, Invalid? Error)> ContentAsync(string? fileId, string? text, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fileId) == string.IsNullOrWhiteSpace(text))
        {
            return (null, null, new Invalid("fileId", t["Tải lên tệp PDF dự thảo hoặc nhập nội dung dự thảo (một trong hai)."]));
        }

        if (text is not null && !string.IsNullOrWhiteSpace(text))
        {
            return text.Length > MaxTextLength
                ? (null, null, new Invalid("text", t["Nội dung dự thảo tối đa {0} ký tự.", MaxTextLength]))
                : (null, text, null);
        }

        if (fileId is not { Length: <= 64 } || await FilesApi.FindReadableAsync(db, grants, fileId, user, ct) is not { } file)
        {
            return (null, null, new Invalid("fileId", t["Tệp dự thảo không tồn tại hoặc bạn không có quyền dùng."]));
        }

        if (file.ContentType != DraftFiles.PdfContentType || await DraftFiles.ReadAsync(db, files, file.Id, ct) is not { } bytes || PdfSignatureReader.Read(bytes) is null)
        {
            return (null, null, new Invalid("fileId", t["Dự thảo phải là tệp PDF đọc được (để ký số)."]));
        }

        return (file, null, null);
    }

    private string VerifyUrl(long documentId)
    {
        var configured = config["Notifications:PublicBaseUrl"];
        var origin = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : http.HttpContext?.Request is { } r ? $"{r.Scheme}://{r.Host}{r.PathBase}" : "";
        return $"{origin}/Verify?code={DraftFiles.VerifyCode(documentId)}";
    }
}

/// <summary>Saves a step of a draft; a concurrent step on the same document (the history's unique sequence) is a conflict, not a lost event.</summary>
internal static class DraftSaving
{
    public static async Task<string?> SaveAsync(AppDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return t["Văn bản vừa được người khác cập nhật; tải lại và thử lại."];
        }
    }
}
