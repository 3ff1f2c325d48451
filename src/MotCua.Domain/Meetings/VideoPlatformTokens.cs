using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MotCua.Domain.Meetings;

/// <summary>The user as Jitsi's token authentication shows them in the room (<c>context.user</c>).</summary>
public sealed record JitsiUser(string Id, string Name, string? Email, bool Moderator);

/// <summary>
/// A Jitsi Meet room token (prosody <c>token_verification</c>, "Token Authentication" in the Jitsi handbook): a JWT signed
/// HS256 with the app secret, claims <c>aud</c>, <c>iss</c> (the app id), <c>sub</c> (the Jitsi domain), <c>room</c>,
/// <c>nbf</c>, <c>exp</c> and <c>context.user</c>; <c>moderator</c> is read by JaaS, self-hosted servers map it through
/// <c>token_affiliation</c>.
/// </summary>
public static class JitsiToken
{
    public static string Build(string appId, string secret, string audience, string subject, string room, JitsiUser user, DateTime notBeforeUtc, DateTime expiresUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(user);
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" };
        var userJson = new JsonObject { ["id"] = user.Id, ["name"] = user.Name };
        if (!string.IsNullOrEmpty(user.Email))
        {
            userJson["email"] = user.Email;
        }

        userJson["moderator"] = user.Moderator;
        var payload = new JsonObject
        {
            ["aud"] = audience,
            ["iss"] = appId,
            ["sub"] = subject,
            ["room"] = room,
            ["nbf"] = Unix(notBeforeUtc),
            ["exp"] = Unix(expiresUtc),
            ["moderator"] = user.Moderator,
            ["context"] = new JsonObject { ["user"] = userJson },
        };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    public static long Unix(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A room name Jitsi accepts (lower-case letters, digits, hyphens) that cannot be guessed from the meeting.</summary>
    public static string RoomName(long meetingId, string randomHex) =>
        string.Create(CultureInfo.InvariantCulture, $"motcua-{meetingId}-{randomHex.ToLowerInvariant()}");
}

/// <summary>
/// BigBlueButton's API security (docs.bigbluebutton.org "API Reference"): every call is
/// <c>{base}/{callName}?{query}&amp;checksum=H(callName + query + sharedSecret)</c>, H being SHA-1 (all versions) or SHA-256 (2.x+).
/// </summary>
public static class BigBlueButtonApi
{
    /// <summary>The query string exactly as sent: parameters in the given order, values percent-encoded (RFC 3986).</summary>
    public static string Query(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }

    public static string Checksum(string callName, string query, string secret, bool sha256)
    {
        var input = Encoding.UTF8.GetBytes(callName + query + secret);
#pragma warning disable CA5350 // BigBlueButton's protocol defines SHA-1 checksums for servers older than 2.x; SHA-256 is the default here.
        var hash = sha256 ? SHA256.HashData(input) : SHA1.HashData(input);
#pragma warning restore CA5350
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The full signed URL of one API call; <paramref name="baseUrl"/> ends with "/api/".</summary>
    public static string Url(string baseUrl, string callName, IEnumerable<KeyValuePair<string, string>> parameters, string secret, bool sha256)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var query = Query(parameters);
        return baseUrl.TrimEnd('/') + "/" + callName + "?" + query + (query.Length == 0 ? "" : "&") + "checksum=" + Checksum(callName, query, secret, sha256);
    }

    /// <summary>The join call's parameters: one personal, time-bound entry to one meeting.</summary>
    public static KeyValuePair<string, string>[] JoinParameters(string meetingId, string fullName, string userId, bool moderator) =>
    [
        new("fullName", fullName),
        new("meetingID", meetingId),
        new("role", moderator ? "MODERATOR" : "VIEWER"),
        new("userID", userId),
        new("redirect", "true"),
    ];

    public static KeyValuePair<string, string>[] CreateParameters(string meetingId, string name, DateTime endUtc, DateTime nowUtc)
    {
        // The room closes itself at the end of the join window: duration in minutes from now.
        var minutes = Math.Max(1, (int)Math.Ceiling((endUtc - nowUtc).TotalMinutes));
        return
        [
            new("name", name),
            new("meetingID", meetingId),
            new("duration", minutes.ToString(CultureInfo.InvariantCulture)),
            new("record", "false"),
        ];
    }

    /// <summary>Reads the XML reply's <c>returncode</c>: "SUCCESS" or the failure's <c>messageKey</c>.</summary>
    public static (bool Success, string? MessageKey) ReadReply(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var doc = System.Xml.Linq.XDocument.Parse(xml);
        var root = doc.Root;
        var code = root?.Element("returncode")?.Value;
        return (string.Equals(code, "SUCCESS", StringComparison.Ordinal), root?.Element("messageKey")?.Value);
    }
}
