using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Notifications;

public enum NotificationChannel
{
    Email,
    Sms,

    /// <summary>An event for an integrator's webhook subscription (issue 26.3): <see cref="OutboxMessage.To"/> is its URL.</summary>
    Webhook,

    /// <summary>An edXML package (issue 23.5) to another organ: <see cref="OutboxMessage.To"/> is its OrganId, sent by <see cref="IExchangeSender"/>.</summary>
    Exchange,
}

public enum NotificationKind
{
    Receipt,
    SupplementRequest,
    Apology,
    ResultReady,
    Alarm,
    OneTimeCode,
    BookingReminder,
    VerificationCode,
    Submitted,

    /// <summary>The unit handling the dossier ended and handed it over to its successor (issue 20.5).</summary>
    HandedOver,

    /// <summary>A dossier event for a webhook subscription (issue 26.3).</summary>
    DossierEvent,
    /// <summary>An invitation to a meeting (issue 24), with the invitee's personal join link.</summary>
    MeetingInvitation,

    /// <summary>An edXML document or status package to another organ (issue 23.5).</summary>
    DocumentExchange,
}

/// <summary>
/// One message to an applicant, written in the same transaction as the dossier change that caused it
/// (transactional outbox); the <see cref="OutboxDispatcher"/> delivers it later under a lease.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The longest stored body (column maximum); longer texts are shortened when composed (Dossiers.DossierNotifications).</summary>
    public const int MaxBody = 4000;

    public long Id { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public NotificationChannel Channel { get; set; }

    /// <summary>The applicant's e-mail address or phone number: personal data, masked on pages and never logged.</summary>
    public required string To { get; set; }

    public string? Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>The body holds a secret (a one-time code): sealed while waiting, erased once delivered, never shown to staff.</summary>
    public bool Sensitive { get; set; }
    public required string DossierCode { get; set; }
    public NotificationKind Kind { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
    public bool FailedPermanently { get; set; }

    /// <summary>The webhook subscription a <see cref="NotificationChannel.Webhook"/> message is for; its log is these rows.</summary>
    public long? WebhookSubscriptionId { get; set; }

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(8);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.To).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.Body).HasMaxLength(MaxBody);
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.Property(x => x.LeaseOwner).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(1000);
            // The dispatcher's claim query: unsent, not failed, due.
            // Only the messages still to send, in the order the dispatcher takes them: on PostgreSQL the old index over every
            // message lost to a primary-key walk past all sent ones (14 ms a pass at 26,000 sent, issue 25 item 1).
            e.HasIndex(x => x.Id, "IX_OutboxMessages_Due").HasFilter("\"SentAtUtc\" IS NULL AND NOT \"FailedPermanently\"");
            e.HasIndex(x => x.DossierCode);
            e.HasIndex(x => x.CreatedAtUtc);
            e.HasIndex(x => new { x.WebhookSubscriptionId, x.Id }).HasFilter("\"WebhookSubscriptionId\" IS NOT NULL");
        });
    }
}
