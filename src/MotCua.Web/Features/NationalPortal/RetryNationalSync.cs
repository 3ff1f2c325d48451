using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>An officer asks for a failed (or waiting) dossier to be sent again now instead of after its backoff.</summary>
public sealed class RetryNationalSync(AppDbContext db, TimeProvider time, IOptions<DvcqgOptions> options, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;
    public sealed record Scheduled(string Code, DateTime At) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(string? code, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!options.Value.IsConfigured)
        {
            return new Refused(t["Chưa cấu hình kết nối Cổng Dịch vụ công quốc gia (Integrations:Dvcqg:BaseUrl)."]);
        }

        var scope = user.ScopePath();
        var d = await db.Dossiers.AsNoTracking().Where(x => x.Code == (code ?? "").Trim() && x.ReceivingUnitPath.StartsWith(scope))
            .Select(x => new { x.Id, x.Code, x.NationalSynced }).SingleOrDefaultAsync(ct);
        if (d is null)
        {
            return new NotFound();
        }

        if (d.NationalSynced != false)
        {
            return new Refused(d.NationalSynced == true
                ? t["Hồ sơ {0} đã được đồng bộ.", d.Code]
                : t["Hồ sơ {0} là hồ sơ lịch sử, không đồng bộ.", d.Code]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        // A row leased by a running attempt is left to it; a dossier never attempted is already due.
        await db.NationalSyncs.Where(s => s.DossierId == d.Id && (s.LeaseUntilUtc == null || s.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAtUtc, now), ct);
        return new Scheduled(d.Code, now);
    }
}
