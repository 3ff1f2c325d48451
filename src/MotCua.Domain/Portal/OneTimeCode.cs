using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Domain.Portal;

public enum CodeCheck
{
    Accepted,
    Wrong,
    Expired,
    TooManyAttempts,
}

/// <summary>A 6-digit one-time code: only a salted HMAC of it is stored; it expires and allows a few attempts.</summary>
public static class OneTimeCode
{
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string Hash(string code, string salt) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(salt), Encoding.UTF8.GetBytes(code.Trim())));

    /// <summary>Checks an attempt; <paramref name="attemptsSoFar"/> are the failed attempts already made.</summary>
    public static CodeCheck Check(string? attempt, string salt, string storedHash, DateTime expiresAtUtc, int attemptsSoFar, int maxAttempts, DateTime nowUtc)
    {
        if (attemptsSoFar >= maxAttempts)
        {
            return CodeCheck.TooManyAttempts;
        }

        if (nowUtc >= expiresAtUtc)
        {
            return CodeCheck.Expired;
        }

        if (string.IsNullOrWhiteSpace(attempt) || attempt.Trim().Length != 6 || !attempt.Trim().All(char.IsAsciiDigit))
        {
            return CodeCheck.Wrong;
        }

        var given = Convert.FromHexString(Hash(attempt, salt));
        return CryptographicOperations.FixedTimeEquals(given, Convert.FromHexString(storedHash)) ? CodeCheck.Accepted : CodeCheck.Wrong;
    }
}
