using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record SchemeRequest(int? Year, string? Name, bool? CopyPrevious);

public sealed record CriterionRequest(string? Code, string? Title, string? ParentCode, decimal? MaxPoints, bool? EvidenceRequired);

public sealed record MoveRequest(string? Direction);

/// <summary>Phòng Nội vụ configures the yearly scoring scheme: criteria, maximum points, evidence required (ADR 0015).</summary>
public static class SchemesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reform/evaluation/schemes/{id:int}", Get).Doc("getEvaluationScheme", "Xem bộ tiêu chí đánh giá", "One evaluation scheme with its criteria.");
        group.MapPost("/reform/evaluation/schemes", Create).Doc("createEvaluationScheme", "Thêm bộ tiêu chí đánh giá", "Adds an evaluation scheme.");
        group.MapPut("/reform/evaluation/schemes/{id:int}", Rename).Doc("updateEvaluationScheme", "Sửa bộ tiêu chí đánh giá", "Changes an evaluation scheme.");
        group.MapPost("/reform/evaluation/schemes/{id:int}/criteria", AddCriterion).Doc("addEvaluationCriterion", "Thêm tiêu chí", "Adds a criterion.");
        group.MapPut("/reform/evaluation/schemes/{id:int}/criteria/{criterionId:int}", UpdateCriterion).Doc("updateEvaluationCriterion", "Sửa tiêu chí", "Changes a criterion.");
        group.MapDelete("/reform/evaluation/schemes/{id:int}/criteria/{criterionId:int}", DeleteCriterion).Doc("deleteEvaluationCriterion", "Xóa tiêu chí", "Removes a criterion.").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/reform/evaluation/schemes/{id:int}/criteria/{criterionId:int}/move", MoveCriterion).Doc("moveEvaluationCriterion", "Đổi thứ tự tiêu chí", "Moves a criterion within the scheme.");
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(errors, title: t["Dữ liệu bộ tiêu chí không hợp lệ"]);

    private static async Task<Results<Ok<SchemeDto>, NotFound>> Get(int id, AppDbContext db, CancellationToken ct) =>
        await ReadSchemes.LoadAsync(db, id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static async Task<Results<Created<SchemeDto>, ValidationProblem, ForbidHttpResult>> Create(
        SchemeRequest body, CreateScheme handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(body, user, ct) switch
        {
            CreateScheme.Created(var scheme) => TypedResults.Created($"/api/v1/reform/evaluation/schemes/{scheme.Id}", (await ReadSchemes.LoadAsync(db, scheme.Id, ct))!),
            CreateScheme.Invalid(var errors) => Invalid(errors, t),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Ok<SchemeDto>, NotFound, ValidationProblem, ForbidHttpResult>> Rename(
        int id, SchemeRequest body, RenameScheme handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            RenameScheme.Renamed => TypedResults.Ok((await ReadSchemes.LoadAsync(db, id, ct))!),
            RenameScheme.Invalid(var errors) => Invalid(errors, t),
            RenameScheme.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Created<SchemeDto>, NotFound, ValidationProblem, ForbidHttpResult>> AddCriterion(
        int id, CriterionRequest body, SaveCriterion handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, null, body, user, ct) switch
        {
            SaveCriterion.Saved(var c) => TypedResults.Created($"/api/v1/reform/evaluation/schemes/{id}/criteria/{c.Id}", (await ReadSchemes.LoadAsync(db, id, ct))!),
            SaveCriterion.Invalid(var errors) => Invalid(errors, t),
            SaveCriterion.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Ok<SchemeDto>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateCriterion(
        int id, int criterionId, CriterionRequest body, SaveCriterion handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, criterionId, body, user, ct) switch
        {
            SaveCriterion.Saved => TypedResults.Ok((await ReadSchemes.LoadAsync(db, id, ct))!),
            SaveCriterion.Invalid(var errors) => Invalid(errors, t),
            SaveCriterion.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult, ForbidHttpResult>> DeleteCriterion(
        int id, int criterionId, DeleteCriterion handler, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, criterionId, user, ct) switch
        {
            ReformPlan.DeleteCriterion.Deleted => TypedResults.NoContent(),
            ReformPlan.DeleteCriterion.Refused(var problem) => TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: t["Không thể xoá tiêu chí"]),
            ReformPlan.DeleteCriterion.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Ok<SchemeDto>, NotFound, ValidationProblem, ForbidHttpResult>> MoveCriterion(
        int id, int criterionId, MoveRequest body, MoveCriterion handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, criterionId, body, user, ct) switch
        {
            ReformPlan.MoveCriterion.Moved => TypedResults.Ok((await ReadSchemes.LoadAsync(db, id, ct))!),
            ReformPlan.MoveCriterion.Invalid(var errors) => Invalid(errors, t),
            ReformPlan.MoveCriterion.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };
}
