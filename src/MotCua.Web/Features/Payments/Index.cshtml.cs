using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

/// <summary>The applicant (or the desk) sees the fee due and pays it online; past attempts with their receipts.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, StartPayment start) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public Dossier? Dossier { get; private set; }
    public Payment[] Attempts { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanPay => Dossier is { Status: DossierStatus.AwaitingFee, FeeVnd: > 0 } && Attempts.All(a => a.Status != PaymentStatus.Paid);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        switch (await start.HandleAsync(Code ?? "", User, StartPayment.ReturnUrl(Request.Scheme, Request.Host.ToString()), ip, ct))
        {
            case StartPayment.Started(var p):
                return Redirect(p.RedirectUrl!);
            case StartPayment.Forbidden(var message):
                Error = message;
                break;
            case StartPayment.Conflict(var message):
                Error = message;
                break;
            default:
                return NotFound();
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Dossier = await db.Dossiers.AsNoTracking().Visible(User).SingleOrDefaultAsync(d => d.Code == Code, ct);
        if (Dossier is null)
        {
            return false;
        }

        Attempts = await db.Payments.AsNoTracking().Where(p => p.DossierId == Dossier.Id).OrderByDescending(p => p.Id).ToArrayAsync(ct);
        return true;
    }
}
