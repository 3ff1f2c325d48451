using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Security;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Webhooks;

/// <summary>A client subscribes to dossier events; the signing secret is in the outcome only (shown once).</summary>
public sealed class SubscribeWebhook(
    AppDbContext db, TimeProvider time, IDataProtectionProvider protection, WebhookSubscriptions live, IHostEnvironment env, IStringLocalizer<SharedResource> t)
{
    public const int MaxPerClient = 10;

    public sealed record Request(string? Url, IReadOnlyList<string>? Events);

    public abstract record Outcome;
    public sealed record Subscribed(WebhookSubscription Subscription, string Secret) : Outcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;
    public sealed record TooMany : Outcome;

    public async Task<Outcome> HandleAsync(string clientId, Request r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var url = r.Url?.Trim() ?? "";
        // Production posts only over TLS; demo and tests may use a local http receiver.
        var schemes = env.IsProduction() ? new[] { Uri.UriSchemeHttps } : [Uri.UriSchemeHttps, Uri.UriSchemeHttp];
        if (url.Length > 200 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme) || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            errors["url"] = [env.IsProduction()
                ? t["Địa chỉ nhận phải là URL https:// đầy đủ, tối đa 200 ký tự, không chứa tên đăng nhập."]
                : t["Địa chỉ nhận phải là URL http(s):// đầy đủ, tối đa 200 ký tự, không chứa tên đăng nhập."]];
        }

        var events = (r.Events ?? []).Select(e => e?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (events.Length == 0 || events.Any(e => !WebhookEventTypes.All.Contains(e)))
        {
            errors["events"] = [t["Chọn ít nhất một sự kiện trong: {0}.", string.Join(", ", WebhookEventTypes.All)]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var client = await db.ApiClients.SingleAsync(c => c.ClientId == clientId, ct);
        if (await db.WebhookSubscriptions.CountAsync(s => s.ApiClientId == client.Id && s.DeletedAtUtc == null, ct) >= MaxPerClient)
        {
            return new TooMany();
        }

        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription
        {
            ApiClientId = client.Id,
            Url = url,
            Events = string.Join(' ', WebhookEventTypes.All.Where(events.Contains)),
            ProtectedSecret = protection.CreateProtector(HttpWebhookSender.Purpose).Protect(secret),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.WebhookSubscriptions.Add(subscription);
        Audit.Add(db, time, AuditKind.WebhookSubscribed, "client:" + clientId, subscription.Url, subscription.Events, null);
        await db.SaveChangesAsync(ct);
        await live.ReloadAsync(ct);
        return new Subscribed(subscription, secret);
    }
}

/// <summary>Ends a subscription: nothing more is queued for it, and what waits is no longer sent.</summary>
public sealed class DeleteWebhook(AppDbContext db, TimeProvider time, WebhookSubscriptions live)
{
    public async Task<bool> HandleAsync(long id, WebhookScope scope, CancellationToken ct)
    {
        var subscription = await scope.Filter(db.WebhookSubscriptions).SingleOrDefaultAsync(s => s.Id == id && s.DeletedAtUtc == null, ct);
        if (subscription is null)
        {
            return false;
        }

        subscription.DeletedAtUtc = time.GetUtcNow().UtcDateTime;
        Audit.Add(db, time, AuditKind.WebhookDeleted, scope.Actor, subscription.Url, id.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync(ct);
        await live.ReloadAsync(ct);
        return true;
    }
}

/// <summary>Sends a logged delivery again, as a new outbox message with the same event id (a receiver that kept it can tell).</summary>
public sealed class ReplayWebhookDelivery(AppDbContext db, TimeProvider time)
{
    public abstract record Outcome;
    public sealed record Queued(long DeliveryId) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record SubscriptionEnded : Outcome;

    public async Task<Outcome> HandleAsync(long deliveryId, WebhookScope scope, CancellationToken ct)
    {
        var visible = scope.Filter(db.WebhookSubscriptions).Select(s => (long?)s.Id);
        var original = await db.OutboxMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == deliveryId && m.Channel == NotificationChannel.Webhook && visible.Contains(m.WebhookSubscriptionId), ct);
        if (original is null)
        {
            return new NotFound();
        }

        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == original.WebhookSubscriptionId && s.DeletedAtUtc == null, ct))
        {
            return new SubscriptionEnded();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var copy = new OutboxMessage
        {
            CreatedAtUtc = now,
            Channel = NotificationChannel.Webhook,
            Kind = original.Kind,
            To = original.To,
            Subject = original.Subject,
            Body = original.Body,
            DossierCode = original.DossierCode,
            NextAttemptAtUtc = now,
            WebhookSubscriptionId = original.WebhookSubscriptionId,
        };
        db.OutboxMessages.Add(copy);
        Audit.Add(db, time, AuditKind.WebhookReplayed, scope.Actor, original.DossierCode, deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync(ct);
        return new Queued(copy.Id);
    }
}

/// <summary>Whose subscriptions a caller acts on: a client its own, an administrator those of the clients in their unit subtree.</summary>
public sealed record WebhookScope(string Actor, string? ClientId, string? UnitPath)
{
    public static WebhookScope Client(string clientId) => new("client:" + clientId, clientId, null);

    public static WebhookScope Admin(string userName, string unitPath) => new(userName, null, unitPath);

    public IQueryable<WebhookSubscription> Filter(IQueryable<WebhookSubscription> q) =>
        ClientId is not null ? q.Where(s => s.ApiClient!.ClientId == ClientId) : q.Where(s => s.ApiClient!.Unit!.Path.StartsWith(UnitPath!));
}

/// <summary>Subscriptions and their delivery log, for the API and the administrators' page.</summary>
public static class ReadWebhooks
{
    public sealed record SubscriptionDto(long Id, string Url, string[] Events, DateTime CreatedAt, string ClientName, int Waiting, int Failed);

    public sealed record DeliveryDto(long Id, long SubscriptionId, string EventType, string DossierCode, DateTime CreatedAt, string State, int Attempts, DateTime? DeliveredAt, DateTime? NextAttemptAt, string? LastError);

    public static async Task<SubscriptionDto[]> SubscriptionsAsync(AppDbContext db, WebhookScope scope, CancellationToken ct)
    {
        var rows = await scope.Filter(db.WebhookSubscriptions).AsNoTracking().Where(s => s.DeletedAtUtc == null).OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.Url,
                s.Events,
                s.CreatedAtUtc,
                s.ApiClient!.Name,
                Waiting = db.OutboxMessages.Count(m => m.WebhookSubscriptionId == s.Id && m.SentAtUtc == null && !m.FailedPermanently),
                Failed = db.OutboxMessages.Count(m => m.WebhookSubscriptionId == s.Id && m.FailedPermanently),
            }).ToListAsync(ct);
        return [.. rows.Select(r => new SubscriptionDto(r.Id, r.Url, r.Events.Split(' '), DateTime.SpecifyKind(r.CreatedAtUtc, DateTimeKind.Utc), r.Name, r.Waiting, r.Failed))];
    }

    public static async Task<DeliveryDto[]?> DeliveriesAsync(AppDbContext db, WebhookScope scope, long subscriptionId, string? state, int take, CancellationToken ct)
    {
        if (!await scope.Filter(db.WebhookSubscriptions).AnyAsync(s => s.Id == subscriptionId, ct))
        {
            return null;
        }

        var q = db.OutboxMessages.AsNoTracking().Where(m => m.WebhookSubscriptionId == subscriptionId);
        q = state switch
        {
            "delivered" => q.Where(m => m.SentAtUtc != null),
            "failed" => q.Where(m => m.FailedPermanently),
            "waiting" => q.Where(m => m.SentAtUtc == null && !m.FailedPermanently),
            _ => q,
        };
        var rows = await q.OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return [.. rows.Select(m => new DeliveryDto(
            m.Id, subscriptionId, m.Subject ?? "", m.DossierCode, Utc(m.CreatedAtUtc),
            m.SentAtUtc is not null ? "delivered" : m.FailedPermanently ? "failed" : "waiting", m.Attempts,
            m.SentAtUtc is { } sent ? Utc(sent) : null, m.SentAtUtc is null && !m.FailedPermanently ? Utc(m.NextAttemptAtUtc) : null, m.LastError))];
    }

    private static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);
}
