using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record EntryDto(int Id, string UnitCode, string UnitName, EntryKind Kind, string Text, string? FileSha256, string? FileName, string Author, DateTime CreatedAt);

public sealed record OccurrenceDetailDto(int Id, int TaskId, int Year, DateOnly? DueDate, bool Continuous, OccurrenceStatus Status, OccurrenceProgress Progress, EntryDto[] Entries);

public sealed record OccurrenceRequest(DateOnly? DueDate, OccurrenceProgress? Progress);

public static class OccurrencesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/occurrences/{id:int}", Get).Doc("getTaskOccurrence", "Xem một kỳ thực hiện nhiệm vụ", "One occurrence of a recurring plan task.");
        group.MapPut("/occurrences/{id:int}", Update).Doc("updateTaskOccurrence", "Cập nhật kỳ thực hiện nhiệm vụ", "Updates an occurrence's progress.");
        group.MapPost("/occurrences/{id:int}/entries", AddEntry).Doc("addTaskOccurrenceEntry", "Báo cáo tiến độ nhiệm vụ", "Adds a progress entry with evidence.").DisableAntiforgery().RequireAntiforgeryForCookies();
    }

    private static async Task<Results<Ok<OccurrenceDetailDto>, NotFound>> Get(int id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await ReadOccurrence.LoadAsync(db, id, VietnamTime.Today(time), ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound();

    private static ValidationProblem Invalid(string field, string message, IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: t["Dữ liệu không hợp lệ"]);

    private static async Task<Results<Ok<OccurrenceDetailDto>, NotFound, ValidationProblem, ForbidHttpResult>> Update(
        int id, OccurrenceRequest body, UpdateOccurrence handler, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            UpdateOccurrence.Updated => TypedResults.Ok((await ReadOccurrence.LoadAsync(db, id, VietnamTime.Today(time), ct))!),
            UpdateOccurrence.NothingToChange => Invalid("progress", t["Cần gửi ít nhất một trong dueDate, progress."], t),
            UpdateOccurrence.Invalid(var field, var message) => Invalid(field, message, t),
            UpdateOccurrence.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Created<OccurrenceDetailDto>, NotFound, ValidationProblem, ForbidHttpResult>> AddEntry(
        int id, [FromForm] string? text, IFormFile? file, AddOccurrenceEntry handler, AppDbContext db, ClaimsPrincipal user, TimeProvider time,
        IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, text, file, user, ct) switch
        {
            AddOccurrenceEntry.Added => TypedResults.Created($"/api/v1/occurrences/{id}", (await ReadOccurrence.LoadAsync(db, id, VietnamTime.Today(time), ct))!),
            AddOccurrenceEntry.Invalid(var field, var message) => Invalid(field, message, t),
            AddOccurrenceEntry.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };
}
