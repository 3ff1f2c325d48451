using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Files;

namespace MotCua.Web.Features.Documents;

/// <summary>Staff may read an attachment of a document they can see (its unit's subtree, or a holding).</summary>
public sealed class DocumentFilesReadable(ReadDocuments reads) : IFileReadGrant
{
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string fileId, CancellationToken ct) =>
        !user.IsInRole(Accounts.Roles.Citizen) && await reads.Visible(user).AnyAsync(d => d.Attachments.Any(a => a.FileId == fileId), ct);
}
