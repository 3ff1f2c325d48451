using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Documents;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

public sealed record ProgressRequest(string? Note, bool? Close);

/// <summary>A holder records progress on an incoming document, or closes their part; the document is done when every chủ trì and phối hợp holder has closed.</summary>
public sealed class RecordDocumentProgress(AppDbContext db, TimeProvider time, ReadDocuments reads, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Recorded(DocumentView Document) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, ProgressRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var close = body.Close ?? false;
        if ((string.IsNullOrWhiteSpace(body.Note) && !close) || body.Note is { Length: > 2000 })
        {
            return new Invalid("note", t["Nhập nội dung tiến độ xử lý (tối đa 2000 ký tự)."]);
        }

        var scope = Organisation.UnitScope.ScopePath(user);
        var me = DocumentHistory.ActorId(user);
        var doc = await db.OfficialDocuments.Include(d => d.Assignments).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null || (!doc.UnitPath.StartsWith(scope, StringComparison.Ordinal) && doc.Assignments.All(a => a.UserId != me)))
        {
            return new NotFound();
        }

        var holding = doc.Assignments.FirstOrDefault(a => a.UserId == me && a.ClosedAtUtc == null);
        if (holding is null)
        {
            return new Refused(t["Bạn không được giao xử lý văn bản này hoặc đã kết thúc phần việc của mình."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var note = body.Note?.Trim();
        if (!string.IsNullOrEmpty(note))
        {
            holding.LastProgress = note;
        }

        if (close)
        {
            holding.ClosedAtUtc = now;
        }

        doc.UpdatedAtUtc = now;
        await DocumentHistory.AppendAsync(db, doc, user, now, close ? "close" : "progress", note, ct);
        if (close && doc.Assignments.Where(a => a.Role != HolderRole.Info).All(a => a.ClosedAtUtc is not null))
        {
            doc.Status = DocumentStatus.Done;
            await DocumentHistory.AppendAsync(db, doc, user, now, "done", null, ct);
            await ExchangeStatuses.QueueAsync(db, doc.Id, ExchangeDirection.Received, "06", null, now, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return new Refused(t["Văn bản vừa được người khác cập nhật; tải lại và thử lại."]);
        }

        return new Recorded((await reads.OneAsync(id, user, ct))!);
    }
}
