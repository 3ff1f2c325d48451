using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

[Authorize(Roles = Roles.Citizen)]
public sealed class DocumentsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public StoredDocumentDto[] Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await PersonalStore.ListAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, VietnamTime.Today(time), ct);
}
