using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record PlanDto(
    int Id, string Title, string? DecisionNumber, string IssuingUnitCode, string IssuingUnitName, int? ParentPlanId, string? ParentPlanTitle,
    int PeriodFrom, int PeriodTo, int TaskCount, int TargetCount, string? Note);

public sealed record OccurrenceDto(int Id, int Year, DateOnly? DueDate, bool Continuous, OccurrenceStatus Status, int Entries);

public sealed record TaskDto(
    int Id, string SectionCode, string SectionTitle, string Number, string Text, string? Product, string Timing,
    TimingKind TimingKind, string LeadText, string? LeadUnitCode, string[] LeadUnitCodes, string? PartnersText, string[] PartnerUnitCodes,
    OccurrenceDto[] Occurrences);

public sealed record TargetDto(
    int Id, string Code, string Text, decimal Value, string Unit, TargetComparison Comparison, int Year, int? BaseYear, string? Scope,
    string? IndicatorKey, decimal? Current, string CurrentSource, decimal? Gap, decimal? ProgressPercent, MeasurementDto? Latest, int Measurements, string? Note);

public sealed record PlanRequest(string? Title, string? DecisionNumber, string? IssuingUnitCode, int? ParentPlanId, int? PeriodFrom, int? PeriodTo, string? Note);

public sealed record TaskRequest(string? SectionCode, string? SectionTitle, string? Number, string? Text, string? Product, string? Timing, string? LeadText, string? PartnersText, int? SortOrder);

public sealed record TargetRequest(
    string? Code, string? Text, decimal? Value, string? Unit, TargetComparison? Comparison, int? Year, int? BaseYear, string? Scope, string? IndicatorKey,
    string? Note, decimal? ManualValue = null);

public static class PlansApi
{
    public static RouteGroupBuilder MapReformPlanApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("ReformPlan").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapGet("/plans", List).Doc("listPlans", "Danh sách kế hoạch", "Reform plans of the caller's units.");
        group.MapGet("/plans/{id:int}", Get).Doc("getPlan", "Xem kế hoạch", "One reform plan.");
        group.MapGet("/plans/{id:int}/tasks", Tasks).Doc("listPlanTasks", "Nhiệm vụ của kế hoạch", "A plan's tasks.");
        group.MapGet("/plans/{id:int}/targets", Targets).Doc("listPlanTargets", "Chỉ tiêu của kế hoạch", "A plan's targets and the indicators they measure.");
        group.MapPost("/plans", CreatePlan).Doc("createPlan", "Thêm kế hoạch", "Adds a reform plan.");
        group.MapPut("/plans/{id:int}", UpdatePlan).Doc("updatePlan", "Sửa kế hoạch", "Changes a reform plan.");
        group.MapPost("/plans/{id:int}/carry-forward", CarryForward).Doc("carryPlanForward", "Mở kỳ kế hoạch mới từ chỉ tiêu hiện có", "Opens the next period for a unit by carrying targets forward.").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/plans/{id:int}/tasks", CreateTask).Doc("createPlanTask", "Thêm nhiệm vụ", "Adds a task to a plan.");
        group.MapPut("/plans/{id:int}/tasks/{taskId:int}", UpdateTask).Doc("updatePlanTask", "Sửa nhiệm vụ", "Changes a plan task.");
        group.MapPost("/plans/{id:int}/targets", CreateTarget).Doc("createPlanTarget", "Thêm chỉ tiêu", "Adds a target to a plan.");
        group.MapPut("/plans/{id:int}/targets/{targetId:int}", UpdateTarget).Doc("updatePlanTarget", "Sửa chỉ tiêu", "Changes a plan target.");
        group.MapGet("/reform/files/{sha}", Download).Doc("downloadReformFile", "Tải tệp minh chứng", "Downloads a report or evidence file of the reform plan.").ProducesFile("application/octet-stream");
        ReportsApi.Map(group);
        OccurrencesApi.Map(group);
        EvaluationApi.Map(group);
        InspectionsApi.Map(group);
        OverviewApi.Map(group);
        TargetMeasurementsApi.Map(group);
        return group;
    }

    private static async Task<Ok<PlanDto[]>> List(AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ReadPlans.PlanQuery(db).ToArrayAsync(ct));

    private static async Task<Results<Ok<PlanDto>, NotFound>> Get(int id, AppDbContext db, CancellationToken ct) =>
        await ReadPlans.PlanQuery(db, id).SingleOrDefaultAsync(ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    private static async Task<Results<Ok<TaskDto[]>, NotFound>> Tasks(int id, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await ReadPlans.LoadTasksAsync(db, id, VietnamTime.Today(time), ct));
    }

    private static async Task<Results<Ok<TargetDto[]>, NotFound>> Targets(int id, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await ReadPlans.LoadTargetsAsync(db, id, VietnamTime.Today(time), ct));
    }

    private static async Task<Results<Created<PlanDto>, ValidationProblem, ForbidHttpResult>> CreatePlan(
        PlanRequest body, SavePlan handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(null, body, user, ct) switch
        {
            SavePlan.Saved(var plan, _) => TypedResults.Created($"/api/v1/plans/{plan.Id}", await ReadPlans.PlanQuery(db, plan.Id).SingleAsync(ct)),
            SavePlan.Invalid(var errors) => InvalidPlan(errors, t),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Ok<PlanDto>, NotFound, ValidationProblem, ForbidHttpResult>> UpdatePlan(
        int id, PlanRequest body, SavePlan handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            SavePlan.Saved(var plan, _) => TypedResults.Ok(await ReadPlans.PlanQuery(db, plan.Id).SingleAsync(ct)),
            SavePlan.Invalid(var errors) => InvalidPlan(errors, t),
            SavePlan.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Created<PlanDto>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> CarryForward(
        int id, CarryForwardRequest body, CarryTargetsForward handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            CarryTargetsForward.Opened(var plan, _) => TypedResults.Created($"/api/v1/plans/{plan.Id}", await ReadPlans.PlanQuery(db, plan.Id).SingleAsync(ct)),
            CarryTargetsForward.Invalid(var errors) => InvalidPlan(errors, t),
            CarryTargetsForward.Duplicate(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: t["Kỳ kế hoạch đã được mở"]),
            CarryTargetsForward.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static ValidationProblem InvalidPlan(Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(errors, title: t["Dữ liệu kế hoạch không hợp lệ"]);

    private static async Task<Results<Created<TaskDto>, NotFound, ValidationProblem, ForbidHttpResult>> CreateTask(
        int id, TaskRequest body, SaveTask handler, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        switch (await handler.HandleAsync(id, null, body, user, ct))
        {
            case SaveTask.Saved(var task):
                var dto = (await ReadPlans.LoadTasksAsync(db, id, VietnamTime.Today(time), ct)).Single(x => x.Id == task.Id);
                return TypedResults.Created($"/api/v1/plans/{id}/tasks/{task.Id}", dto);
            case SaveTask.Invalid(var errors):
                return InvalidTask(errors, t);
            case SaveTask.NotFound:
                return TypedResults.NotFound();
            default:
                return TypedResults.Forbid();
        }
    }

    private static async Task<Results<Ok<TaskDto>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateTask(
        int id, int taskId, TaskRequest body, SaveTask handler, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, taskId, body, user, ct) switch
        {
            SaveTask.Saved(var task) => TypedResults.Ok((await ReadPlans.LoadTasksAsync(db, id, VietnamTime.Today(time), ct)).Single(x => x.Id == task.Id)),
            SaveTask.Invalid(var errors) => InvalidTask(errors, t),
            SaveTask.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static ValidationProblem InvalidTask(Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(errors, title: t["Dữ liệu nhiệm vụ không hợp lệ"]);

    private static async Task<Results<Created<TargetDto>, NotFound, ValidationProblem, ForbidHttpResult>> CreateTarget(
        int id, TargetRequest body, SaveTarget handler, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        switch (await handler.HandleAsync(id, null, body, null, user, ct))
        {
            case SaveTarget.Saved(var target):
                var dto = (await ReadPlans.LoadTargetsAsync(db, id, VietnamTime.Today(time), ct)).Single(x => x.Id == target.Id);
                return TypedResults.Created($"/api/v1/plans/{id}/targets/{target.Id}", dto);
            case SaveTarget.Invalid(var errors):
                return InvalidTarget(errors, t);
            case SaveTarget.NotFound:
                return TypedResults.NotFound();
            default:
                return TypedResults.Forbid();
        }
    }

    private static async Task<Results<Ok<TargetDto>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateTarget(
        int id, int targetId, TargetRequest body, SaveTarget handler, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, targetId, body, null, user, ct) switch
        {
            SaveTarget.Saved(var target) => TypedResults.Ok((await ReadPlans.LoadTargetsAsync(db, id, VietnamTime.Today(time), ct)).Single(x => x.Id == target.Id)),
            SaveTarget.Invalid(var errors) => InvalidTarget(errors, t),
            SaveTarget.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static ValidationProblem InvalidTarget(Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(errors, title: t["Dữ liệu chỉ tiêu không hợp lệ"]);

    /// <summary>Outside the caller's scope the answer is the same 404 as for an unknown hash, so a hash cannot be probed.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(
        string sha, string? name, AppDbContext db, IFileStore files, ClaimsPrincipal user, CancellationToken ct) =>
        await OpenEvidence.ByHashAsync(db, files, user, sha, name, ct) is OpenEvidence.Found(var stream, var contentType, var fileName)
            ? TypedResults.File(stream, contentType, fileName)
            : TypedResults.NotFound();
}
