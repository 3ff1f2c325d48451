using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Documents;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

public sealed record OpenWorkFileRequest(string? Title, bool? Secret);

public sealed record WorkItemRequest(string? Kind, long? DocumentId, string? Text);

public sealed record CloseWorkFileRequest(string? Medium, string? Note);

public sealed record WorkItemView(long Id, string Kind, long? DocumentId, string Text, DateTime AddedAtUtc, bool Done);

public sealed record WorkFileView(
    long Id, string UnitCode, string Title, string OwnerName, bool Secret, string Status, DateTime OpenedAtUtc, DateOnly? ClosedOn, string? ClosedMedium,
    bool? ProcessedOnline, string? ClosingNote, WorkItemView[] Items);

public sealed record WorkFileRow(long Id, string Title, string OwnerName, string Status, DateTime OpenedAtUtc, DateOnly? ClosedOn, bool? ProcessedOnline, int Items);

/// <summary>Work files (hồ sơ công việc) in the caller's subtree: open, add documents / notes / tasks, finish tasks, close online or record as handled on paper.</summary>
public sealed class WorkFiles(AppDbContext db, TimeProvider time, ReadDocuments documents, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Done(WorkFileView File) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> OpenAsync(OpenWorkFileRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 500)
        {
            return new Invalid("title", t["Nhập tên hồ sơ công việc (tối đa 500 ký tự)."]);
        }

        if (user.UnitId() is not { } unitId || user.UnitPath() is not { } path)
        {
            return new Invalid("unit", t["Tài khoản chưa thuộc đơn vị nào nên không lập hồ sơ công việc được."]);
        }

        var file = new WorkFile
        {
            UnitId = unitId,
            UnitPath = path,
            Title = body.Title.Trim(),
            OwnerId = DocumentHistory.ActorId(user),
            OwnerName = DocumentHistory.ActorName(user),
            Secret = body.Secret ?? false,
            Status = WorkFileStatus.Open,
            OpenedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.WorkFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return new Done((await OneAsync(file.Id, user, ct))!);
    }

    public async Task<Outcome> AddItemAsync(long id, WorkItemRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        WorkItemKind kind;
        switch (body.Kind)
        {
            case "document" when body.DocumentId is not null:
                kind = WorkItemKind.Document;
                break;
            case "note" or "task" when !string.IsNullOrWhiteSpace(body.Text) && body.Text.Length <= 2000:
                kind = body.Kind == "note" ? WorkItemKind.Note : WorkItemKind.Task;
                break;
            default:
                return new Invalid("kind", t["Thêm một văn bản (kind=document, documentId) hoặc một ghi chú / việc cần làm (kind=note|task, text tối đa 2000 ký tự)."]);
        }

        if (await EditableAsync(id, user, ct) is not { } file)
        {
            return new NotFound();
        }

        if (file.Status != WorkFileStatus.Open)
        {
            return new Refused(t["Hồ sơ công việc đã đóng."]);
        }

        var text = body.Text?.Trim() ?? "";
        if (kind == WorkItemKind.Document)
        {
            var doc = await documents.Visible(user).Where(d => d.Id == body.DocumentId).Select(d => new { d.Notation, d.Subject }).SingleOrDefaultAsync(ct);
            if (doc is null)
            {
                return new Invalid("documentId", t["Không tìm thấy văn bản này trong đơn vị của bạn."]);
            }

            text = $"{doc.Notation} — {doc.Subject}";
            text = text.Length > 2000 ? text[..2000] : text;
        }

        file.Items.Add(new WorkFileItem
        {
            Kind = kind,
            DocumentId = kind == WorkItemKind.Document ? body.DocumentId : null,
            Text = text,
            AddedBy = DocumentHistory.ActorId(user),
            AddedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return new Done((await OneAsync(id, user, ct))!);
    }

    public async Task<Outcome> FinishTaskAsync(long id, long itemId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await EditableAsync(id, user, ct) is not { } file || file.Items.FirstOrDefault(i => i.Id == itemId && i.Kind == WorkItemKind.Task) is not { } task)
        {
            return new NotFound();
        }

        if (file.Status != WorkFileStatus.Open || task.DoneAtUtc is not null)
        {
            return new Refused(t["Việc này đã xong hoặc hồ sơ công việc đã đóng."]);
        }

        task.DoneAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new Done((await OneAsync(id, user, ct))!);
    }

    public async Task<Outcome> CloseAsync(long id, CloseWorkFileRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        WorkMedium medium;
        switch (body.Medium)
        {
            case "electronic":
                medium = WorkMedium.Electronic;
                break;
            case "paper":
                medium = WorkMedium.Paper;
                break;
            default:
                return new Invalid("medium", t["Hình thức xử lý là electronic (trên hệ thống) hoặc paper (trên giấy)."]);
        }

        if (body.Note is { Length: > 2000 })
        {
            return new Invalid("note", t["Ghi chú tối đa 2000 ký tự."]);
        }

        if (await EditableAsync(id, user, ct) is not { } file)
        {
            return new NotFound();
        }

        if (file.Status != WorkFileStatus.Open)
        {
            return new Refused(t["Hồ sơ công việc đã đóng."]);
        }

        var closing = new WorkFileClosing(medium,
            file.Items.Count(i => i.Kind == WorkItemKind.Document), file.Items.Count(i => i.Kind == WorkItemKind.Note),
            file.Items.Count(i => i.Kind == WorkItemKind.Task), file.Items.Count(i => i.Kind == WorkItemKind.Task && i.DoneAtUtc is null));
        if (medium == WorkMedium.Electronic && closing.OpenTasks > 0)
        {
            return new Refused(t["Còn {0} việc chưa xong: hoàn thành trước khi đóng hồ sơ trên hệ thống.", closing.OpenTasks]);
        }

        if (medium == WorkMedium.Electronic && closing.Documents + closing.Notes + closing.Tasks == 0)
        {
            return new Refused(t["Hồ sơ chưa có văn bản, ghi chú hay việc nào: chưa được xử lý trên hệ thống."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        file.Status = WorkFileStatus.Closed;
        file.ClosedAtUtc = now;
        file.ClosedOn = VietnamTime.LocalDate(now);
        file.ClosedMedium = medium;
        file.ProcessedOnline = WorkFileRules.ProcessedOnline(closing);
        file.ClosingNote = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        // The indicator aggregates follow in the same SaveChanges (AggregatesInterceptor, ADR 0009).
        await db.SaveChangesAsync(ct);
        return new Done((await OneAsync(id, user, ct))!);
    }

    public IQueryable<WorkFile> Visible(ClaimsPrincipal user)
    {
        var scope = user.ScopePath();
        return db.WorkFiles.AsNoTracking().Where(f => f.UnitPath.StartsWith(scope));
    }

    public async Task<WorkFileView?> OneAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var f = await Visible(user).Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (f is null)
        {
            return null;
        }

        var unitCode = await db.Units.Where(u => u.Id == f.UnitId).Select(u => u.Code).SingleAsync(ct);
        return new WorkFileView(f.Id, unitCode, f.Title, f.OwnerName, f.Secret, f.Status == WorkFileStatus.Open ? "open" : "closed", f.OpenedAtUtc, f.ClosedOn,
            f.ClosedMedium is { } m ? (m == WorkMedium.Electronic ? "electronic" : "paper") : null, f.Status == WorkFileStatus.Closed ? f.ProcessedOnline : null,
            f.ClosingNote, [.. f.Items.OrderBy(i => i.Id).Select(i => new WorkItemView(i.Id, i.Kind.ToString().ToLowerInvariant(), i.DocumentId, i.Text, i.AddedAtUtc, i.DoneAtUtc is not null))]);
    }

    public async Task<WorkFileRow[]> ListAsync(ClaimsPrincipal user, bool? open, CancellationToken ct)
    {
        var query = Visible(user);
        if (open is { } o)
        {
            query = query.Where(f => (f.Status == WorkFileStatus.Open) == o);
        }

        return await query.OrderByDescending(f => f.Id).Take(200)
            .Select(f => new WorkFileRow(f.Id, f.Title, f.OwnerName, f.Status == WorkFileStatus.Open ? "open" : "closed", f.OpenedAtUtc, f.ClosedOn,
                f.Status == WorkFileStatus.Closed ? f.ProcessedOnline : null, f.Items.Count))
            .ToArrayAsync(ct);
    }

    /// <summary>The owner, or a leader whose subtree holds the file, may work on it.</summary>
    private async Task<WorkFile?> EditableAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var file = await db.WorkFiles.Include(f => f.Items).SingleOrDefaultAsync(f => f.Id == id && f.UnitPath.StartsWith(scope), ct);
        return file is not null && (file.OwnerId == DocumentHistory.ActorId(user) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Admin)) ? file : null;
    }
}
