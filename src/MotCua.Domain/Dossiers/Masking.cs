using System.Globalization;
using System.Text;

namespace MotCua.Domain.Dossiers;

/// <summary>Masks personal data for public tracking pages and logs.</summary>
public static class Masking
{
    private const string Stars = "***";

    /// <summary>Keeps the first letter of each word: "Nguyễn Văn An" → "N*** V*** A***" (fixed-length stars hide the length).</summary>
    public static string Name(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return "";
        }

        var sb = new StringBuilder();
        foreach (var word in fullName.Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            // A text element keeps a letter with its combining marks when the input is not precomposed.
            sb.Append(StringInfo.GetNextTextElement(word)).Append(Stars);
        }

        return sb.ToString();
    }

    /// <summary>Keeps the last four characters of an identifier: "058090001234" → "********1234"; short values are fully masked.</summary>
    public static string IdNumber(string? value) => KeepTail(value, 4);

    /// <summary>Keeps the last four digits of a phone number, ignoring spaces, dots and dashes: "0912345678" → "******5678".</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var digits = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) || (c == '+' && digits.Length == 0))
            {
                digits.Append(c);
            }
        }

        return KeepTail(digits.ToString(), 4);
    }

    /// <summary>Keeps the first character of the local part and the domain: "an.nguyen@example.com" → "a***@example.com".</summary>
    public static string Email(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var trimmed = value.Trim();
        var at = trimmed.LastIndexOf('@');
        return at <= 0 || at == trimmed.Length - 1
            ? Stars
            : string.Concat(StringInfo.GetNextTextElement(trimmed), Stars, trimmed.AsSpan(at));
    }

    /// <summary>Keeps only the last comma-separated component: "Thôn Ma Oái, xã Phước Bình, tỉnh Ninh Thuận" → "tỉnh Ninh Thuận".</summary>
    public static string Address(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => "",
            1 => Stars,
            _ => parts[^1],
        };
    }

    private static string KeepTail(string? value, int keep)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var v = value.Trim();
        return v.Length <= keep
            ? new string('*', v.Length)
            : string.Concat(new string('*', v.Length - keep), v.AsSpan(v.Length - keep));
    }
}
