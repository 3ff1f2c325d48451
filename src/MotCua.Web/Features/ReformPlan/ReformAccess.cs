using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Who may edit and see what in the reform feature (ADR 0007).</summary>
public static class ReformAccess
{
    public static bool CanEdit(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Reform);

    /// <summary>
    /// Phòng Nội vụ follows the whole district, so a reform officer's scope is the parent of their own unit;
    /// everyone else keeps their ordinary subtree.
    /// </summary>
    public static string Scope(ClaimsPrincipal user)
    {
        var scope = user.ScopePath();
        if (user.IsInRole(Roles.Admin) || !user.IsInRole(Roles.Reform) || scope.Length == 0)
        {
            return scope;
        }

        var trimmed = scope.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        return cut < 0 ? scope : trimmed[..(cut + 1)];
    }

    public static IQueryable<OrgUnit> InReformScope(this IQueryable<OrgUnit> units, ClaimsPrincipal user)
    {
        var scope = Scope(user);
        return units.Where(u => u.Path.StartsWith(scope));
    }

    /// <summary>
    /// Offices and communes directly under a district, in force at some time in [<paramref name="from"/>, <paramref name="to"/>] and inside the caller's reform scope,
    /// except the units that receive the reports (those of reform officers).
    /// </summary>
    public static async Task<List<OrgUnit>> ReportingUnitsAsync(AppDbContext db, ClaimsPrincipal user, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var receivers = await (from u in db.Users
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join r in db.Roles on ur.RoleId equals r.Id
                               where r.Name == Roles.Reform && u.UnitId != null
                               select u.UnitId!.Value).Distinct().ToListAsync(ct);
        return await db.Units.AsNoTracking().InReformScope(user)
            .Where(u => (u.Kind == UnitKind.Office || u.Kind == UnitKind.Commune) && u.Parent != null && u.Parent.Kind == UnitKind.District)
            .Where(u => u.ValidFrom <= to && (u.ValidTo == null || u.ValidTo >= from))
            .Where(u => !receivers.Contains(u.Id))
            .OrderBy(u => u.Code)
            .ToListAsync(ct);
    }
}
