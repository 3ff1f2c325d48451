using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MotCua.Web.Features.Files;

/// <summary>
/// Public, signed, time-limited links to one upload, for a system that cannot sign in (the national portal downloads the
/// attachments and results it is sent, issue 22): the token is the file id and its expiry, authenticated and encrypted with
/// the app's data-protection key ring (shared by every instance, ADR 0012). Anyone holding the link reads that one file until
/// it expires; nothing else. Issued by the feature that passes the file on; <c>GET /api/v1/files/public/{token}</c> serves it.
/// </summary>
public sealed class SignedFileLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public const string Path = "/api/v1/files/public/";

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("MotCua.Files.PublicLink.v1").ToTimeLimitedDataProtector();

    /// <summary>The link's path (append it to the public address), valid for <paramref name="lifetime"/>.</summary>
    public string For(string fileId, TimeSpan lifetime) => Path + _protector.Protect(fileId, time.GetUtcNow().Add(lifetime));

    /// <summary>The file id a token was issued for, or null when it is forged, altered or expired.</summary>
    public string? Open(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512)
        {
            return null;
        }

        try
        {
            var id = _protector.Unprotect(token, out var expiration);
            return expiration >= time.GetUtcNow() ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
