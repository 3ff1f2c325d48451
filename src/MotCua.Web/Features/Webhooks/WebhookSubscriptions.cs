using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Webhooks;

/// <summary>
/// The live subscriptions, held in memory so that a dossier save adds its webhook messages without a query (the intake path
/// stays as fast with subscribers as without). Reloaded every few seconds, so that a subscription made on another instance
/// takes effect there within that delay, and at once on the instance that made it.
/// </summary>
public sealed class WebhookSubscriptions(IServiceScopeFactory scopes) : BackgroundService
{
    public static readonly TimeSpan ReloadEvery = TimeSpan.FromSeconds(5);

    public sealed record Live(long Id, string Url, string UnitPath, string[] Events, DateTime CreatedAtUtc);

    private volatile IReadOnlyList<Live> current = [];

    public IReadOnlyList<Live> Current => current;

    public async Task ReloadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.DeletedAtUtc == null && s.ApiClient!.RevokedAtUtc == null)
            .Select(s => new { s.Id, s.Url, s.ApiClient!.Unit!.Path, s.Events, s.CreatedAtUtc })
            .ToListAsync(ct);
        current = [.. rows.Select(r => new Live(r.Id, r.Url, r.Path, r.Events.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.CreatedAtUtc))];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ReloadEvery);
        do
        {
            try
            {
                await ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A missed reload keeps the last list; the next tick tries again (the database may be starting or migrating).
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// The messages one history event of a dossier gives: one per live subscription that asked for its type, whose unit
    /// subtree holds the dossier (where it was received or where it is now), and that existed when the event happened.
    /// The payload names the dossier and its states, never the applicant: the subscriber reads the rest with its token.
    /// </summary>
    public IEnumerable<OutboxMessage> MessagesFor(
        string dossierCode, string procedureCode, string receivingUnitPath, string currentUnitPath, long sequence, string action,
        string? before, string after, DateOnly? dueDate, DateTime atUtc)
    {
        var subscriptions = current;
        if (subscriptions.Count == 0 || WebhookEventTypes.Of(sequence, action, before, after) is not { } type)
        {
            yield break;
        }

        string? body = null;
        foreach (var s in subscriptions)
        {
            if (!s.Events.Contains(type) || s.CreatedAtUtc > atUtc
                || !(receivingUnitPath.StartsWith(s.UnitPath, StringComparison.Ordinal) || currentUnitPath.StartsWith(s.UnitPath, StringComparison.Ordinal)))
            {
                continue;
            }

            body ??= System.Text.Json.JsonSerializer.Serialize(new WebhookPayload(
                $"evt_{dossierCode}_{sequence}", type, atUtc, new(dossierCode, procedureCode, sequence, action, before, after, dueDate)), WebhookPayload.Json);
            yield return new OutboxMessage
            {
                CreatedAtUtc = atUtc,
                Channel = NotificationChannel.Webhook,
                Kind = NotificationKind.DossierEvent,
                To = s.Url,
                Subject = type,
                Body = body,
                DossierCode = dossierCode,
                NextAttemptAtUtc = atUtc,
                WebhookSubscriptionId = s.Id,
            };
        }
    }
}

/// <summary>The JSON posted for one event (documented in docs/api.md).</summary>
public sealed record WebhookPayload(string Id, string Type, DateTime OccurredAt, WebhookPayload.DossierData Data)
{
    public sealed record DossierData(string Code, string ProcedureCode, long Sequence, string Action, string? StatusBefore, string Status, DateOnly? DueDate);

    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
}
