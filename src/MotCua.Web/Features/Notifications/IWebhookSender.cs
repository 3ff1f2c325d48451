namespace MotCua.Web.Features.Notifications;

/// <summary>Posts a <see cref="NotificationChannel.Webhook"/> message to its subscriber; throws when it was not accepted (the outbox retries).</summary>
public interface IWebhookSender
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}
