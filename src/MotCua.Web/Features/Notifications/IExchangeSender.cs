namespace MotCua.Web.Features.Notifications;

/// <summary>Sends a <see cref="NotificationChannel.Exchange"/> message (an edXML package to another organ); throws when it was not accepted (the outbox retries).</summary>
public interface IExchangeSender
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}
