using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Results;

/// <summary>The desk's list of results to send by post, inside its subtree.</summary>
public sealed class PostalModel(AppDbContext db) : PageModel
{
    public ResultDelivery[] Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = User.ScopePath();
        var open = db.Dossiers.Where(d => d.Status != MotCua.Domain.Dossiers.DossierStatus.Returned).Select(d => d.Id);
        Requests = await db.ResultDeliveries.AsNoTracking().Where(r => r.UnitPath.StartsWith(scope) && open.Contains(r.DossierId))
            .OrderBy(r => r.RequestedAtUtc).Take(500).ToArrayAsync(ct);
    }
}
