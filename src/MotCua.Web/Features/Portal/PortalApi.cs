using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Portal;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

public sealed record SignUpStarted(Guid SignUpId, string Channel, string SentTo, DateTime ExpiresAt);

public sealed record VerifyRequest(string? Code);

public sealed record SignUpVerified(string Username);

public sealed record SubmitFormDto(string ProcedureCode, string ProcedureName, string OnlineMode, UnitOption[] Units, FormDocument[] Documents);

public sealed record SubmittedDto(Guid DraftId, string DossierCode, string Status, int ReusedDocuments);

public static class PortalApi
{
    public static RouteGroupBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/v1/portal").WithTags("Portal");
        portal.MapPost("/sign-up", StartSignUp).Doc("signUp", "Đăng ký tài khoản công dân", "Starts a citizen sign-up; a code is sent to verify it.").AllowAnonymous();
        portal.MapPost("/sign-up/{id:guid}/verify", Verify).Doc("verifySignUp", "Xác thực đăng ký tài khoản", "Verifies a sign-up with the code received.").AllowAnonymous();
        portal.MapPost("/sign-up/{id:guid}/resend", Resend).Doc("resendSignUpCode", "Gửi lại mã xác thực", "Sends the sign-up code again.").AllowAnonymous();
        portal.MapGet("/procedures/{code}/form", Form).Doc("getOnlineForm", "Biểu mẫu nộp hồ sơ trực tuyến", "The online form of a procedure.").RequireAuthorization(p => p.RequireRole(Roles.Citizen));

        var me = app.MapGroup("/api/v1/me").WithTags("Portal").RequireAuthorization(p => p.RequireRole(Roles.Citizen));
        me.MapGet("/documents", Documents).Doc("listMyDocuments", "Kho giấy tờ của tôi", "The citizen's stored documents, for reuse.");
        me.MapGet("/drafts", ListDrafts).Doc("listMyDrafts", "Hồ sơ nháp của tôi", "The citizen's draft submissions.");
        me.MapPost("/drafts", CreateDraft).Doc("createDraft", "Tạo hồ sơ nháp", "Starts a draft online submission.");
        me.MapGet("/drafts/{id:guid}", GetDraft).Doc("getDraft", "Xem hồ sơ nháp", "One draft submission.");
        me.MapPut("/drafts/{id:guid}", UpdateDraft).Doc("updateDraft", "Lưu hồ sơ nháp", "Saves a draft submission.");
        me.MapDelete("/drafts/{id:guid}", DeleteDraft).Doc("deleteDraft", "Xóa hồ sơ nháp", "Deletes a draft submission.");
        me.MapPost("/drafts/{id:guid}/submit", Submit).Doc("submitDraft", "Nộp hồ sơ trực tuyến", "Submits a draft as an online dossier.");
        return portal;
    }

    private static async Task<Results<Accepted<SignUpStarted>, ValidationProblem>> StartSignUp(SignUpRequest body, SignUp signUp, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await signUp.StartAsync(body, ct) switch
        {
            SignUp.Started(var p, var expires) => TypedResults.Accepted((string?)null, Started(p, expires)),
            SignUp.Invalid(var e) => TypedResults.ValidationProblem(e, title: t["Thông tin đăng ký không hợp lệ"]),
            _ => throw new InvalidOperationException(),
        };

    private static async Task<Results<Accepted<SignUpStarted>, NotFound, ProblemHttpResult>> Resend(Guid id, SignUp signUp, CancellationToken ct) =>
        await signUp.ResendAsync(id, ct) switch
        {
            SignUp.Started(var p, var expires) => TypedResults.Accepted((string?)null, Started(p, expires)),
            SignUp.Refused(_, var message, _) => TypedResults.Problem(message, statusCode: StatusCodes.Status429TooManyRequests),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<SignUpVerified>, NotFound, ValidationProblem, ProblemHttpResult>> Verify(
        Guid id, VerifyRequest body, SignUp signUp, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await signUp.VerifyAsync(id, body.Code, ct) switch
        {
            SignUp.Verified(var u) => TypedResults.Ok(new SignUpVerified(u.UserName!)),
            SignUp.Refused(CodeCheck.Expired, var message, _) => TypedResults.Problem(message, statusCode: StatusCodes.Status410Gone, title: t["Mã đã hết hạn"]),
            SignUp.Refused(CodeCheck.TooManyAttempts, var message, _) => TypedResults.Problem(message, statusCode: StatusCodes.Status429TooManyRequests, title: t["Quá số lần thử"]),
            SignUp.Refused(_, var message, var left) => TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest, title: t["Mã không đúng"],
                extensions: new Dictionary<string, object?> { ["attemptsLeft"] = left }),
            SignUp.Invalid(var e) => TypedResults.ValidationProblem(e),
            _ => TypedResults.NotFound(),
        };

    internal static SignUpStarted Started(PendingSignUp p, DateTime expiresAtUtc) => new(p.Id, p.Channel, SignUp.SentTo(p), expiresAtUtc);


    private static async Task<Ok<StoredDocumentDto[]>> Documents(AppDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await PersonalStore.ListAsync(db, UserId(user), VietnamTime.Today(time), ct));

    private static async Task<Results<Ok<SubmitFormDto>, NotFound>> Form(string code, Drafts drafts, AppDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        if (await drafts.OnlineProcedureAsync(code, ct) is not { } p)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new SubmitFormDto(p.Code, p.Name, p.OnlineMode.ToString(), await drafts.UnitsAsync(p.Code, ct),
            await PersonalStore.FormAsync(db, p, UserId(user), VietnamTime.Today(time), ct)));
    }

    private static async Task<Ok<DraftDto[]>> ListDrafts(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = UserId(user);
        var rows = await db.PortalDrafts.AsNoTracking().Where(d => d.UserId == id).OrderByDescending(d => d.CreatedAtUtc).Take(100).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(Drafts.ToDto).ToArray());
    }

    private static async Task<Results<Created<DraftDto>, ValidationProblem>> CreateDraft(DraftInput body, Drafts drafts, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await drafts.OnlineProcedureAsync(body.ProcedureCode, ct) is not { } p)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["procedureCode"] = [t["Thủ tục '{0}' chưa cung cấp dịch vụ công trực tuyến.", body.ProcedureCode ?? ""]] });
        }

        var draft = await drafts.NewAsync(p, user, ct);
        return await drafts.SaveAsync(draft, body, isNew: true, ct) switch
        {
            Drafts.Saved(var d) => TypedResults.Created($"/api/v1/me/drafts/{d.Id}", Drafts.ToDto(d)),
            Drafts.Invalid(var e) => TypedResults.ValidationProblem(e, title: t["Hồ sơ nháp không hợp lệ"]),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<Ok<DraftDto>, NotFound>> GetDraft(Guid id, Drafts drafts, ClaimsPrincipal user, CancellationToken ct) =>
        await drafts.FindAsync(id, UserId(user), ct) is { } d ? TypedResults.Ok(Drafts.ToDto(d)) : TypedResults.NotFound();

    private static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem>> UpdateDraft(
        Guid id, DraftInput body, Drafts drafts, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await drafts.FindAsync(id, UserId(user), ct) is not { } draft)
        {
            return TypedResults.NotFound();
        }

        // A body with no known field (a client bug, unknown keys) would blank the saved draft: refuse it instead.
        if (body == new DraftInput(null, null, null, null, null, null, null, null, null))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [t["Cần gửi ít nhất một trường của hồ sơ nháp."]] }, title: t["Hồ sơ nháp không hợp lệ"]);
        }

        return await drafts.SaveAsync(draft, body, isNew: false, ct) switch
        {
            Drafts.Saved(var d) => TypedResults.Ok(Drafts.ToDto(d)),
            Drafts.Invalid(var e) => TypedResults.ValidationProblem(e, title: t["Hồ sơ nháp không hợp lệ"]),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<NoContent, NotFound>> DeleteDraft(Guid id, Drafts drafts, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await drafts.FindAsync(id, UserId(user), ct) is not { DossierCode: null } draft)
        {
            return TypedResults.NotFound();
        }

        db.PortalDrafts.Remove(draft);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<SubmittedDto>, NotFound, ValidationProblem, ProblemHttpResult>> Submit(
        Guid id, Drafts drafts, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await drafts.FindAsync(id, UserId(user), ct) is not { } draft)
        {
            return TypedResults.NotFound();
        }

        return await drafts.SubmitAsync(draft, user, ct) switch
        {
            Drafts.Submitted(var d, var dossier) => TypedResults.Created($"/api/v1/dossiers/{dossier.Code}",
                new SubmittedDto(d.Id, dossier.Code, dossier.Status.ToString(), dossier.ReusedDocuments)),
            Drafts.Invalid(var e) => TypedResults.ValidationProblem(e, title: t["Hồ sơ không hợp lệ"]),
            Drafts.Problem(var title, var detail, var missing) => TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
                extensions: new Dictionary<string, object?> { ["missingDocuments"] = missing }),
            _ => TypedResults.NotFound(),
        };
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
