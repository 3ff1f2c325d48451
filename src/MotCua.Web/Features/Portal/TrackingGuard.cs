using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

/// <summary>
/// Public tracking's two guards: a limit on wrong verifiers per dossier code (4 digits are only 10,000 guesses), and the
/// receipt QR's token, which opens tracking without the digits for whoever holds the paper.
/// </summary>
public sealed class TrackingGuard(AppDbContext db, Calendar.CalendarService calendars, IDataProtectionProvider protection, IConfiguration config, TimeProvider time)
{
    public sealed record Answer(Dossiers.TrackingDto? Found, bool Locked);

    /// <summary>By code and the last 4 digits of the ID or phone, or by code and the receipt QR's token.</summary>
    public async Task<Answer> TrackAsync(string code, string? verifier, string? token, CancellationToken ct)
    {
        code = code.Trim();
        if (QrTokenOpens(code, token))
        {
            return new Answer(await Dossiers.ReadDossiers.TrackAsync(db, calendars, code, null, ct, verified: true), false);
        }

        if (await IsLockedAsync(code, ct))
        {
            return new Answer(null, true);
        }

        var found = await Dossiers.ReadDossiers.TrackAsync(db, calendars, code, verifier?.Trim(), ct);
        if (found is null && await db.Dossiers.AnyAsync(d => d.Code == code, ct))
        {
            await RecordFailureAsync(code, ct);
        }

        return new Answer(found, false);
    }

    private readonly IDataProtector _qr = protection.CreateProtector("MotCua.Tracking.ReceiptQr");

    private int MaxFailures => config.GetValue("Portal:Tracking:MaxFailures", 10);

    private TimeSpan Window => TimeSpan.FromMinutes(config.GetValue("Portal:Tracking:WindowMinutes", 60));

    public async Task<bool> IsLockedAsync(string code, CancellationToken ct)
    {
        var row = await db.TrackingAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct);
        return row is not null && row.Failures >= MaxFailures && time.GetUtcNow().UtcDateTime < row.WindowStartUtc + Window;
    }

    public async Task RecordFailureAsync(string code, CancellationToken ct)
    {
        if (code.Length > 64)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.TrackingAttempts.SingleOrDefaultAsync(a => a.Code == code, ct);
        if (row is null)
        {
            db.TrackingAttempts.Add(new TrackingAttempt { Code = code, Failures = 1, WindowStartUtc = now });
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
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first failures at once: one row wins, the count is off by one at most.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The token printed in the receipt's QR link; it names the dossier and cannot be forged without the app's keys.</summary>
    public string QrToken(string code) => _qr.Protect(code);

    public bool QrTokenOpens(string code, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        try
        {
            return _qr.Unprotect(token) == code;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
