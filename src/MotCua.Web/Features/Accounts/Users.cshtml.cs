using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Accounts;

[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class UsersModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(string UserName, string FullName, string[] Roles, string? UnitName, bool LockedOut, bool DemoPassword);

    public Row[] Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.FullName, Unit = u.Unit == null ? null : u.Unit.Name, u.LockoutEnd, u.HasDemoPassword })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        Users = [.. users.Select(u => new Row(
            u.UserName!, u.FullName, [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)], u.Unit,
            u.LockoutEnd > now, u.HasDemoPassword))];
    }
}
