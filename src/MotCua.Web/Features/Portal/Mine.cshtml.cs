using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

public sealed record MyDossier(string Code, string ProcedureName, string Status, DateOnly ReceivedOn, DateOnly? AppointmentDate);

public sealed record MyDraft(Guid Id, string ProcedureCode, DateTime UpdatedAt);

[Authorize(Roles = Roles.Citizen)]
public sealed class MineModel(AppDbContext db) : PageModel
{
    public MyDossier[] Dossiers { get; private set; } = [];
    public MyDraft[] Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await db.Dossiers.AsNoTracking().Visible(User).OrderByDescending(d => d.Id).Take(100)
            .Select(d => new { d.Code, ProcedureName = d.OwnProcedureName ?? db.Procedures.Where(p => p.Id == d.ProcedureId).Select(p => p.Name).FirstOrDefault(), d.Status, d.ReceivedOn, d.AppointmentDate }).ToListAsync(ct);
        Dossiers = [.. rows.Select(r => new MyDossier(r.Code, r.ProcedureName ?? "", MotCua.Domain.Dossiers.DossierStatuses.Label(r.Status), r.ReceivedOn, r.AppointmentDate))];
        Drafts = [.. (await db.PortalDrafts.AsNoTracking().Where(d => d.UserId == id && d.DossierCode == null)
            .Select(d => new { d.Id, d.ProcedureCode, d.UpdatedAtUtc }).ToListAsync(ct))
            .OrderByDescending(d => d.UpdatedAtUtc).Select(d => new MyDraft(d.Id, d.ProcedureCode, d.UpdatedAtUtc))];
    }
}
