using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// Delivers outbox messages. Each pass claims a batch with a lease row update (owner + expiry) so that two
/// instances never send one message twice and an expired lease of a crashed instance is claimed again.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, IEmailSender email, ISmsGateway sms, IWebhookSender webhooks, TimeProvider time,
    IOptions<NotificationOptions> options, ILogger<OutboxDispatcher> log, SensitiveBodies sensitive, string ownerId)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromDays(1);

    public string OwnerId { get; } = ownerId;

    /// <summary>Test seam: runs between choosing candidates and claiming them, so a test can put another instance's claim in that gap.</summary>
    internal Func<Task>? AfterCandidatesChosen { get; set; }

    /// <summary>One claim-send-release pass; returns how many messages it claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var o = options.Value.Dispatcher;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var leaseUntil = now.AddSeconds(o.LeaseSeconds);

        // A claim moves NextAttemptAtUtc to the lease's end, so "due" alone leaves out the messages in flight: the partial index
        // walked in id order with one filter. With the lease columns in it PostgreSQL misjudged a growing table and read every
        // pending message each pass (bitmap scan and sort, 24 ms at 12,000 pending, issue 25 item 1).
        var candidates = await db.OutboxMessages.Where(m => m.SentAtUtc == null && !m.FailedPermanently && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        if (AfterCandidatesChosen is { } gap)
        {
            await gap();
        }

        // The lease condition is repeated in the UPDATE: whoever updates a row first owns it, the other's update matches nothing.
        await UnflushedAsync(db, () => Due(db.OutboxMessages, now).Where(m => candidates.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, OwnerId).SetProperty(m => m.LeaseUntilUtc, leaseUntil).SetProperty(m => m.NextAttemptAtUtc, leaseUntil), ct));
        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.LeaseOwner == OwnerId && m.LeaseUntilUtc > now && m.SentAtUtc == null)
            .OrderBy(m => m.Id).ToListAsync(ct);

        foreach (var m in claimed)
        {
            await DeliverAsync(db, scope.ServiceProvider, m, o, ct);
        }

        return claimed.Count;
    }

    public const string JobName = "outbox";

    /// <summary>One scheduled pass: dispatch until a batch is not full, then record the run (also when it failed).</summary>
    public async Task<int> RunScheduledPassAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Operations.ScheduledJobs>().RunAsync(JobName, OwnerId, async c =>
        {
            // A full batch means more may be waiting: go again at once.
            int claimed, total = 0;
            do
            {
                claimed = await DispatchOnceAsync(c);
                total += claimed;
            }
            while (claimed >= options.Value.Dispatcher.BatchSize);
            return total;
        }, total => total, ct);
    }

    /// <summary>
    /// The dispatcher's own bookkeeping (claims, results of a delivery) commits on PostgreSQL without waiting for the WAL
    /// flush (~2 ms here, one per message before): a server crash may lose the last marks, and the messages are sent again,
    /// as after a crash between sending and marking (delivery is at least once). Dossier writes stay synchronous.
    /// </summary>
    private static async Task UnflushedAsync(AppDbContext db, Func<Task<int>> update)
    {
        if (!db.Database.IsNpgsql())
        {
            await update();
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", CancellationToken.None);
        await update();
        await tx.CommitAsync(CancellationToken.None);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> q, DateTime now) =>
        q.Where(m => m.SentAtUtc == null && !m.FailedPermanently && m.NextAttemptAtUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now));

    private async Task DeliverAsync(AppDbContext db, IServiceProvider services, OutboxMessage m, DispatcherOptions o, CancellationToken ct)
    {
        string? error = null;
        try
        {
            var text = m.Sensitive ? sensitive.Open(m.Body) : m.Body;
            if (m.Channel == NotificationChannel.Webhook)
            {
                await webhooks.SendAsync(m, ct);
            }
            else if (m.Channel == NotificationChannel.Exchange)
            {
                await services.GetRequiredService<IExchangeSender>().SendAsync(m, ct);
            }
            else if (m.Channel == NotificationChannel.Email)
            {
                await email.SendAsync(m.To, m.Subject ?? m.DossierCode, text, ct);
            }
            else
            {
                await sms.SendAsync(m.To, text, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Provider errors may quote the address (masked) or the text (a sensitive one's is not kept at all).
            error = m.Sensitive ? ex.GetType().Name : $"{ex.GetType().Name}: {ex.Message}".Replace(m.To, Masking.Recipient(m.To), StringComparison.OrdinalIgnoreCase);
            if (error.Length > 1000)
            {
                error = error[..1000];
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var attempts = m.Attempts + 1;
        var mine = db.OutboxMessages.Where(x => x.Id == m.Id && x.LeaseOwner == OwnerId);
        if (error is null)
        {
            // A delivered secret has no reason to stay: the row keeps a placeholder.
            var kept = m.Sensitive ? SensitiveBodies.Placeholder : m.Body;
            await UnflushedAsync(db, () => mine.ExecuteUpdateAsync(s => s
                .SetProperty(x => x.SentAtUtc, now).SetProperty(x => x.Body, kept).SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, (string?)null)
                .SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntilUtc, (DateTime?)null), CancellationToken.None));
            LogSent(m.Id, m.Kind, m.Channel);
            return;
        }

        var failed = attempts >= o.MaxAttempts;
        var next = now + Backoff(attempts, o);
        var body = failed && m.Sensitive ? SensitiveBodies.Placeholder : m.Body;
        await UnflushedAsync(db, () => mine.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Body, body).SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, error).SetProperty(x => x.NextAttemptAtUtc, next)
            .SetProperty(x => x.FailedPermanently, failed)
            .SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntilUtc, (DateTime?)null), CancellationToken.None));
        LogFailed(m.Id, m.Kind, m.Channel, attempts, failed);
    }

    /// <summary>Delay before attempt n+1 after n failures: base, 2×base, 4×base … capped at one day.</summary>
    public static TimeSpan Backoff(int failures, DispatcherOptions o)
    {
        var seconds = o.BackoffSeconds * Math.Pow(2, Math.Max(0, failures - 1));
        return seconds >= MaxBackoff.TotalSeconds ? MaxBackoff : TimeSpan.FromSeconds(seconds);
    }

    [LoggerMessage(LogLevel.Information, "Outbox message {Id} ({Kind}, {Channel}) sent")]
    private partial void LogSent(long id, NotificationKind kind, NotificationChannel channel);

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id} ({Kind}, {Channel}) failed, attempt {Attempts}, permanently: {Permanently}")]
    private partial void LogFailed(long id, NotificationKind kind, NotificationChannel channel, int attempts, bool permanently);
}
