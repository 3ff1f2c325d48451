using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>Appends to a document's history; the (document, sequence) unique index turns a concurrent append into a conflict, never a lost event.</summary>
public static class DocumentHistory
{
    public static async Task AppendAsync(AppDbContext db, OfficialDocument document, ClaimsPrincipal user, DateTime nowUtc, string action, string? note, CancellationToken ct)
    {
        var last = document.Id == 0 ? 0 : await db.DocumentEvents.Where(e => e.DocumentId == document.Id).MaxAsync(e => (int?)e.Sequence, ct) ?? 0;
        last += db.ChangeTracker.Entries<DocumentEvent>().Count(e => e.State == EntityState.Added && e.Entity.DocumentId == document.Id && document.Id != 0);
        var e = new DocumentEvent
        {
            DocumentId = document.Id,
            Sequence = last + 1,
            AtUtc = nowUtc,
            ActorId = ActorId(user),
            ActorName = ActorName(user),
            Action = action,
            Note = note,
        };
        db.DocumentEvents.Add(e);
    }

    public static string ActorId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "system";

    public static string ActorName(ClaimsPrincipal user) => user.FindFirstValue(AppClaims.FullName) ?? user.Identity?.Name ?? "Hệ thống";
}
