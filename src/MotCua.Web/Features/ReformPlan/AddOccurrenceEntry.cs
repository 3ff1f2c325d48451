using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Records a lead unit's progress note or a partner's contribution to an occurrence, with its evidence file.</summary>
public sealed class AddOccurrenceEntry(AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Added(OccurrenceEntry Entry) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public async Task<Outcome> HandleAsync(int occurrenceId, string? text, IFormFile? file, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await db.PlanTaskOccurrences.SingleOrDefaultAsync(o => o.Id == occurrenceId, ct) is not { } o)
        {
            return new NotFound();
        }

        var role = await ReadOccurrence.RoleOfAsync(db, user, o.TaskId, ct);
        if ((role is null && !ReformAccess.CanEdit(user)) || user.UnitId() is not { } unitId)
        {
            return new Forbidden();
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return new Invalid("text", t["Nội dung là bắt buộc, tối đa 4000 ký tự."]);
        }

        if (await FileTypes.ProblemAsync(file, ct) is { } fileProblem)
        {
            return new Invalid("file", t[fileProblem]);
        }

        var entry = new OccurrenceEntry
        {
            OccurrenceId = o.Id,
            UnitId = unitId,
            Kind = role == TaskUnitRole.Partner ? EntryKind.Contribution : EntryKind.Progress,
            Text = text.Trim(),
            Author = user.Identity?.Name ?? "?",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        if (file is { Length: > 0 })
        {
            entry.FileSha256 = await FileUploads.SaveAsync(file, db, files, time, ct);
            entry.FileName = FileUploads.SafeName(file.FileName);
        }

        db.OccurrenceEntries.Add(entry);
        if (o.Progress == OccurrenceProgress.NotStarted && entry.Kind == EntryKind.Progress)
        {
            o.Progress = OccurrenceProgress.InProgress;
        }

        await db.SaveChangesAsync(ct);
        return new Added(entry);
    }
}
