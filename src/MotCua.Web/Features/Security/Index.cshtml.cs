using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Security;

/// <summary>Administrators read the audit trail: sign-ins and views of personal data, filtered by person, dossier or kind.</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 200;

    public AuditRecord[] Rows { get; private set; } = [];
    public string? UserName { get; private set; }
    public string? Subject { get; private set; }
    public AuditKind? Kind { get; private set; }

    public async Task OnGetAsync(string? user, string? subject, string? kind, CancellationToken ct)
    {
        UserName = string.IsNullOrWhiteSpace(user) ? null : user.Trim();
        Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
        Kind = Enum.TryParse<AuditKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        var q = db.AuditRecords.AsNoTracking();
        if (UserName is not null)
        {
            q = q.Where(r => r.UserName == UserName);
        }

        if (Subject is not null)
        {
            q = q.Where(r => r.Subject == Subject);
        }

        if (Kind is { } only)
        {
            q = q.Where(r => r.Kind == only);
        }

        Rows = await q.OrderByDescending(r => r.Id).Take(PageSize).ToArrayAsync(ct);
    }
}
