using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

/// <summary>
/// The portal's start page: search first, then the procedures offered online grouped by life event and by field, each
/// group collapsed with its count, so that a phone's first screen shows where to go rather than a long list.
/// </summary>
public sealed class IndexModel(AppDbContext db, ProcedureCatalogue catalogue, TimeProvider time, OidcOptions oidc) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Welcome { get; set; }

    /// <summary>The group to show open (a life event's or a field's key), e.g. from a link on the home page.</summary>
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    /// <summary>Ranked matches when a search was typed; null otherwise.</summary>
    public CatalogueItem[]? Results { get; private set; }
    public ProcedureGroup[] ByLifeEvent { get; private set; } = [];
    public ProcedureGroup[] ByField { get; private set; } = [];
    public int Total { get; private set; }
    public bool IsCitizen => User.IsInRole(Roles.Citizen);
    public bool ElectronicallyIdentified => User.HasClaim(AppClaims.ElectronicId, "true");
    public OidcOptions Oidc => oidc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (items, _, _) = await catalogue.CurrentAsync(db, ct);
        var online = items.Where(i => i.OnlineMode != OnlineMode.None).ToArray();
        Total = online.Length;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var hits = ProcedureCatalogue.Search(online, new SearchQuery(Q, null, null, null, 1, Math.Max(1, online.Length)));
            Results = [.. hits.Items.Select(h => h.Item)];
            return;
        }

        ByLifeEvent = ProcedureGroups.ByLifeEvent(online, VietnamTime.Today(time));
        ByField = ProcedureGroups.ByField(online);
    }

    public string? UserName => User.FindFirstValue(AppClaims.FullName);
}
