using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Phòng Nội vụ records the appraised score of one leaf criterion for a unit in its scope.</summary>
public sealed class AppraiseCriterion(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Done : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int schemeId, AppraisalRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        if (!await db.ScoringSchemes.AnyAsync(s => s.Id == schemeId, ct))
        {
            return new NotFound();
        }

        var (criterion, errors) = await SelfAssessCriterion.LeafAsync(db, schemeId, body.CriterionCode, body.Score, t, ct);
        var unit = string.IsNullOrWhiteSpace(body.UnitCode) ? null : await db.Units.AsNoTracking().InReformScope(user).SingleOrDefaultAsync(u => u.Code == body.UnitCode, ct);
        if (unit is null)
        {
            errors["unitCode"] = [t["Không tìm thấy đơn vị '{0}'.", body.UnitCode ?? ""]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var a = await db.Assessments.SingleOrDefaultAsync(x => x.CriterionId == criterion!.Id && x.UnitId == unit!.Id, ct);
        if (a is null)
        {
            a = new Assessment { CriterionId = criterion!.Id, UnitId = unit!.Id };
            db.Assessments.Add(a);
        }

        a.AppraisedScore = body.Score;
        a.AppraisalNote = body.Note?[..Math.Min(body.Note.Length, 2000)];
        await db.SaveChangesAsync(ct);
        return new Done();
    }
}
