using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Tracking;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

/// <summary>
/// The applicant's receipt on screen: the submission acknowledgement at once, form 01 with the appointment as soon as
/// the desk has accepted (there is no legal appointment before that).
/// </summary>
[Authorize(Roles = Roles.Citizen)]
public sealed class ReceiptModel(AppDbContext db, TrackingTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public Dossier? Dossier { get; private set; }
    public string TrackingLink { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Dossier = string.IsNullOrWhiteSpace(Code) ? null : await ReadDossiers.LoadAsync(db, Code, User, ct);
        if (Dossier is null)
        {
            return NotFound();
        }

        TrackingLink = tokens.Link(TrackingTokens.Origin(Request), Dossier.Code);
        return Page();
    }
}
