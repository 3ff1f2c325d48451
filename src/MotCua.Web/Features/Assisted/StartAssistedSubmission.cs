using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Assisted;

public sealed record AssistedStarted(long Id, DateTime ExpiresAt, string MaskedPhone);

/// <summary>A desk officer prepares an online submission for a citizen who is present and texts the one-time code to the citizen's phone.</summary>
public sealed class StartAssistedSubmission(AppDbContext db, OneTimeCodes codes, TimeProvider time, IConfiguration config, IStringLocalizer<SharedResource> t)
{
    public const string Purpose = "assisted-submission";

    public abstract record Outcome;

    public sealed record Started(AssistedStarted Submission) : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public sealed record Forbidden : Outcome;

    public async Task<Outcome> HandleAsync(ReceiveRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (actor?.Role != MotCua.Domain.Dossiers.ActorRole.Desk)
        {
            return new Forbidden();
        }

        var phone = body.Applicant?.Phone?.Trim();
        if (string.IsNullOrEmpty(phone) || phone.Length > 20)
        {
            return new Invalid(new() { ["applicant.phone"] = [t["Cần số điện thoại của người nộp để gửi mã xác nhận."]] });
        }

        // Checked before any code is texted: a desk may only start an intake for a unit in its own subtree.
        if (!await db.Units.AsNoTracking().InScopeOf(user).AnyAsync(u => u.Code == body.UnitCode, ct))
        {
            return new Invalid(new() { ["unitCode"] = [t["Không tìm thấy đơn vị tiếp nhận '{0}' trong phạm vi của bạn.", body.UnitCode ?? ""]] });
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
        return new Started(new AssistedStarted(row.Id, code.ExpiresAtUtc, Masking.Recipient(phone)));
    }
}
