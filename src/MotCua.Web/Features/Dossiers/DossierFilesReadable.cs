using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Staff may read an upload that is a component or the result of a dossier they can see.</summary>
public sealed class DossierFilesReadable(AppDbContext db) : IFileReadGrant
{
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string fileId, CancellationToken ct) =>
        !user.IsInRole(Accounts.Roles.Citizen)
        && await db.Dossiers.AsNoTracking().Visible(user).AnyAsync(d => d.DocumentRows.Any(x => x.FileId == fileId) || d.ResultFileId == fileId, ct);
}
