using System.Security.Cryptography;
using System.Text;

namespace MotCua.Web.Features.Webhooks;

/// <summary>
/// Signing as the Standard Webhooks specification (standardwebhooks.com) does it, so that receivers can use its libraries:
/// the secret is "whsec_" + base64 key; <c>webhook-signature: v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))</c>
/// with <c>webhook-id</c> and <c>webhook-timestamp</c> (Unix seconds) sent beside it; covering the id and time lets a
/// receiver refuse a replayed or stale request.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }
}
