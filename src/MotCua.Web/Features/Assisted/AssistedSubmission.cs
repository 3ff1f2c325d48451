using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Assisted;

/// <summary>
/// An online submission a desk officer prepares for a citizen who is present; it becomes a dossier (online, assisted)
/// only when the citizen types the one-time code sent to their phone (<see cref="OneTimeCodes"/>: only its salted hash is stored).
/// </summary>
public sealed class AssistedSubmission
{
    public long Id { get; set; }
    public required string OfficerId { get; set; }
    public required string RequestJson { get; set; }
    public required string Phone { get; set; }
    public Guid CodeId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? DossierCode { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<AssistedSubmission>(e =>
    {
        e.ToTable("AssistedSubmissions");
        e.Property(x => x.OfficerId).HasMaxLength(64);
        e.Property(x => x.RequestJson).HasMaxLength(200_000);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.Property(x => x.DossierCode).HasMaxLength(64);
    });
}

public sealed record AssistedStarted(long Id, DateTime ExpiresAt, string MaskedPhone);

public sealed record ConfirmRequest(string? Code);

public static class AssistedApi
{
    public const string Purpose = "assisted-submission";

    public static RouteGroupBuilder MapAssistedApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assisted-submissions").WithTags("Dossiers").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapPost("/", StartAsync);
        group.MapPost("/{id:long}/confirm", ConfirmAsync);
        return group;
    }

    internal static async Task<Results<Created<AssistedStarted>, ValidationProblem, ForbidHttpResult>> StartAsync(
        ReceiveRequest body, AppDbContext db, OneTimeCodes codes, ClaimsPrincipal user, TimeProvider time, IConfiguration config, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (actor?.Role != MotCua.Domain.Dossiers.ActorRole.Desk)
        {
            return TypedResults.Forbid();
        }

        var phone = body.Applicant?.Phone?.Trim();
        if (string.IsNullOrEmpty(phone) || phone.Length > 20)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["applicant.phone"] = [t["Cần số điện thoại của người nộp để gửi mã xác nhận."]] });
        }

        // Checked before any code is texted: a desk may only start an intake for a unit in its own subtree.
        if (!await db.Units.AsNoTracking().InScopeOf(user).AnyAsync(u => u.Code == body.UnitCode, ct))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unitCode"] = [t["Không tìm thấy đơn vị tiếp nhận '{0}' trong phạm vi của bạn.", body.UnitCode ?? ""]] });
        }

        var minutes = config.GetValue("Dossiers:AssistedCodeMinutes", 10);
        var code = codes.Issue(Purpose, new CodeMessage(NotificationChannel.Sms, phone, null,
            "Ma xac nhan nop ho so truc tuyen tai Bo phan Mot cua: {0}. Chi doc ma nay cho can bo khi ban dong y nop ho so. Ma het han sau "
            + minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " phut."), NotificationKind.OneTimeCode, TimeSpan.FromMinutes(minutes));
        var row = new AssistedSubmission
        {
            OfficerId = actor.Id,
            RequestJson = JsonSerializer.Serialize(body with { Channel = Channel.Online }),
            Phone = phone,
            CodeId = code.Id,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/assisted-submissions/{row.Id}", new AssistedStarted(row.Id, code.ExpiresAtUtc, Notifications.Masking.Recipient(phone)));
    }

    internal static async Task<Results<Created<ReceiveResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ConfirmAsync(
        long id, ConfirmRequest body, AppDbContext db, OneTimeCodes codes, ReceiveDossier receive, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var row = await db.Set<AssistedSubmission>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (row is null || actor is null || row.OfficerId != actor.Id || row.DossierCode is not null)
        {
            return TypedResults.NotFound();
        }

        switch ((await codes.VerifyAsync(row.CodeId, Purpose, body.Code, ct)).Check)
        {
            case MotCua.Domain.Portal.CodeCheck.Expired or MotCua.Domain.Portal.CodeCheck.TooManyAttempts:
                return TypedResults.Problem(t["Mã xác nhận đã hết hạn hoặc nhập sai quá số lần cho phép: hãy gửi mã mới."], statusCode: StatusCodes.Status410Gone);
            case MotCua.Domain.Portal.CodeCheck.Wrong:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [t["Mã xác nhận không đúng."]] });
        }

        var request = JsonSerializer.Deserialize<ReceiveRequest>(row.RequestJson)! with { IdempotencyKey = $"assisted-{row.Id:D8}" };
        switch (await receive.HandleAsync(request, user, ct))
        {
            case ReceiveDossier.Received(var d):
                await db.Dossiers.Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Assisted, true), ct);
                await db.Set<AssistedSubmission>().Where(a => a.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DossierCode, d.Code), ct);
                return TypedResults.Created($"/api/v1/dossiers/{d.Code}", new ReceiveResponse(d.Code, d.ReceivedAtUtc, d.AppointmentDate, d.Status.ToString(), d.DueDateEstimated, d.CurrentUnit?.Code));
            case ReceiveDossier.Invalid(var errors):
                return TypedResults.ValidationProblem(errors);
            case ReceiveDossier.Incomplete(_, _, var missing):
                return TypedResults.Problem(t["Hồ sơ chưa đầy đủ: cần bổ sung {0} thành phần (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — mẫu 02).", missing.Length], statusCode: StatusCodes.Status422UnprocessableEntity);
            case ReceiveDossier.Refused(var reason, _):
                return TypedResults.Problem(reason, statusCode: StatusCodes.Status422UnprocessableEntity);
            default:
                return TypedResults.NotFound();
        }
    }
}
