using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Portal;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Notifications;

/// <summary>The <c>Portal:Otp</c> configuration section, used by every one-time code.</summary>
public sealed class OtpOptions
{
    public int LifetimeMinutes { get; set; } = 10;
    public int MaxAttempts { get; set; } = 5;
    public int MaxSends { get; set; } = 3;
}

/// <summary>One issued one-time code: a salted HMAC of it (never the code), its expiry, attempts and sends.</summary>
public sealed class OneTimeCodeRecord
{
    public Guid Id { get; set; }

    /// <summary>What the code proves, e.g. "sign-up" or "assisted-submission"; a code of one purpose never confirms another.</summary>
    public required string Purpose { get; set; }

    public required string Salt { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public int Attempts { get; set; }
    public int Sends { get; set; } = 1;
    public DateTime? ConsumedAtUtc { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<OneTimeCodeRecord>(e =>
    {
        e.ToTable("OneTimeCodes");
        e.Property(x => x.Purpose).HasMaxLength(40);
        e.Property(x => x.Salt).HasMaxLength(32);
        e.Property(x => x.Hash).HasMaxLength(64);
    });
}

/// <summary>The text of a code's message; <c>{0}</c> in the body is replaced by the code.</summary>
public sealed record CodeMessage(NotificationChannel Channel, string To, string? Subject, string BodyFormat);

/// <summary>
/// Issues, re-sends and checks one-time codes for every feature (portal sign-up, assisted submission): a 6-digit code
/// goes out through the outbox as a sensitive message, only its salted HMAC is stored, it expires, each attempt is
/// counted by one conditional UPDATE before it is checked, and re-sending is limited.
/// </summary>
public sealed class OneTimeCodes(AppDbContext db, IOptions<OtpOptions> options, TimeProvider time, SensitiveBodies sensitive)
{
    public sealed record Verdict(CodeCheck Check, int AttemptsLeft);

    public OtpOptions Options => options.Value;

    /// <summary>Adds a new code and its message to the context: the caller's SaveChanges commits both with its own change.</summary>
    public OneTimeCodeRecord Issue(string purpose, CodeMessage message, NotificationKind kind, TimeSpan? lifetime = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = OneTimeCode.NewCode();
        var salt = OneTimeCode.NewSalt();
        var row = new OneTimeCodeRecord
        {
            Id = Guid.NewGuid(),
            Purpose = purpose,
            Salt = salt,
            Hash = OneTimeCode.Hash(code, salt),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + (lifetime ?? TimeSpan.FromMinutes(Options.LifetimeMinutes)),
        };
        db.Add(row);
        Send(message, kind, code, now);
        return row;
    }

    /// <summary>A fresh code replacing the old one (attempts start again); null once <see cref="OtpOptions.MaxSends"/> codes went out.</summary>
    public async Task<OneTimeCodeRecord?> ResendAsync(Guid id, CodeMessage message, NotificationKind kind, CancellationToken ct)
    {
        var row = await db.Set<OneTimeCodeRecord>().SingleOrDefaultAsync(c => c.Id == id && c.ConsumedAtUtc == null, ct);
        if (row is null || row.Sends >= Options.MaxSends)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var code = OneTimeCode.NewCode();
        row.Salt = OneTimeCode.NewSalt();
        row.Hash = OneTimeCode.Hash(code, row.Salt);
        row.ExpiresAtUtc = now + (row.ExpiresAtUtc - row.CreatedAtUtc);
        row.CreatedAtUtc = now;
        row.Attempts = 0;
        row.Sends++;
        Send(message, kind, code, now);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Counts the attempt, then checks it; an accepted code is consumed at once, so it confirms one thing only once.</summary>
    public async Task<Verdict> VerifyAsync(Guid id, string purpose, string? attempt, CancellationToken ct)
    {
        var codes = db.Set<OneTimeCodeRecord>();
        var row = await codes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Purpose == purpose, ct);
        if (row is null || row.ConsumedAtUtc is not null)
        {
            return new Verdict(CodeCheck.Expired, 0);
        }

        var max = Options.MaxAttempts;
        var now = time.GetUtcNow().UtcDateTime;
        var before = row.Attempts;
        if (before < max && now < row.ExpiresAtUtc)
        {
            // The attempt is counted by a conditional UPDATE before it is checked: parallel guesses cannot exceed the limit.
            var claimed = await codes.Where(c => c.Id == id && c.Attempts < max)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), ct);
            if (claimed == 0)
            {
                before = max;
            }
        }

        var check = OneTimeCode.Check(attempt, row.Salt, row.Hash, row.ExpiresAtUtc, before, max, now);
        if (check == CodeCheck.Accepted)
        {
            var consumed = await codes.Where(c => c.Id == id && c.ConsumedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAtUtc, now), ct);
            return consumed == 1 ? new Verdict(CodeCheck.Accepted, 0) : new Verdict(CodeCheck.Expired, 0);
        }

        return new Verdict(check, check == CodeCheck.Wrong ? Math.Max(0, max - before - 1) : 0);
    }

    public Task<DateTime?> ExpiresAtAsync(Guid id, CancellationToken ct) =>
        db.Set<OneTimeCodeRecord>().Where(c => c.Id == id).Select(c => (DateTime?)c.ExpiresAtUtc).SingleOrDefaultAsync(ct);

    private void Send(CodeMessage message, NotificationKind kind, string code, DateTime now) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            Channel = message.Channel,
            To = message.To,
            Subject = message.Subject,
            Body = sensitive.Seal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message.BodyFormat, code)),
            Sensitive = true,
            DossierCode = "",
            Kind = kind,
        });
}
