using System.Security.Claims;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Organisation;

/// <summary>The subtree a signed-in staff member may see and act in, read from their claims (no database hop).</summary>
public static class UnitScope
{
    /// <summary>The user's unit path ("58/584/22783/"), or null for a user without a unit (a citizen).</summary>
    public static string? UnitPath(this ClaimsPrincipal user) => user.FindFirstValue(AppClaims.UnitPath);

    public static int? UnitId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(AppClaims.UnitId), out var id) ? id : null;

    /// <summary>The path prefix the user may see: everything for an administrator, their unit's subtree for staff, nothing otherwise.</summary>
    public static string ScopePath(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? "" : user.UnitPath() ?? NoScope;

    /// <summary>True when <paramref name="path"/> lies inside the user's subtree.</summary>
    public static bool CanSee(this ClaimsPrincipal user, string path) =>
        path.StartsWith(user.ScopePath(), StringComparison.Ordinal);

    public static IQueryable<OrgUnit> InScopeOf(this IQueryable<OrgUnit> units, ClaimsPrincipal user)
    {
        var scope = user.ScopePath();
        return units.Where(u => u.Path.StartsWith(scope));
    }

    // No path starts with a NUL character, so this prefix matches nothing.
    private const string NoScope = "\u0000";
}
