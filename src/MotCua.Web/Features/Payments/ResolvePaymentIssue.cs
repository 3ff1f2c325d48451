using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

public sealed record ResolveRequest(string? Note);

/// <summary>An administrator closes a reconciliation issue with a note saying how it was settled.</summary>
public sealed class ResolvePaymentIssue(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Resolved : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, ResolveRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var note = body.Note;
        if (string.IsNullOrWhiteSpace(note) || note.Length > 1000)
        {
            return new Invalid("note", t["Ghi rõ cách đã xử lý (tối đa 1000 ký tự)."]);
        }

        var issue = await db.PaymentIssues.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return new NotFound();
        }

        issue.ResolvedAtUtc ??= time.GetUtcNow().UtcDateTime;
        issue.ResolvedBy = user.FindFirstValue(AppClaims.FullName) ?? user.Identity?.Name;
        issue.ResolutionNote = note.Trim();
        await db.SaveChangesAsync(ct);
        return new Resolved();
    }
}
