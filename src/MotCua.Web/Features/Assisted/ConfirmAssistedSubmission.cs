using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Portal;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Assisted;

public sealed record ConfirmRequest(string? Code);

/// <summary>The citizen's code, typed by the officer, turns the prepared submission into an online, assisted dossier.</summary>
public sealed class ConfirmAssistedSubmission(AppDbContext db, OneTimeCodes codes, ReceiveDossier receive, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Received(Dossier Dossier) : Outcome;

    /// <summary>No such submission of this officer, already confirmed, or the intake refused the officer.</summary>
    public sealed record NotFound : Outcome;

    /// <summary>A wrong code, or the intake's own validation errors.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    /// <summary>The code expired or was mistyped too often: a new submission is needed.</summary>
    public sealed record Expired(string Message) : Outcome;

    /// <summary>The intake found the dossier incomplete or out of the unit's competence.</summary>
    public sealed record NotReceived(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, ConfirmRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var row = await db.Set<AssistedSubmission>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (row is null || actor is null || row.OfficerId != actor.Id || row.DossierCode is not null)
        {
            return new NotFound();
        }

        switch ((await codes.VerifyAsync(row.CodeId, StartAssistedSubmission.Purpose, body.Code, ct)).Check)
        {
            case CodeCheck.Expired or CodeCheck.TooManyAttempts:
                return new Expired(t["Mã xác nhận đã hết hạn hoặc nhập sai quá số lần cho phép: hãy gửi mã mới."]);
            case CodeCheck.Wrong:
                return new Invalid(new() { ["code"] = [t["Mã xác nhận không đúng."]] });
        }

        var request = JsonSerializer.Deserialize<ReceiveRequest>(row.RequestJson)! with { IdempotencyKey = $"assisted-{row.Id:D8}" };
        switch (await receive.HandleAsync(request, user, ct))
        {
            case ReceiveDossier.Received(var d):
                await db.Dossiers.Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Assisted, true), ct);
                await db.Set<AssistedSubmission>().Where(a => a.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DossierCode, d.Code), ct);
                return new Received(d);
            case ReceiveDossier.Invalid(var errors):
                return new Invalid(errors);
            case ReceiveDossier.Incomplete(_, _, var missing):
                return new NotReceived(t["Hồ sơ chưa đầy đủ: cần bổ sung {0} thành phần (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — mẫu 02).", missing.Length]);
            case ReceiveDossier.Refused(var reason, _):
                return new NotReceived(reason);
            default:
                return new NotFound();
        }
    }
}
