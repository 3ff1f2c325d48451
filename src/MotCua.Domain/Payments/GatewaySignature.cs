using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Domain.Payments;

/// <summary>
/// VNPay-style request signing: the <c>vnp_</c> parameters (except the hash fields) sorted by name (ordinal), each
/// name and value URL-encoded, joined as a query string, then HMAC-SHA512 with the merchant's secret, lower-case hex.
/// </summary>
public static class GatewaySignature
{
    /// <summary>The parameter that carries the signature.</summary>
    public const string HashField = "vnp_SecureHash";

    /// <summary>The optional parameter that names the hash algorithm; never signed.</summary>
    public const string HashTypeField = "vnp_SecureHashType";

    /// <summary>The canonical text that is signed.</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return string.Join('&', parameters
            .Where(p => p.Key.StartsWith("vnp_", StringComparison.Ordinal) && p.Key != HashField && p.Key != HashTypeField && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)));
    }

    /// <summary>HMAC-SHA512 of the canonical text, lower-case hex.</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var mac = HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Canonical(parameters)));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>True when <see cref="HashField"/> is present and equals the signature of the other fields (constant-time comparison).</summary>
    public static bool Verify(IReadOnlyDictionary<string, string> parameters, string secret)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!parameters.TryGetValue(HashField, out var given) || given.Length != 128)
        {
            return false;
        }

        var expected = Sign(parameters, secret);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
    }

    /// <summary>The full query string of the parameters plus their signature.</summary>
    public static string SignedQuery(IReadOnlyDictionary<string, string> parameters, string secret) =>
        Canonical(parameters) + "&" + HashField + "=" + Sign(parameters, secret);

    /// <summary>Amounts travel in hundredths of a đồng (VNPay multiplies by 100).</summary>
    public static string Amount(long dong) => (dong * 100).ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a <c>vnp_Amount</c> back to đồng; null when malformed or not a whole đồng.</summary>
    public static long? ParseAmount(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hundredths) && hundredths % 100 == 0 ? hundredths / 100 : null;
}
