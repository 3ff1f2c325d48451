using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Swaps a criterion with its previous ("up") or next ("down") sibling; nothing changes when it is already first or last.</summary>
public sealed class MoveCriterion(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Moved(bool Changed) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int schemeId, int criterionId, MoveRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        if (!await db.ScoringCriteria.AnyAsync(c => c.Id == criterionId && c.SchemeId == schemeId, ct))
        {
            return new NotFound();
        }

        if (body.Direction is not ("up" or "down"))
        {
            return new Invalid(new() { ["direction"] = [t["Hướng di chuyển là 'up' (lên) hoặc 'down' (xuống)."]] });
        }

        var all = await db.ScoringCriteria.Where(c => c.SchemeId == schemeId).ToListAsync(ct);
        var c = all.Single(x => x.Id == criterionId);
        var siblings = all.Where(x => x.ParentId == c.ParentId).OrderBy(x => x.SortOrder).ToList();
        var i = siblings.IndexOf(c);
        var j = body.Direction == "up" ? i - 1 : i + 1;
        if (j < 0 || j >= siblings.Count)
        {
            return new Moved(false);
        }

        (c.SortOrder, siblings[j].SortOrder) = (siblings[j].SortOrder, c.SortOrder);
        SaveCriterion.Normalise(all);
        await db.SaveChangesAsync(ct);
        return new Moved(true);
    }
}
