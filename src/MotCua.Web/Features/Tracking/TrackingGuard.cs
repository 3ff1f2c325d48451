using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Tracking;

/// <summary>
/// Public tracking's two guards: a limit on wrong verifiers or tokens per dossier code (4 digits are only 10,000 guesses),
/// and the receipt QR's token (<see cref="TrackingTokens"/>), which opens tracking without the digits for whoever holds the paper.
/// </summary>
public sealed class TrackingGuard(IServiceProvider services, TrackingTokens tokens, IConfiguration config, TimeProvider time, TrackingCache cache)
{
    // Resolved on first use: a cached answer needs neither a context from the pool nor the calendar and its change handlers.
    private AppDbContext? _db;
    private Calendar.CalendarService? _calendars;

    private AppDbContext Db => _db ??= services.GetRequiredService<AppDbContext>();

    private Calendar.CalendarService Calendars => _calendars ??= services.GetRequiredService<Calendar.CalendarService>();

    /// <summary>The answer; <paramref name="Json"/> is its API body whenever <paramref name="Found"/> is set.</summary>
    public sealed record Answer(Dossiers.TrackingDto? Found, bool Locked, byte[]? Json = null)
    {
        public Answer(TrackingCache.Entry entry)
            : this(entry.Answer, false, entry.Json)
        {
        }
    }

    /// <summary>
    /// By code and the last 4 digits of the ID or phone, or by code and the receipt QR's token. A wrong token is a wrong
    /// verifier: same answer, counted toward the lock. A right token opens even a locked code (128 bits are not guessed).
    /// </summary>
    public async Task<Answer> TrackAsync(string code, string? verifier, string? token, CancellationToken ct)
    {
        code = code.Trim();
        var byToken = !string.IsNullOrWhiteSpace(token);
        if (byToken && tokens.Opens(code, token))
        {
            return Found(await Dossiers.ReadDossiers.TrackAsync(Db, Calendars, code, null, ct, verified: true));
        }

        if (!byToken && await TrackCurrentAsync(code, verifier?.Trim(), ct) is { } answer)
        {
            return answer;
        }

        if (await IsLockedAsync(code, ct))
        {
            return new Answer(null, true);
        }

        var found = byToken ? null : await Dossiers.ReadDossiers.TrackAsync(Db, Calendars, code, verifier?.Trim(), ct);
        if (found is null && await Db.Dossiers.AnyAsync(d => d.Code == code, ct))
        {
            await RecordFailureAsync(code, ct);
        }

        return Found(found);
    }

    private Answer Found(Dossiers.TrackingDto? found) => new(found, false, found is null ? null : cache.Serialize(found));

    /// <summary>
    /// The usual look-up in one query (the dossier's tag and verifier fields, the calendar version, the failure window),
    /// answered from <see cref="TrackingCache"/> when the tag still matches. Null when the code names no dossier: the
    /// general path answers that.
    /// </summary>
    private async Task<Answer?> TrackCurrentAsync(string code, string? verifier, CancellationToken ct)
    {
        if (await cache.HeadAsync(code, ct) is not { } head)
        {
            return null;
        }

        if (head.Failures is { } failures && failures >= MaxFailures && time.GetUtcNow().UtcDateTime < head.WindowStartUtc + Window)
        {
            return new Answer(null, true);
        }

        if (!Dossiers.ReadDossiers.Verifies(head.IdNumber, head.Phone, verifier))
        {
            await RecordFailureAsync(code, ct);
            return new Answer(null, false);
        }

        if (cache.Get(code, head.Tag) is { } cached)
        {
            return new Answer(cached);
        }

        var found = await Dossiers.ReadDossiers.TrackAsync(Db, Calendars, code, null, ct, verified: true);
        return found is null ? new Answer(null, false) : new Answer(cache.Set(code, head.Tag, found));
    }

    private int MaxFailures => config.GetValue("Portal:Tracking:MaxFailures", 10);

    private TimeSpan Window => TimeSpan.FromMinutes(config.GetValue("Portal:Tracking:WindowMinutes", 60));

    public async Task<bool> IsLockedAsync(string code, CancellationToken ct)
    {
        var row = await Db.TrackingAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct);
        return row is not null && row.Failures >= MaxFailures && time.GetUtcNow().UtcDateTime < row.WindowStartUtc + Window;
    }

    public async Task RecordFailureAsync(string code, CancellationToken ct)
    {
        if (code.Length > 64)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var row = await Db.TrackingAttempts.SingleOrDefaultAsync(a => a.Code == code, ct);
        if (row is null)
        {
            Db.TrackingAttempts.Add(new TrackingAttempt { Code = code, Failures = 1, WindowStartUtc = now });
        }
        else if (now >= row.WindowStartUtc + Window)
        {
            row.Failures = 1;
            row.WindowStartUtc = now;
        }
        else
        {
            row.Failures++;
        }

        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first failures at once: one row wins, the count is off by one at most.
            Db.ChangeTracker.Clear();
        }
    }
}
