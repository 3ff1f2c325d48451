using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The units a dossier may be forwarded to today (issue 21.3), read once for the forward action and the dossier page's
/// select, so the page lists exactly what the server accepts. A unit in force today can take the dossier when it
/// (1) receives the procedure today (a <c>UnitProcedures</c> row in force, the intake's competence rule); (2) is the
/// authority a competent one-stop desk or office belongs to, or one of that authority's offices and desks (the district
/// desk received for UBND huyện, whose specialist offices process); or (3) holds a step of the dossier's own processing
/// plan (an inter-unit step, liên thông). Nearest to the dossier's current unit in the tree first.
/// </summary>
public static class ForwardTargets
{
    public static async Task<List<OrgUnit>> ForAsync(
        AppDbContext db, string procedureCode, IEnumerable<int> stepUnitIds, string currentUnitPath, DateOnly today, CancellationToken ct)
    {
        var competent = await db.UnitProcedures.AsNoTracking()
            .Where(up => up.ProcedureCode == procedureCode && up.ValidFrom <= today && (up.ValidTo == null || up.ValidTo >= today))
            .Select(up => up.Unit!)
            .Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today))
            .ToListAsync(ct);
        List<int> authorities = [.. competent.Where(u => u.Kind is UnitKind.Desk or UnitKind.Office && u.ParentId is not null).Select(u => u.ParentId!.Value).Distinct()];
        List<int> steps = [.. stepUnitIds.Distinct()];
        var others = authorities.Count == 0 && steps.Count == 0
            ? []
            : await db.Units.AsNoTracking()
                .Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today))
                .Where(u => authorities.Contains(u.Id)
                    || (u.ParentId != null && authorities.Contains(u.ParentId.Value) && (u.Kind == UnitKind.Office || u.Kind == UnitKind.Desk))
                    || steps.Contains(u.Id))
                .ToListAsync(ct);
        return [.. competent.Concat(others).DistinctBy(u => u.Id)
            .OrderByDescending(u => CommonPrefix(u.Path, currentUnitPath)).ThenBy(u => u.Path, StringComparer.Ordinal)];
    }

    /// <summary>The targets of a loaded dossier (its steps included).</summary>
    public static Task<List<OrgUnit>> ForAsync(AppDbContext db, Dossier dossier, DateOnly today, CancellationToken ct) =>
        ForAsync(db, dossier.ProcedureCode, dossier.Steps.Select(s => s.UnitId), dossier.CurrentUnitPath, today, ct);

    // Whole path segments shared, so that 56.BACAI/ is nearer to itself than to 56.BACAIDONG/.
    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        for (var i = 0; i < a.Length && i < b.Length && a[i] == b[i]; i++)
        {
            if (a[i] == '/')
            {
                n = i + 1;
            }
        }

        return n;
    }
}
