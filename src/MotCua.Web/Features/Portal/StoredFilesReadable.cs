using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

/// <summary>An electronic result recorded by staff is readable by the applicant whose store holds it.</summary>
public sealed class StoredFilesReadable(AppDbContext db) : IFileReadGrant
{
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string fileId, CancellationToken ct)
    {
        if (!user.IsInRole(Accounts.Roles.Citizen))
        {
            return false;
        }

        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.StoredDocuments.AnyAsync(s => s.UserId == me && s.FileId == fileId, ct);
    }
}
