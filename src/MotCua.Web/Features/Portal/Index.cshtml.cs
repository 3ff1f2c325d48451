using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

public sealed record OnlineProcedure(string Code, string Name, string Field, OnlineMode Mode);

/// <summary>The portal's start page: what you need before you begin, the procedures offered online, your drafts and dossiers.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, OidcOptions oidc) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Welcome { get; set; }
    public OnlineProcedure[] Procedures { get; private set; } = [];
    public bool IsCitizen => User.IsInRole(Roles.Citizen);
    public bool ElectronicallyIdentified => User.HasClaim(AppClaims.ElectronicId, "true");
    public OidcOptions Oidc => oidc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var query = db.Procedures.AsNoTracking().Where(p => p.OnlineMode != OnlineMode.None && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var folded = TextFolding.Fold(Q);
            query = query.Where(p => p.SearchText.Contains(folded));
        }

        Procedures = [.. (await query.Select(p => new OnlineProcedure(p.Code, p.Name, p.Field, p.OnlineMode)).ToListAsync(ct))
            .OrderBy(p => p.Field, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    public string? UserName => User.FindFirstValue(AppClaims.FullName);
}
