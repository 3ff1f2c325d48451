using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Deletes a criterion that has no sub-criteria and no scores (ADR 0015).</summary>
public sealed class DeleteCriterion(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Deleted : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    /// <summary>The criterion still has sub-criteria or scores: 409.</summary>
    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(int schemeId, int criterionId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        if (!await db.ScoringCriteria.AnyAsync(c => c.Id == criterionId && c.SchemeId == schemeId, ct))
        {
            return new NotFound();
        }

        var all = await db.ScoringCriteria.Where(c => c.SchemeId == schemeId).ToListAsync(ct);
        var c = all.Single(x => x.Id == criterionId);
        if (all.Any(x => x.ParentId == c.Id))
        {
            return new Refused(t["Tiêu chí '{0}' còn tiêu chí con: xoá hoặc chuyển các tiêu chí con trước.", c.Code]);
        }

        if ((await ReadSchemes.ScoredAsync(db, schemeId, ct)).Contains(c.Id))
        {
            return new Refused(t["Tiêu chí '{0}' đã được các đơn vị chấm điểm nên không thể xoá.", c.Code]);
        }

        db.ScoringCriteria.Remove(c);
        all.Remove(c);
        SaveCriterion.Normalise(all);
        await db.SaveChangesAsync(ct);
        return new Deleted();
    }
}
