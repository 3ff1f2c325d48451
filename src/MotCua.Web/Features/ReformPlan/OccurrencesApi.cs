using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record EntryDto(int Id, string UnitCode, string UnitName, EntryKind Kind, string Text, string? FileSha256, string? FileName, string Author, DateTime CreatedAt);

public sealed record OccurrenceDetailDto(int Id, int TaskId, int Year, DateOnly? DueDate, bool Continuous, OccurrenceStatus Status, OccurrenceProgress Progress, EntryDto[] Entries);

public sealed record OccurrenceRequest(DateOnly? DueDate, OccurrenceProgress? Progress);

public static class OccurrencesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/occurrences/{id:int}", Get);
        group.MapPut("/occurrences/{id:int}", Update);
        group.MapPost("/occurrences/{id:int}/entries", AddEntry).DisableAntiforgery();
    }

    internal static async Task<OccurrenceDetailDto?> LoadAsync(AppDbContext db, int id, DateOnly today, CancellationToken ct)
    {
        var o = await db.PlanTaskOccurrences.AsNoTracking().Include(x => x.Entries).ThenInclude(e => e.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? null : new OccurrenceDetailDto(o.Id, o.TaskId, o.Year, o.DueDate, o.Continuous, o.StatusOn(today), o.Progress,
            [.. o.Entries.OrderBy(e => e.CreatedAt).Select(e => new EntryDto(e.Id, e.Unit!.Code, e.Unit.Name, e.Kind, e.Text, e.FileSha256, e.FileName, e.Author, e.CreatedAt))]);
    }

    private static async Task<Results<Ok<OccurrenceDetailDto>, NotFound>> Get(int id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await LoadAsync(db, id, VietnamTime.Today(time), ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound();

    /// <summary>The role of the caller's unit in the task: lead, partner, or none.</summary>
    internal static async Task<TaskUnitRole?> RoleOfAsync(AppDbContext db, ClaimsPrincipal user, int taskId, CancellationToken ct)
    {
        if (user.UnitId() is not { } unitId)
        {
            return null;
        }

        var roles = await db.Set<PlanTaskUnit>().Where(u => u.TaskId == taskId && u.UnitId == unitId).Select(u => u.Role).ToListAsync(ct);
        return roles.Contains(TaskUnitRole.Lead) ? TaskUnitRole.Lead : roles.Count > 0 ? TaskUnitRole.Partner : null;
    }

    private static async Task<Results<Ok<OccurrenceDetailDto>, NotFound, ValidationProblem, ForbidHttpResult>> Update(
        int id, OccurrenceRequest body, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await db.PlanTaskOccurrences.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } o)
        {
            return TypedResults.NotFound();
        }

        if (body.DueDate is null && body.Progress is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["progress"] = [t["Cần gửi ít nhất một trong dueDate, progress."]] }, title: t["Dữ liệu không hợp lệ"]);
        }

        var editor = ReformAccess.CanEdit(user);
        var lead = await RoleOfAsync(db, user, o.TaskId, ct) == TaskUnitRole.Lead;
        if ((body.DueDate is not null && !editor) || (body.Progress is not null && !editor && !lead))
        {
            return TypedResults.Forbid();
        }

        if (body.DueDate is { } due && due.Year != o.Year)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dueDate"] = [t["Hạn phải nằm trong năm {0}.", o.Year]] }, title: t["Dữ liệu không hợp lệ"]);
        }

        o.DueDate = body.DueDate ?? o.DueDate;
        if (body.Progress is { } p)
        {
            o.Progress = p;
            o.DoneOn = p == OccurrenceProgress.Done ? VietnamTime.Today(time) : null;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await LoadAsync(db, id, VietnamTime.Today(time), ct))!);
    }

    private static async Task<Results<Created<OccurrenceDetailDto>, NotFound, ValidationProblem, ForbidHttpResult>> AddEntry(
        int id, [FromForm] string? text, IFormFile? file, AppDbContext db, IFileStore files, ClaimsPrincipal user, TimeProvider time,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await db.PlanTaskOccurrences.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } o)
        {
            return TypedResults.NotFound();
        }

        var role = await RoleOfAsync(db, user, o.TaskId, ct);
        if ((role is null && !ReformAccess.CanEdit(user)) || user.UnitId() is not { } unitId)
        {
            return TypedResults.Forbid();
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [t["Nội dung là bắt buộc, tối đa 4000 ký tự."]] }, title: t["Dữ liệu không hợp lệ"]);
        }

        if (await FileTypes.ProblemAsync(file, ct) is { } fileProblem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [t[fileProblem]] }, title: t["Dữ liệu không hợp lệ"]);
        }

        await AddEntryAsync(db, files, time, o, unitId, role, text, user.Identity?.Name ?? "?", file, ct);
        return TypedResults.Created($"/api/v1/occurrences/{id}", (await LoadAsync(db, id, VietnamTime.Today(time), ct))!);
    }

    /// <summary>Records a lead unit's progress note or a partner's contribution, with its evidence file; the page and the API share it.</summary>
    internal static async Task AddEntryAsync(
        AppDbContext db, IFileStore files, TimeProvider time, PlanTaskOccurrence o, int unitId, TaskUnitRole? role, string text, string author, IFormFile? file, CancellationToken ct)
    {
        var entry = new OccurrenceEntry
        {
            OccurrenceId = o.Id,
            UnitId = unitId,
            Kind = role == TaskUnitRole.Partner ? EntryKind.Contribution : EntryKind.Progress,
            Text = text.Trim(),
            Author = author,
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
    }
}
