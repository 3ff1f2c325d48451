using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Phòng Nội vụ accepts a unit's report or returns it (the unit may then submit again).</summary>
public sealed class ReviewUnitReport(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Reviewed(UnitReport Report) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int id, ReviewRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        if (body.Accept is null)
        {
            return new Invalid(new() { ["accept"] = [t["Cần cho biết chấp nhận (true) hay trả lại (false) báo cáo."]] });
        }

        var scope = ReformAccess.Scope(user);
        if (await db.UnitReports.SingleOrDefaultAsync(r => r.Id == id && r.Unit!.Path.StartsWith(scope), ct) is not { } report)
        {
            return new NotFound();
        }

        report.Status = body.Accept == false ? UnitReportStatus.Returned : UnitReportStatus.Accepted;
        report.ReviewNote = body.Note?[..Math.Min(body.Note.Length, 2000)];
        await db.SaveChangesAsync(ct);
        return new Reviewed(report);
    }
}
