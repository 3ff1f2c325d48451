using System.Text.RegularExpressions;
using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Feedback;

/// <summary>Masks personal data that a sender may have typed into a complaint before it is published.</summary>
public static partial class PublicText
{
    /// <summary>E-mail addresses keep their first letter and domain; runs of 9 or more digits (IDs, phones, tax codes, accounts) keep their last four.</summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var masked = EmailPattern().Replace(text, m => Masking.Email(m.Value));
        return DigitsPattern().Replace(masked, m => Masking.Phone(m.Value));
    }

    [GeneratedRegex(@"[^\s@,;:<>()]+@[^\s@,;:<>()]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // Digits possibly grouped by spaces, dots or dashes ("0912 345 678", "058.090.001.234"), 9 or more in all.
    [GeneratedRegex(@"\+?\d(?:[\s.\-]?\d){8,}")]
    private static partial Regex DigitsPattern();
}
