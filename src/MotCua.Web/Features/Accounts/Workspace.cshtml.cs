using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Accounts;

/// <summary>The staff workspace at <c>/Staff</c>: who I am and the units in my scope.</summary>
public sealed class WorkspaceModel(AppDbContext db) : PageModel
{
    public UnitDto[] Units { get; private set; } = [];
    public string[] RoleNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        RoleNames = [.. User.FindAll(ClaimTypes.Role).Select(r => Roles.DisplayName(r.Value))];
        Units = await UnitTree.Query(db, User, null).ToArrayAsync(ct);
    }
}
