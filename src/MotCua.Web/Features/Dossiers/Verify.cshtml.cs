using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Administrators re-verify every dossier's hash chain on demand (the same check as the verify-history command).</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class VerifyModel(AppDbContext db, HistoryAnchors anchors) : PageModel
{
    public VerifyHistory.Report? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct) => Report = await VerifyHistory.RunAsync(db, anchors, null, ct);
}
