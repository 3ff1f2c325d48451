using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Notifications;

public sealed record OutboxRow(long Id, DateTime CreatedAtUtc, string DossierCode, NotificationKind Kind, NotificationChannel Channel, string Recipient, string Status, int Attempts, DateTime? SentAtUtc, DateTime NextAttemptAtUtc, string? LastError);

/// <summary>Administrators see recent outbox messages and whether they were delivered.</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 200;

    public OutboxRow[] Rows { get; private set; } = [];
    public string? Status { get; private set; }

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Status = status is "sent" or "pending" or "failed" ? status : null;
        var q = db.OutboxMessages.AsNoTracking();
        q = Status switch
        {
            "sent" => q.Where(m => m.SentAtUtc != null),
            "failed" => q.Where(m => m.FailedPermanently),
            "pending" => q.Where(m => m.SentAtUtc == null && !m.FailedPermanently),
            _ => q,
        };
        var rows = await q.OrderByDescending(m => m.Id).Take(PageSize).ToListAsync(ct);
        Rows = [.. rows.Select(m => new OutboxRow(
            m.Id, m.CreatedAtUtc, m.DossierCode, m.Kind, m.Channel, Masking.Recipient(m.To),
            m.SentAtUtc is not null ? "sent" : m.FailedPermanently ? "failed" : "pending",
            m.Attempts, m.SentAtUtc, m.NextAttemptAtUtc, m.LastError))];
    }
}
