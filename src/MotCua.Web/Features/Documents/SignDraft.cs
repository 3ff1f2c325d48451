using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Documents;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>Why the leader returns a draft to its drafter.</summary>
public sealed record ReturnRequest(string? Note);

/// <summary>
/// The leader of the unit approves and signs a draft (a PAdES signature with the instance's key, see docs/signing.md), or
/// returns it to the drafter with a note. The signed PDF replaces the draft as the document's main file.
/// </summary>
public sealed class SignDraft(AppDbContext db, TimeProvider time, ReadDocuments reads, PdfSigner signer, IFileStore files, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Done(DocumentView Document) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> SignAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (doc, draft, error) = await WaitingAsync(id, user, ct);
        if (error is not null)
        {
            return error;
        }

        var main = doc!.Attachments.OrderBy(a => a.Id).First();
        if (await DraftFiles.ReadAsync(db, files, main.FileId, ct) is not { } pdf)
        {
            return new Refused(t["Không đọc được tệp dự thảo để ký số."]);
        }

        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == doc.UnitId).Select(u => u.Name).SingleAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        byte[] signed;
        try
        {
            signed = await signer.SignPdfAsync(pdf, new SignOptions($"Lãnh đạo ký ban hành: {Shorten(doc.Subject)}", unitName), ct);
        }
        catch (Exception ex) when (ex is SigningKeyException or PdfSigningException)
        {
            // The token, the remote service or the time-stamp authority failed: nothing changes, the leader can sign again.
            return new Refused(t["Không ký số được: {0}", ex.Message]);
        }

        var file = await DraftFiles.StoreAsync(db, files, signed, $"du-thao-{doc.Id}-da-ky.pdf", DocumentHistory.ActorId(user), now, ct);
        main.FileId = file.Id;
        main.FileName = file.FileName;
        doc.Status = DocumentStatus.LeaderSigned;
        doc.Signer = DocumentHistory.ActorName(user);
        doc.UpdatedAtUtc = now;
        draft!.SignedById = DocumentHistory.ActorId(user);
        draft.SignedAtUtc = now;
        await DocumentHistory.AppendAsync(db, doc, user, now, "sign", $"SHA-256 {file.Sha256[..16]}…", ct);
        return await DraftSaving.SaveAsync(db, t, ct) is { } conflict ? new Refused(conflict) : new Done((await reads.OneAsync(id, user, ct))!);
    }

    public async Task<Outcome> ReturnAsync(long id, ReturnRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Note) || body.Note.Length > 2000)
        {
            return new Invalid("note", t["Nhập lý do trả lại dự thảo (tối đa 2000 ký tự)."]);
        }

        var (doc, draft, error) = await WaitingAsync(id, user, ct);
        if (error is not null)
        {
            return error;
        }

        var now = time.GetUtcNow().UtcDateTime;
        draft!.ReturnNote = body.Note.Trim();
        doc!.UpdatedAtUtc = now;
        await DocumentHistory.AppendAsync(db, doc, user, now, "return", body.Note.Trim(), ct);
        return await DraftSaving.SaveAsync(db, t, ct) is { } conflict ? new Refused(conflict) : new Done((await reads.OneAsync(id, user, ct))!);
    }

    /// <summary>A draft of the leader's subtree waiting for the signature: not returned, not yet signed.</summary>
    private async Task<(OfficialDocument? Doc, DocumentDraft? Draft, Outcome? Error)> WaitingAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var doc = await db.OfficialDocuments.Include(d => d.Attachments).SingleOrDefaultAsync(d => d.Id == id && d.UnitPath.StartsWith(user.ScopePath()), ct);
        var draft = doc is null ? null : await db.DocumentDrafts.SingleOrDefaultAsync(x => x.DocumentId == id, ct);
        if (doc is null || draft is null)
        {
            return (null, null, new NotFound());
        }

        if (!user.IsInRole(Roles.Leader) && !user.IsInRole(Roles.Admin))
        {
            return (null, null, new Refused(t["Chỉ lãnh đạo đơn vị ký hoặc trả lại dự thảo."]));
        }

        if (doc.Status != DocumentStatus.Draft)
        {
            return (null, null, new Refused(t["Dự thảo đã được ký; không ký hoặc trả lại lần nữa."]));
        }

        if (draft.ReturnNote is not null)
        {
            return (null, null, new Refused(t["Dự thảo đã trả lại người soạn thảo; chờ họ gửi lại."]));
        }

        return (doc, draft, null);
    }

    internal static string Shorten(string subject) => subject.Length <= 120 ? subject : subject[..119] + "…";
}

/// <summary>
/// The clerk (văn thư) issues a signed draft on the day (ND 30/2020 Điều 15, 16): the số and ký hiệu from the unit's locked
/// counter, then the agency's signature added by incremental update (the leader's stays valid), whose reason records the
/// number and date; the file is stored as the document's main attachment and registered for public verification.
/// </summary>
public sealed class IssueDraft(AppDbContext db, TimeProvider time, ReadDocuments reads, PdfSigner signer, IFileStore files, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Issued(DocumentView Document) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Refused(string Message) : Outcome;

    /// <summary>The văn thư's roles: the desk officer (one-stop office, which keeps the registers in a commune) and the administrator.</summary>
    public static bool IsClerk(ClaimsPrincipal user) => user.IsInRole(Roles.Desk) || user.IsInRole(Roles.Admin);

    public async Task<Outcome> HandleAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var found = await db.OfficialDocuments.AsNoTracking().Where(d => d.Id == id && d.UnitPath.StartsWith(scope))
            .Select(d => new { d.UnitId, d.Book, HasDraft = db.DocumentDrafts.Any(x => x.DocumentId == d.Id) }).SingleOrDefaultAsync(ct);
        if (found is not { HasDraft: true })
        {
            return new NotFound();
        }

        if (!IsClerk(user))
        {
            return new Refused(t["Chỉ văn thư (cán bộ một cửa) cấp số và phát hành văn bản."]);
        }

        var today = VietnamTime.Today(time);
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == found.UnitId).Select(u => u.Name).SingleAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        var refusal = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The counter first: its lock orders concurrent issues, so the status read next is the one the earlier issue committed.
            var number = await DocumentNumbers.NextAsync(db, found.UnitId, found.Book, today.Year, ct);
            var doc = await db.OfficialDocuments.Include(d => d.Attachments).SingleAsync(d => d.Id == id, ct);
            var draft = await db.DocumentDrafts.SingleAsync(x => x.DocumentId == id, ct);
            if (doc.Status != DocumentStatus.LeaderSigned)
            {
                return doc.Status == DocumentStatus.Issued ? t["Văn bản đã được cấp số và phát hành."].Value : t["Chỉ phát hành dự thảo đã được lãnh đạo ký."].Value;
            }

            var notation = DocumentRules.Notation(number, DocumentTypes.Find(doc.TypeCode)!, draft.IssuerAbbreviation, draft.DrafterAbbreviation);
            var main = doc.Attachments.OrderBy(a => a.Id).First();
            if (await DraftFiles.ReadAsync(db, files, main.FileId, ct) is not { } pdf)
            {
                return t["Không đọc được tệp đã ký để phát hành."].Value;
            }

            byte[] issued;
            try
            {
                // ND 30 lets the clerk fill the number when signing as the agency: the agency signature carries it, as does the register.
                issued = await signer.SignPdfAsync(pdf, new SignOptions(
                    $"Văn thư phát hành: số {notation}, ngày {today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", unitName), ct);
            }
            catch (Exception ex) when (ex is SigningKeyException or PdfSigningException)
            {
                return t["Không ký số được: {0}", ex.Message].Value;
            }

            var file = await DraftFiles.StoreAsync(db, files, issued, notation.Replace('/', '_') + ".pdf", DocumentHistory.ActorId(user), now, ct);
            main.FileId = file.Id;
            main.FileName = file.FileName;
            doc.Year = today.Year;
            doc.Number = number;
            doc.Notation = notation;
            doc.IssuedOn = today;
            doc.Status = DocumentStatus.Issued;
            doc.SearchText = RegisterDocument.Search(doc.Subject, notation);
            doc.UpdatedAtUtc = now;
            draft.IssuedSha256 = file.Sha256;
            draft.IssuedAtUtc = now;
            draft.CertificateThumbprint = (await signer.CertificateAsync(ct)).Thumbprint;
            await DocumentHistory.AppendAsync(db, doc, user, now, "issue", $"Số {notation}; chữ ký số của cơ quan", ct);
            if (doc.RepliesToId is { } answered && await db.OfficialDocuments.SingleOrDefaultAsync(d => d.Id == answered, ct) is { } incoming)
            {
                await DocumentHistory.AppendAsync(db, incoming, user, now, "reply", $"Văn bản đi {notation}", ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        });
        return refusal is not null ? new Refused(refusal) : new Issued((await reads.OneAsync(id, user, ct))!);
    }
}

/// <summary>Issued drafts for public verification: a file is "issued by the system" when its SHA-256 is an issued document's.</summary>
public sealed class IssuedDocuments(AppDbContext db) : IIssuedFiles
{
    public Task<IssuedFile?> FindBySha256Async(string sha256, CancellationToken ct) => FindAsync(db.DocumentDrafts.Where(x => x.IssuedSha256 == sha256), ct);

    public Task<IssuedFile?> FindByCodeAsync(string code, CancellationToken ct) =>
        DraftFiles.IdOfVerifyCode(code) is { } id ? FindAsync(db.DocumentDrafts.Where(x => x.DocumentId == id && x.IssuedSha256 != null), ct) : Task.FromResult<IssuedFile?>(null);

    private async Task<IssuedFile?> FindAsync(IQueryable<DocumentDraft> rows, CancellationToken ct)
    {
        // What a reader of the document sees on its face: số ký hiệu, kind, issuing unit and date; not the trích yếu (it may name people).
        var found = await rows.AsNoTracking()
            .Join(db.OfficialDocuments, x => x.DocumentId, d => d.Id, (x, d) => new { x, d.Notation, d.TypeCode, d.UnitId, d.IssuedOn })
            .Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new { r.x, r.Notation, r.TypeCode, r.IssuedOn, u.Name })
            .FirstOrDefaultAsync(ct);
        return found is null
            ? null
            : new IssuedFile("document", found.Notation, $"{DocumentTypes.Find(found.TypeCode)?.Name ?? found.TypeCode} số {found.Notation} ngày {found.IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
                found.Name, found.x.IssuedAtUtc!.Value, found.x.IssuedSha256!, found.x.CertificateThumbprint);
    }
}
