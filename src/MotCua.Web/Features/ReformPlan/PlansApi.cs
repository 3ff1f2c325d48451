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
        group.MapGet("/plans", List);
        group.MapGet("/plans/{id:int}", Get);
        group.MapGet("/plans/{id:int}/tasks", Tasks);
        group.MapGet("/plans/{id:int}/targets", Targets);
        group.MapPost("/plans", CreatePlan);
        group.MapPut("/plans/{id:int}", UpdatePlan);
        group.MapPost("/plans/{id:int}/tasks", CreateTask);
        group.MapPut("/plans/{id:int}/tasks/{taskId:int}", UpdateTask);
        group.MapPost("/plans/{id:int}/targets", CreateTarget);
        group.MapPut("/plans/{id:int}/targets/{targetId:int}", UpdateTarget);
        group.MapGet("/files/{sha}", Download);
        ReportsApi.Map(group);
        OccurrencesApi.Map(group);
        EvaluationApi.Map(group);
        InspectionsApi.Map(group);
        OverviewApi.Map(group);
        TargetMeasurementsApi.Map(group);
        return group;
    }

    internal static IQueryable<PlanDto> PlanQuery(AppDbContext db, int? id = null) =>
        db.Plans.AsNoTracking().Where(p => id == null || p.Id == id).OrderBy(p => p.PeriodFrom).ThenBy(p => p.Id).Select(p => new PlanDto(
            p.Id, p.Title, p.DecisionNumber, p.IssuingUnit!.Code, p.IssuingUnit.Name, p.ParentPlanId, p.ParentPlan == null ? null : p.ParentPlan.Title,
            p.PeriodFrom, p.PeriodTo, p.Tasks.Count, p.Targets.Count, p.Note));

    private static async Task<Ok<PlanDto[]>> List(AppDbContext db, CancellationToken ct) => TypedResults.Ok(await PlanQuery(db).ToArrayAsync(ct));

    private static async Task<Results<Ok<PlanDto>, NotFound>> Get(int id, AppDbContext db, CancellationToken ct) =>
        await PlanQuery(db, id).SingleOrDefaultAsync(ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    private static async Task<Results<Ok<TaskDto[]>, NotFound>> Tasks(int id, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await LoadTasksAsync(db, id, VietnamTime.Today(time), ct));
    }

    internal static async Task<TaskDto[]> LoadTasksAsync(AppDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId)
            .Include(t => t.LeadUnit).Include(t => t.Units).ThenInclude(u => u.Unit).Include(t => t.Occurrences).ThenInclude(o => o.Entries)
            .AsSplitQuery().ToListAsync(ct);
        return [.. tasks.OrderBy(t => t.SortOrder).Select(t => ToDto(t, today))];
    }

    internal static TaskDto ToDto(PlanTask t, DateOnly today) => new(
        t.Id, t.SectionCode, t.SectionTitle, t.Number, t.Text, t.Product, t.Timing, Timing.Parse(t.Timing).Kind, t.LeadText, t.LeadUnit?.Code,
        [.. t.Units.Where(u => u.Role == TaskUnitRole.Lead).Select(u => u.Unit!.Code).Order(StringComparer.Ordinal)],
        t.PartnersText,
        [.. t.Units.Where(u => u.Role == TaskUnitRole.Partner).Select(u => u.Unit!.Code).Order(StringComparer.Ordinal)],
        [.. t.Occurrences.OrderBy(o => o.Year).Select(o => new OccurrenceDto(o.Id, o.Year, o.DueDate, o.Continuous, o.StatusOn(today), o.Entries.Count))]);

    private static async Task<Results<Ok<TargetDto[]>, NotFound>> Targets(int id, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await LoadTargetsAsync(db, id, VietnamTime.Today(time), ct));
    }

    internal static async Task<TargetDto[]> LoadTargetsAsync(AppDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var targets = await db.PlanTargets.AsNoTracking().Include(t => t.Measurements).Where(t => t.PlanId == planId).ToListAsync(ct);
        var live = await LiveTargets.LoadAsync(db, planId, today, ct);
        List<TargetDto> result = [];
        foreach (var t in targets.OrderBy(t => t.Id))
        {
            var latest = t.Measurements.OrderByDescending(m => m.EnteredAt).ThenByDescending(m => m.Id).FirstOrDefault();
            var (current, source) = await live.ValueAsync(t, ct) is { } v
                ? ((decimal?)v, "indicator")
                : latest is not null ? (latest.Value, "manual") : (null, "none");
            var atMost = t.Comparison == TargetComparison.AtMost;
            result.Add(new TargetDto(t.Id, t.Code, t.Text, t.Value, t.Unit, t.Comparison, t.Year, t.BaseYear, t.Scope, t.IndicatorKey, current, source,
                current is { } c ? TargetProgress.Gap(t.Value, c, atMost) : null,
                current is { } c2 ? TargetProgress.Percent(t.Value, c2, atMost) : null,
                source == "manual" ? TargetMeasurementsApi.ToDto(planId, latest!) : null, t.Measurements.Count, t.Note));
        }

        return [.. result];
    }

    private static async Task<Results<Created<PlanDto>, ValidationProblem, ForbidHttpResult>> CreatePlan(
        PlanRequest body, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        var plan = new Plan { Title = "" };
        if (await ApplyAsync(plan, body, db, user, t, ct) is { } problem)
        {
            return problem;
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", await PlanQuery(db, plan.Id).SingleAsync(ct));
    }

    private static async Task<Results<Ok<PlanDto>, NotFound, ValidationProblem, ForbidHttpResult>> UpdatePlan(
        int id, PlanRequest body, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (await db.Plans.Include(p => p.Tasks).ThenInclude(x => x.Occurrences).ThenInclude(o => o.Entries).SingleOrDefaultAsync(p => p.Id == id, ct) is not { } plan)
        {
            return TypedResults.NotFound();
        }

        if (await ApplyAsync(plan, body, db, user, t, ct) is { } problem)
        {
            return problem;
        }

        foreach (var task in plan.Tasks)
        {
            PlanTasks.Schedule(task, plan.PeriodFrom, plan.PeriodTo);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await PlanQuery(db, plan.Id).SingleAsync(ct));
    }

    internal static async Task<ValidationProblem?> ApplyAsync(Plan plan, PlanRequest body, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 400)
        {
            errors["title"] = [t["Tên kế hoạch là bắt buộc, tối đa 400 ký tự."]];
        }

        var unit = string.IsNullOrWhiteSpace(body.IssuingUnitCode) ? null
            : await db.Units.InReformScope(user).SingleOrDefaultAsync(u => u.Code == body.IssuingUnitCode.Trim(), ct);
        if (unit is null)
        {
            errors["issuingUnitCode"] = [t["Không tìm thấy đơn vị ban hành '{0}'.", body.IssuingUnitCode ?? ""]];
        }

        if (body.ParentPlanId is { } parentId && (parentId == plan.Id || !await db.Plans.AnyAsync(p => p.Id == parentId, ct)))
        {
            errors["parentPlanId"] = [t["Không tìm thấy kế hoạch cấp trên."]];
        }

        if (body.PeriodFrom is not (>= 2000 and <= 2100) || body.PeriodTo is not (>= 2000 and <= 2100) || body.PeriodTo < body.PeriodFrom || body.PeriodTo - body.PeriodFrom > 10)
        {
            errors["periodTo"] = [t["Giai đoạn phải gồm năm bắt đầu và năm kết thúc hợp lệ (tối đa 10 năm)."]];
        }

        if (body.DecisionNumber?.Length > 100 || body.Note?.Length > 2000)
        {
            errors["decisionNumber"] = [t["Số quyết định tối đa 100 ký tự, ghi chú tối đa 2000 ký tự."]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Dữ liệu kế hoạch không hợp lệ"]);
        }

        plan.Title = body.Title!.Trim();
        plan.DecisionNumber = string.IsNullOrWhiteSpace(body.DecisionNumber) ? null : body.DecisionNumber.Trim();
        plan.IssuingUnitId = unit!.Id;
        plan.ParentPlanId = body.ParentPlanId;
        plan.PeriodFrom = body.PeriodFrom!.Value;
        plan.PeriodTo = body.PeriodTo!.Value;
        plan.Note = body.Note;
        return null;
    }

    private static async Task<Results<Created<TaskDto>, NotFound, ValidationProblem, ForbidHttpResult>> CreateTask(
        int id, TaskRequest body, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (await db.Plans.Include(p => p.IssuingUnit).SingleOrDefaultAsync(p => p.Id == id, ct) is not { } plan)
        {
            return TypedResults.NotFound();
        }

        var task = new PlanTask { PlanId = id, SectionCode = "", SectionTitle = "", Number = "", Text = "", Timing = "", LeadText = "" };
        if (await ApplyAsync(task, plan, body, db, t, ct) is { } problem)
        {
            return problem;
        }

        task.SortOrder = body.SortOrder ?? (await db.PlanTasks.Where(x => x.PlanId == id).MaxAsync(x => (int?)x.SortOrder, ct) ?? 0) + 1;
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(ct);
        var dto = (await LoadTasksAsync(db, id, VietnamTime.Today(time), ct)).Single(x => x.Id == task.Id);
        return TypedResults.Created($"/api/v1/plans/{id}/tasks/{task.Id}", dto);
    }

    private static async Task<Results<Ok<TaskDto>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateTask(
        int id, int taskId, TaskRequest body, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        var plan = await db.Plans.Include(p => p.IssuingUnit).SingleOrDefaultAsync(p => p.Id == id, ct);
        var task = await db.PlanTasks.Include(x => x.Units).Include(x => x.Occurrences).ThenInclude(o => o.Entries)
            .SingleOrDefaultAsync(x => x.Id == taskId && x.PlanId == id, ct);
        if (plan is null || task is null)
        {
            return TypedResults.NotFound();
        }

        if (await ApplyAsync(task, plan, body, db, t, ct) is { } problem)
        {
            return problem;
        }

        task.SortOrder = body.SortOrder ?? task.SortOrder;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await LoadTasksAsync(db, id, VietnamTime.Today(time), ct)).Single(x => x.Id == task.Id));
    }

    internal static async Task<ValidationProblem?> ApplyAsync(PlanTask task, Plan plan, TaskRequest body, AppDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Require(string? value, int max, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            {
                errors[field] = [message];
            }
        }

        Require(body.SectionCode, 10, "sectionCode", t["Mục (ví dụ I, II) là bắt buộc, tối đa 10 ký tự."]);
        Require(body.SectionTitle, 200, "sectionTitle", t["Tên mục là bắt buộc, tối đa 200 ký tự."]);
        Require(body.Number, 10, "number", t["Số thứ tự là bắt buộc, tối đa 10 ký tự."]);
        Require(body.Text, 4000, "text", t["Nội dung nhiệm vụ là bắt buộc, tối đa 4000 ký tự."]);
        Require(body.Timing, 200, "timing", t["Thời gian thực hiện là bắt buộc, tối đa 200 ký tự."]);
        Require(body.LeadText, 400, "leadText", t["Cơ quan chủ trì là bắt buộc, tối đa 400 ký tự."]);
        if (body.Product?.Length > 1000 || body.PartnersText?.Length > 400)
        {
            errors["product"] = [t["Sản phẩm tối đa 1000 ký tự, cơ quan phối hợp tối đa 400 ký tự."]];
        }

        if (!errors.ContainsKey("number") && !errors.ContainsKey("sectionCode")
            && await db.PlanTasks.AnyAsync(x => x.PlanId == plan.Id && x.Id != task.Id && x.SectionCode == body.SectionCode!.Trim() && x.Number == body.Number!.Trim(), ct))
        {
            errors["number"] = [t["Mục {0} đã có nhiệm vụ số {1}.", body.SectionCode!.Trim(), body.Number!.Trim()]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Dữ liệu nhiệm vụ không hợp lệ"]);
        }

        task.SectionCode = body.SectionCode!.Trim();
        task.SectionTitle = body.SectionTitle!.Trim();
        task.Number = body.Number!.Trim();
        task.Text = body.Text!.Trim();
        task.Product = body.Product?.Trim();
        task.Timing = body.Timing!.Trim();
        task.LeadText = body.LeadText!.Trim();
        task.PartnersText = body.PartnersText?.Trim();
        var units = await db.Units.ToListAsync(ct);
        PlanTasks.AssignUnits(task, units, plan.IssuingUnit!, new DateOnly(plan.PeriodFrom, 1, 1));
        PlanTasks.Schedule(task, plan.PeriodFrom, plan.PeriodTo);
        return null;
    }

    private static async Task<Results<Created<TargetDto>, NotFound, ValidationProblem, ForbidHttpResult>> CreateTarget(
        int id, TargetRequest body, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (!await db.Plans.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var target = new PlanTarget { PlanId = id, Code = "", Text = "", Unit = "" };
        if (await ApplyAsync(target, body, db, t, ct) is { } problem)
        {
            return problem;
        }

        db.PlanTargets.Add(target);
        await db.SaveChangesAsync(ct);
        var dto = (await LoadTargetsAsync(db, id, VietnamTime.Today(time), ct)).Single(x => x.Id == target.Id);
        return TypedResults.Created($"/api/v1/plans/{id}/targets/{target.Id}", dto);
    }

    private static async Task<Results<Ok<TargetDto>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateTarget(
        int id, int targetId, TargetRequest body, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (await db.PlanTargets.SingleOrDefaultAsync(x => x.Id == targetId && x.PlanId == id, ct) is not { } target)
        {
            return TypedResults.NotFound();
        }

        if (await ApplyAsync(target, body, db, t, ct) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await LoadTargetsAsync(db, id, VietnamTime.Today(time), ct)).Single(x => x.Id == target.Id));
    }

    internal static async Task<ValidationProblem?> ApplyAsync(PlanTarget target, TargetRequest body, AppDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Code) || body.Code.Trim().Length > 20)
        {
            errors["code"] = [t["Mã chỉ tiêu là bắt buộc, tối đa 20 ký tự."]];
        }
        else if (await db.PlanTargets.AnyAsync(x => x.PlanId == target.PlanId && x.Id != target.Id && x.Code == body.Code.Trim(), ct))
        {
            errors["code"] = [t["Mã chỉ tiêu '{0}' đã có trong kế hoạch.", body.Code.Trim()]];
        }

        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 2000)
        {
            errors["text"] = [t["Nội dung chỉ tiêu là bắt buộc, tối đa 2000 ký tự."]];
        }

        if (body.Value is not { } value || value < 0 || value > 1_000_000)
        {
            errors["value"] = [t["Giá trị chỉ tiêu là bắt buộc và không âm."]];
        }

        if (string.IsNullOrWhiteSpace(body.Unit) || body.Unit.Length > 40)
        {
            errors["unit"] = [t["Đơn vị tính là bắt buộc (ví dụ %), tối đa 40 ký tự."]];
        }

        if (body.Year is not (>= 2000 and <= 2100))
        {
            errors["year"] = [t["Năm của chỉ tiêu không hợp lệ."]];
        }

        if (body.IndicatorKey is { Length: > 0 } key && !Indicators.Known.Contains(key))
        {
            errors["indicatorKey"] = [t["Chỉ số '{0}' không có trong danh mục.", key]];
        }

        if (body.ManualValue is not null)
        {
            errors["manualValue"] = [t["Số liệu nhập tay phải kèm tệp minh chứng: gửi qua POST /api/v1/plans/{0}/targets/{1}/measurements (value, note, file).", target.PlanId, target.Id]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Dữ liệu chỉ tiêu không hợp lệ"]);
        }

        target.Code = body.Code!.Trim();
        target.Text = body.Text!.Trim();
        target.Value = body.Value!.Value;
        target.Unit = body.Unit!.Trim();
        target.Comparison = body.Comparison ?? TargetComparison.AtLeast;
        target.Year = body.Year!.Value;
        target.BaseYear = body.BaseYear;
        target.Scope = string.IsNullOrWhiteSpace(body.Scope) ? null : body.Scope.Trim();
        target.IndicatorKey = string.IsNullOrWhiteSpace(body.IndicatorKey) ? null : body.IndicatorKey;
        target.Note = body.Note;
        return null;
    }

    /// <summary>Outside the caller's scope the answer is the same 404 as for an unknown hash, so a hash cannot be probed.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(
        string sha, string? name, AppDbContext db, IFileStore files, ClaimsPrincipal user, CancellationToken ct)
    {
        var meta = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Sha256 == sha, ct);
        if (meta is null || !await EvidenceAccess.CanReadAsync(db, user, sha, ct) || files.Open(sha) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(stream, meta.ContentType, string.IsNullOrWhiteSpace(name) ? sha : name);
    }
}

/// <summary>Indicator keys a target may name: issue 7's live indicators plus this feature's inspection count.</summary>
public static class Indicators
{
    public static readonly HashSet<string> Known =
    [
        "onTimeRate", "onlineRate", "digitizationRate", "onlinePaymentRate", "satisfactionRate", "reuseRate",
        "electronicRoutingRate", "electronicResultRate", "postalGrowth", "nationalSatisfactionRate",
        "fullyOnlineProcedureShare", "payableOnlineProcedureShare", InspectionsApi.IndicatorKey,
    ];
}
