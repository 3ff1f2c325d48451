using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Webhooks;

/// <summary>
/// A machine client's subscription to dossier events (issue 26.3): events of dossiers in the client's unit subtree, from its
/// creation on, are posted to <see cref="Url"/> through the outbox, signed with the subscription's secret.
/// </summary>
public sealed class WebhookSubscription
{
    public long Id { get; set; }
    public int ApiClientId { get; set; }
    public Accounts.ApiClient? ApiClient { get; set; }
    public required string Url { get; set; }

    /// <summary>Space-separated event types (<see cref="WebhookEventTypes"/>).</summary>
    public required string Events { get; set; }

    /// <summary>The signing secret ("whsec_…"), sealed with data protection: it must be read back to sign, unlike a client secret.</summary>
    public required string ProtectedSecret { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DeletedAtUtc { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<WebhookSubscription>(e =>
    {
        e.ToTable("WebhookSubscriptions");
        e.Property(x => x.Url).HasMaxLength(200);
        e.Property(x => x.Events).HasMaxLength(200);
        e.Property(x => x.ProtectedSecret).HasMaxLength(1000);
        e.HasOne(x => x.ApiClient).WithMany().HasForeignKey(x => x.ApiClientId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ApiClientId);
    });
}

/// <summary>The events a subscription may ask for; each history event of a dossier is exactly one of them.</summary>
public static class WebhookEventTypes
{
    public const string Received = "dossier.received";
    public const string StatusChanged = "dossier.status_changed";
    public const string ResultReturned = "dossier.result_returned";

    public static IReadOnlyList<string> All { get; } = [Received, StatusChanged, ResultReturned];

    /// <summary>The intake is "received", handing the result over is "result_returned", any other change of status "status_changed"; the rest none.</summary>
    public static string? Of(long sequence, string action, string? before, string after) =>
        sequence == 1 ? Received
        : action == "return-result" ? ResultReturned
        : before is not null && before != after ? StatusChanged
        : null;
}
