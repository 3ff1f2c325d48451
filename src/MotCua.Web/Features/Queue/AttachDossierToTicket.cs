using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

/// <summary>Records on the ticket the dossier received for its citizen (from the desk intake page); a ticket outside the scope or already linked is left alone.</summary>
public sealed class AttachDossierToTicket(AppDbContext db)
{
    public async Task HandleAsync(long ticketId, string dossierCode, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        await db.QueueTickets.Where(x => x.Id == ticketId && x.UnitPath.StartsWith(scope) && x.DossierCode == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DossierCode, dossierCode), ct);
    }
}
