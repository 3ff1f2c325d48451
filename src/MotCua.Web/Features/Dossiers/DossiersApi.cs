using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers.Import;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Operations;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

public static class DossiersApi
{
    public static IHostApplicationBuilder AddDossiers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IRestoreCheck, HistoryRestoreCheck>();
        builder.Services.AddScoped<ReceiveDossier>();
        builder.Services.AddSingleton<IntakeCommitter>();
        builder.Services.AddScoped<ActOnDossier>();
        builder.Services.AddScoped<CorrectDossier>();
        builder.Services.AddScoped<HandOverDossiers>();
        builder.Services.AddScoped<ImportDossiers>();
        builder.Services.AddScoped<ICalendarChangeHandler, RecomputeDueDates>();
        builder.Services.AddScoped<IFileReadGrant, DossierFilesReadable>();
        builder.Services.AddSingleton<HistoryAnchors>();
        // Chain heads leave the database on a schedule, signed with the key-ring certificate (ADR 0006).
        var instance = $"{Environment.MachineName}:{Environment.ProcessId}";
        builder.Services.AddScheduledJob(
            new(HistoryAnchors.JobName, "Neo đầu chuỗi lịch sử hồ sơ ra ngoài cơ sở dữ liệu (tệp ký số)",
                TimeSpan.FromSeconds(Math.Max(5, builder.Configuration.GetValue("History:AnchorIntervalSeconds", 600))),
                builder.Configuration.GetValue("History:AnchorEnabled", true)),
            (sp, ct) => sp.GetRequiredService<ScheduledJobs>().RunAsync(
                HistoryAnchors.JobName, instance, sp.GetRequiredService<HistoryAnchors>().WriteCheckpointAsync, n => n, ct));
        return builder;
    }

    public static RouteGroupBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dossiers").WithTags("Dossiers").RequireAuthorization();
        group.MapPost("/", Receive).WithName("receiveDossier")
            .WithSummary("Tiếp nhận hồ sơ (trực tiếp, trực tuyến, bưu chính)")
            .WithDescription("documents[].fileId: id of an upload (POST /api/v1/files) the caller may read, PDF/JPEG/PNG. "
                + "documents[].reusedFromDocumentId (a component of an earlier dossier of the same applicant) or reusedFromStoredDocumentId "
                + "(the personal store) mark a component reused; a bare reused=true is a 400. At the desk a reuse needs reuseConsent=true. "
                + "The dossier is digitized (GET: digitized) when every component has a file.")
            .AllowClients(ClientScope.DossiersWrite);
        group.MapGet("/", List).Doc("listDossiers", "Tìm kiếm hồ sơ", "Searches the dossiers of the caller's units; q is a dossier code or its beginning (listed in code order), a citizen ID number (9 or 12 digits) or the beginning of the applicant's name (listed in name order). "
            + "Otherwise the soonest appointment comes first. total counts up to 1,000: totalCapped=true says there are more; page stops at 20.").AllowClients(ClientScope.DossiersRead);
        group.MapGet("/{code}", Get).Doc("getDossier", "Xem hồ sơ", "A dossier with its steps, documents and status.").AllowClients(ClientScope.DossiersRead);
        group.MapGet("/{code}/history", History).Doc("getDossierHistory", "Lịch sử xử lý hồ sơ", "The append-only history of a dossier.").AllowClients(ClientScope.DossiersRead);
        group.MapPost("/{code}/actions", Act).WithName("actOnDossier").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Thao tác trên hồ sơ")
            .WithDescription("record-result takes resultFileId, the id of an uploaded PDF the officer may read (unknown, not a PDF or not readable: 400); "
                + "an electronic result is signed at once and resultFileId then names the signed copy.")
            .AllowClients(ClientScope.DossiersWrite);
        group.MapPost("/{code}/corrections", Correct).Doc("correctDossier", "Đính chính hồ sơ đã tiếp nhận", "Corrects applicant data or components with a reason; form 01 is reissued.").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{code}/corrections", Corrections).Doc("listDossierCorrections", "Các lần đính chính hồ sơ", "Corrections made to a dossier, with both versions.");
        group.MapPost("/{code}/result-file", UploadResult).Doc("recordDossierResultFile", "Ghi nhận tệp kết quả", "Records the result of a dossier from an uploaded PDF.").DisableAntiforgery().RequireAntiforgeryForCookies();
        group.MapDossierFormsApi(app);
        app.MapDossierImportApi();
        app.MapGet("/api/v1/decision-reasons", async (string? action, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(DossierActions.TryParse(action, out var a)
                ? (await DecisionReasons.ForAsync(db, a, ct)).Select(DecisionReasons.ToDto).ToArray()
                : (await db.DecisionReasons.AsNoTracking().OrderBy(r => r.Order).ToListAsync(ct)).Select(DecisionReasons.ToDto).ToArray())).Doc("listDecisionReasons", "Danh mục lý do từ chối, yêu cầu bổ sung", "Coded reasons for refusals and supplement requests.")
            .WithTags("Dossiers").RequireAuthorization(Accounts.AccountsSetup.StaffPolicy);
        app.MapGet("/api/v1/admin/history/verify", async (string? code, AppDbContext db, HistoryAnchors anchors, CancellationToken ct) => TypedResults.Ok(await VerifyHistory.RunAsync(db, anchors, code, ct))).Doc("verifyHistoryChain", "Kiểm tra tính toàn vẹn của lịch sử", "Verifies the hash chain of dossier histories.")
            .WithTags("Dossiers").RequireAuthorization(Accounts.AccountsSetup.AdminPolicy);
        return group;
    }

    private static async Task<Results<Created<ReceiveResponse>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Receive(
        ReceiveRequest body, ReceiveDossier handler, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        switch (await handler.HandleAsync(body, user, ct))
        {
            case ReceiveDossier.Received(var d):
                return TypedResults.Created($"/api/v1/dossiers/{d.Code}",
                    new ReceiveResponse(d.Code, d.ReceivedAtUtc, d.AppointmentDate, d.Status.ToString(), d.DueDateEstimated, d.CurrentUnit?.Code));
            case ReceiveDossier.Invalid(var errors):
                return TypedResults.ValidationProblem(errors, title: t["Hồ sơ không hợp lệ"]);
            case ReceiveDossier.Incomplete(var code, var name, var missing):
                return TypedResults.Problem(
                    t["Hồ sơ chưa đầy đủ: cần bổ sung {0} thành phần (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — mẫu 02).", missing.Length],
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: t["Hồ sơ chưa đầy đủ"],
                    extensions: new Dictionary<string, object?> { ["form"] = "02", ["procedureCode"] = code, ["procedureName"] = name, ["missingDocuments"] = missing });
            case ReceiveDossier.Refused(var reason, var units):
                return TypedResults.Problem(reason, statusCode: StatusCodes.Status422UnprocessableEntity, title: t["Từ chối tiếp nhận"],
                    extensions: new Dictionary<string, object?> { ["form"] = "03", ["competentUnits"] = units });
            default:
                return TypedResults.Forbid();
        }
    }

    private static async Task<Ok<Page<DossierRow>>> List(
        AppDbContext db, ClaimsPrincipal user, CalendarService calendars, TimeProvider time,
        string? status, string? unit, string? procedure, bool? overdue, string? q, int? page, CancellationToken ct)
    {
        var calendar = await calendars.ForUnitAsync(null, ct);
        return TypedResults.Ok(await ReadDossiers.ListAsync(db, user, new(status, unit, procedure, overdue, q, page), VietnamTime.Today(time), calendar, ct));
    }

    private static async Task<Results<Ok<DossierDto>, NotFound>> Get(
        string code, AppDbContext db, ClaimsPrincipal user, CalendarService calendars, TimeProvider time, HttpContext http, INationalSyncView sync, CancellationToken ct)
    {
        var d = await ReadDossiers.LoadAsync(db, code, user, ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }

        await Security.Audit.PersonalDataViewedAsync(http, time, user, d.Code, "GET /api/v1/dossiers/{code}");

        var calendar = await calendars.ForUnitAsync(d.ReceivingUnit, ct);
        return TypedResults.Ok(ReadDossiers.ToDto(d, Actor.From(user), VietnamTime.Today(time), calendar) with { NationalSync = await sync.ForAsync(d, ct) });
    }

    private static async Task<Results<Ok<EventDto[]>, NotFound>> History(string code, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = await db.Dossiers.Visible(user).Where(d => d.Code == code).Select(d => (long?)d.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            return TypedResults.NotFound();
        }

        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
        return TypedResults.Ok(events.Select(ReadDossiers.ToDto).ToArray());
    }

    public sealed record CorrectionResponse(string Code, int FormVersion, FieldChange[] Changes, EventDto Event, string Form01);

    /// <summary>One version of form 01 that a correction replaced: what it said, what changed and why (full values: staff and the applicant only).</summary>
    public sealed record CorrectionDto(int ReplacedFormVersion, DateTime At, string Actor, string Reason, FieldChange[] Changes, string ReplacedForm01);

    private static async Task<Results<Ok<CorrectionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Correct(
        string code, CorrectionRequest body, CorrectDossier handler, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        switch (await handler.HandleAsync(code, body, user, ct))
        {
            case CorrectDossier.Corrected(var d, var e, var version, var changes):
                return TypedResults.Ok(new CorrectionResponse(d.Code, version, [.. changes], ReadDossiers.ToDto(e), $"/api/v1/dossiers/{Uri.EscapeDataString(d.Code)}/forms/01.pdf"));
            case CorrectDossier.Invalid(var errors):
                return TypedResults.ValidationProblem(errors, title: t["Điều chỉnh không hợp lệ"]);
            case CorrectDossier.Forbidden(var message):
                return TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden);
            case CorrectDossier.Conflict(var message):
                return TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict);
            default:
                return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<CorrectionDto[]>, NotFound>> Corrections(
        string code, AppDbContext db, ClaimsPrincipal user, IFileStore files, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var d = await db.Dossiers.AsNoTracking().Visible(user).Where(x => x.Code == code).Select(x => new { x.Id, x.Code }).SingleOrDefaultAsync(ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }

        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id && e.Action == Correction.Action).OrderBy(e => e.Sequence).ToListAsync(ct);
        var list = new List<CorrectionDto>();
        for (var i = 0; i < events.Count; i++)
        {
            var snapshot = await CorrectDossier.EarlierVersionAsync(db, files, d.Id, i + 1, ct);
            list.Add(new CorrectionDto(i + 1, events[i].AtUtc, events[i].ActorName, snapshot?.Reason ?? "", snapshot?.Changes ?? [],
                $"/api/v1/dossiers/{Uri.EscapeDataString(d.Code)}/forms/01.pdf?version={i + 1}"));
        }

        await Security.Audit.PersonalDataViewedAsync(http, time, user, d.Code, "corrections");
        return TypedResults.Ok(list.ToArray());
    }

    private static async Task<Results<Ok<DossierDto>, NotFound, ValidationProblem, ProblemHttpResult>> Act(
        string code, ActionRequest body, ActOnDossier handler, AppDbContext db, ClaimsPrincipal user,
        CalendarService calendars, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        switch (await handler.HandleAsync(code, body, user, ct))
        {
            case ActOnDossier.Done:
                var d = (await ReadDossiers.LoadAsync(db, code, user, ct))!;
                var calendar = await calendars.ForUnitAsync(d.ReceivingUnit, ct);
                return TypedResults.Ok(ReadDossiers.ToDto(d, Actor.From(user), VietnamTime.Today(time), calendar));
            case ActOnDossier.Invalid(var field, var message):
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: t["Thao tác không hợp lệ"]);
            case ActOnDossier.Forbidden(var message):
                return TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden);
            case ActOnDossier.Conflict(var message, var status, var version):
                return TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["status"] = status.ToString(), ["statusLabel"] = status.Label(), ["version"] = version });
            default:
                return TypedResults.NotFound();
        }
    }

    public sealed record UploadedResult(string FileId, long Size);

    /// <summary>
    /// Uploads a result file for record-result on this dossier (only staff who can act on it): the same checked upload as
    /// <c>POST /api/v1/files</c>, whose id is the <c>resultFileId</c> to send.
    /// </summary>
    private static async Task<Results<Ok<UploadedResult>, NotFound, ValidationProblem>> UploadResult(
        string code, IFormFile? file, AppDbContext db, SaveUpload save, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var d = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(x => x.Code == code, ct);
        var actor = Actor.From(user);
        if (d is null || actor is null || actor.Role == ActorRole.Applicant || !ActOnDossier.CanAct(user, actor, d))
        {
            return TypedResults.NotFound();
        }

        switch (await save.CheckAndStoreAsync(file, actor.Id, ct))
        {
            case SaveUpload.Saved(var saved):
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(new UploadedResult(saved.Id, saved.Size));
            case SaveUpload.Rejected(var message, _):
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] });
            default:
                throw new InvalidOperationException();
        }
    }
}
