using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Security;

public enum AuditKind
{
    SignIn,
    SignInFailed,
    SignInLockedOut,
    PersonalDataViewed,

    // Machine clients (issue 26.2): their administration, their tokens and every call they make.
    ClientRegistered,
    ClientSecretRotated,
    ClientRevoked,
    ClientToken,
    ClientTokenRefused,
    ClientCall,

    // Webhook subscriptions (issue 26.3).
    WebhookSubscribed,
    WebhookDeleted,
    WebhookReplayed,
}

/// <summary>One sign-in attempt or one view of a dossier's personal data (Nghị định 13/2023): who, when, from where, what.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public AuditKind Kind { get; set; }
    public required string UserName { get; set; }

    /// <summary>The dossier code for a view; the channel (page, api) for a sign-in.</summary>
    public string? Subject { get; set; }

    /// <summary>What was shown: the page, API endpoint or form.</summary>
    public string? Detail { get; set; }
    public string? ClientIp { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<AuditRecord>(e =>
    {
        e.ToTable("AuditRecords");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Subject).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(200);
        e.Property(x => x.ClientIp).HasMaxLength(64);
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => new { x.Subject, x.AtUtc });
        e.HasIndex(x => new { x.UserName, x.AtUtc });
    });
}

/// <summary>Writes audit records; saved at once and on their own, so that a failed action still leaves its trace.</summary>
public static class Audit
{
    public static Task SignInAsync(HttpContext http, TimeProvider time, string userName, AuditKind kind, string channel) =>
        AddAsync(http, time, new AuditRecord { Kind = kind, UserName = Trim(userName, 256), Subject = channel });

    public static Task PersonalDataViewedAsync(HttpContext http, TimeProvider time, ClaimsPrincipal user, string dossierCode, string what) =>
        AddAsync(http, time, new AuditRecord
        {
            Kind = AuditKind.PersonalDataViewed,
            UserName = user.Identity?.Name ?? "?",
            Subject = Trim(dossierCode, 64),
            Detail = Trim(what, 200),
        });

    /// <summary>A machine client's call: the client, the endpoint and the answer's status.</summary>
    public static Task ClientCallAsync(HttpContext http, TimeProvider time, string clientId, string what, int status) =>
        AddAsync(http, time, new AuditRecord
        {
            Kind = AuditKind.ClientCall,
            UserName = Trim("client:" + clientId, 256),
            Subject = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Detail = Trim(what, 200),
        });

    /// <summary>Adds a record to <paramref name="db"/> to be saved with the change it describes (admin pages and commands).</summary>
    public static void Add(AppDbContext db, TimeProvider time, AuditKind kind, string userName, string? subject, string? detail, string? clientIp) =>
        db.AuditRecords.Add(new AuditRecord
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Kind = kind,
            UserName = Trim(userName, 256),
            Subject = subject is null ? null : Trim(subject, 64),
            Detail = detail is null ? null : Trim(detail, 200),
            ClientIp = clientIp,
        });

    private static async Task AddAsync(HttpContext http, TimeProvider time, AuditRecord record)
    {
        record.AtUtc = time.GetUtcNow().UtcDateTime;
        record.ClientIp = SecuritySetup.ClientIp(http);
        // A separate context: the caller's change tracker may hold unsaved work that must not ride along.
        await using var scope = http.RequestServices.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        own.AuditRecords.Add(record);
        await own.SaveChangesAsync(CancellationToken.None);
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
