using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Documents;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

public sealed record AttachmentView(string FileId, string FileName, string ContentType, string Url);

public sealed record HolderView(long Id, string UserId, string UserName, string Role, DateOnly DueDate, bool Closed, bool Overdue, string? LastProgress);

public sealed record DocumentEventView(int Sequence, DateTime AtUtc, string ActorName, string Action, string? Note);

/// <summary>One registered document with its header (ND 30/2020 Điều 8), holders and history.</summary>
public sealed record DocumentView(
    long Id, string Direction, string UnitCode, string UnitName, string Book, int Year, int Number, string Notation, string Issuer, DateOnly IssuedOn,
    DateOnly? ReceivedOn, string Type, string TypeName, string Subject, string Signer, string? Recipients, string Urgency, string Secrecy, string Status,
    AttachmentView[] Attachments, HolderView[] Holders, DocumentEventView[] History, DraftView? Draft = null)
{
    /// <summary>Where the document went or came from over edXML, with the status packages per recipient (issue 23.5).</summary>
    public DocumentExchangeView[] Exchanges { get; init; } = [];
}

/// <summary>
/// How a drafted outgoing document came to be: its drafter, the leader's return note, the signing and issuing times, the incoming
/// document it answers, and once issued the code of its public check (<c>/Verify?code=</c>).
/// </summary>
public sealed record DraftView(
    string DrafterId, string DrafterName, string? ReturnNote, DateTime? SignedAtUtc, DateTime? IssuedAtUtc, long? RepliesToId, string? RepliesToNotation,
    string? VerifyCode, string? IssuedSha256);

public sealed record DocumentRow(
    long Id, string Direction, int Year, int Number, string Notation, string Issuer, DateOnly IssuedOn, DateOnly? ReceivedOn, string Type, string Subject,
    string Urgency, string Status, string UnitCode);

public sealed record DocumentPage(DocumentRow[] Items, int Total, int Page, int PageSize);

/// <summary>Reads documents inside the caller's unit subtree; a document outside it is the same "not found" as a missing id.</summary>
public sealed class ReadDocuments(AppDbContext db, TimeProvider time)
{
    public const int MaxPageSize = 100;

    public IQueryable<OfficialDocument> Visible(ClaimsPrincipal user)
    {
        var scope = user.ScopePath();
        var me = DocumentHistory.ActorId(user);
        // A holder assigned from a parent unit sees the document even outside their own subtree.
        return db.OfficialDocuments.AsNoTracking().Where(d => d.UnitPath.StartsWith(scope) || d.Assignments.Any(a => a.UserId == me));
    }

    public async Task<DocumentView?> OneAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await Visible(user).Include(x => x.Attachments).Include(x => x.Assignments).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return null;
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == d.UnitId).Select(u => new { u.Code, u.Name }).SingleAsync(ct);
        var history = await db.DocumentEvents.AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.Sequence)
            .Select(e => new DocumentEventView(e.Sequence, e.AtUtc, e.ActorName, e.Action, e.Note)).ToArrayAsync(ct);
        var today = VietnamTime.Today(time);
        var type = DocumentTypes.Find(d.TypeCode);
        var draft = await db.DocumentDrafts.AsNoTracking().SingleOrDefaultAsync(x => x.DocumentId == id, ct);
        var repliesTo = d.RepliesToId is { } r ? await Visible(user).Where(x => x.Id == r).Select(x => x.Notation).SingleOrDefaultAsync(ct) : null;
        return new DocumentView(
            d.Id, Direction(d.Direction), unit.Code, unit.Name, d.Book, d.Year, d.Number, d.Notation, d.Issuer, d.IssuedOn, d.ReceivedOn, d.TypeCode,
            type?.Name ?? d.TypeCode, d.Subject, d.Signer, d.Recipients, DocumentRules.Code(d.Urgency), DocumentRules.Code(d.Secrecy), Status(d.Status),
            [.. d.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.FileId, a.FileName, a.ContentType, $"/api/v1/files/{a.FileId}"))],
            [.. d.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Id).Select(a => new HolderView(
                a.Id, a.UserId, a.UserName, DocumentRules.Code(a.Role), a.DueDate, a.ClosedAtUtc is not null,
                DocumentRules.IsOverdue(a.DueDate, today, a.ClosedAtUtc is not null) && a.Role != HolderRole.Info, a.LastProgress))],
            history,
            draft is null ? null : new DraftView(draft.DrafterId, draft.DrafterName, draft.ReturnNote, draft.SignedAtUtc, draft.IssuedAtUtc, d.RepliesToId, repliesTo,
                draft.IssuedSha256 is null ? null : DraftFiles.VerifyCode(d.Id), draft.IssuedSha256))
        {
            Exchanges = await DocumentExchangeReads.ForAsync(db, id, ct),
        };
    }

    /// <summary>
    /// A page of the registers, newest first. <paramref name="q"/> matches trích yếu and số ký hiệu without diacritics;
    /// <paramref name="from"/>/<paramref name="to"/> bound the registration date (ngày đến, or ngày ban hành for outgoing documents).
    /// </summary>
    public async Task<DocumentPage> ListAsync(ClaimsPrincipal user, string? q, DocumentDirection? direction, DateOnly? from, DateOnly? to, int page, int pageSize, CancellationToken ct)
    {
        // Drafts are not in the registers until the clerk numbers them (/Documents/Draft lists them).
        var query = Visible(user).Where(d => d.Status != DocumentStatus.Draft && d.Status != DocumentStatus.LeaderSigned);
        if (direction is { } dir)
        {
            query = query.Where(d => d.Direction == dir);
        }

        foreach (var word in TextFolding.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            query = query.Where(d => d.SearchText.Contains(word));
        }

        if (from is { } f)
        {
            query = query.Where(d => (d.ReceivedOn ?? d.IssuedOn) >= f);
        }

        if (to is { } t2)
        {
            query = query.Where(d => (d.ReceivedOn ?? d.IssuedOn) <= t2);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new { d, UnitCode = db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Code).First() })
            .ToListAsync(ct);
        return new DocumentPage(
            [.. rows.Select(r => new DocumentRow(r.d.Id, Direction(r.d.Direction), r.d.Year, r.d.Number, r.d.Notation, r.d.Issuer, r.d.IssuedOn, r.d.ReceivedOn,
                r.d.TypeCode, r.d.Subject, DocumentRules.Code(r.d.Urgency), Status(r.d.Status), r.UnitCode))],
            total, page, pageSize);
    }

    /// <summary>The open holdings of one user (the workspace's "văn bản được giao"), soonest deadline first.</summary>
    public async Task<MyDocument[]> AssignedToAsync(string userId, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var rows = await db.DocumentAssignments.AsNoTracking().Where(a => a.UserId == userId && a.ClosedAtUtc == null)
            .OrderBy(a => a.DueDate).Take(20)
            .Select(a => new { a.DocumentId, a.Role, a.DueDate, a.Document!.Number, a.Document.Notation, a.Document.Subject })
            .ToListAsync(ct);
        return [.. rows.Select(r => new MyDocument(r.DocumentId, r.Number, r.Notation, r.Subject, DocumentRules.Code(r.Role), r.DueDate,
            DocumentRules.IsOverdue(r.DueDate, today, false) && r.Role != HolderRole.Info, $"/Documents/Details?id={r.DocumentId}"))];
    }

    public static string Direction(DocumentDirection d) => d == DocumentDirection.Incoming ? "incoming" : "outgoing";

    public static string Status(DocumentStatus s) => s switch
    {
        DocumentStatus.Registered => "registered",
        DocumentStatus.Assigned => "assigned",
        DocumentStatus.Done => "done",
        DocumentStatus.Draft => "draft",
        DocumentStatus.LeaderSigned => "signed",
        _ => "issued",
    };
}

public sealed record MyDocument(long Id, int Number, string Notation, string Subject, string Role, DateOnly DueDate, bool Overdue, string Url);
