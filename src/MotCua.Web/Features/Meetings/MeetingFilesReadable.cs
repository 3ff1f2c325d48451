using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>An agenda document may be read by whoever sees the meeting: its invitees and the staff of the organising subtree.</summary>
public sealed class MeetingFilesReadable(AppDbContext db) : IFileReadGrant
{
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string fileId, CancellationToken ct) =>
        !user.IsInRole(Accounts.Roles.Citizen)
        && await MeetingReads.Visible(db.Meetings.AsNoTracking(), user).AnyAsync(m => m.Agenda.Any(a => a.Documents.Any(d => d.FileId == fileId)), ct);
}
