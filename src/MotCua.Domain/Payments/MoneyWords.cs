using System.Globalization;
using System.Text;

namespace MotCua.Domain.Payments;

/// <summary>Amounts in Vietnamese words for receipts: 1 250 000 → "Một triệu hai trăm năm mươi nghìn đồng".</summary>
public static class MoneyWords
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] Scales = ["", " nghìn", " triệu"];

    /// <summary>The amount in words with a capital first letter and "đồng".</summary>
    public static string InWords(long dong)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dong);
        if (dong == 0)
        {
            return "Không đồng";
        }

        var groups = new List<int>();
        for (var n = dong; n > 0; n /= 1000)
        {
            groups.Add((int)(n % 1000));
        }

        var sb = new StringBuilder();
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (groups[i] == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(Group(groups[i], full: sb.Length > 0));
            sb.Append(Scales[i % 3]).Append(i >= 3 ? " tỷ" : "");
        }

        var text = sb.ToString().Trim();
        return char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..] + " đồng";
    }

    // A group of three digits; "full" when a higher group precedes it ("không trăm", "linh").
    private static string Group(int n, bool full)
    {
        var hundreds = n / 100;
        var tens = n / 10 % 10;
        var units = n % 10;
        var parts = new List<string>();
        if (hundreds > 0 || full)
        {
            parts.Add(Digits[hundreds] + " trăm");
        }

        if (tens == 0)
        {
            if (units > 0 && (hundreds > 0 || full))
            {
                parts.Add("linh");
            }
        }
        else if (tens == 1)
        {
            parts.Add("mười");
        }
        else
        {
            parts.Add(Digits[tens] + " mươi");
        }

        if (units > 0)
        {
            parts.Add(units switch
            {
                1 when tens > 1 => "mốt",
                5 when tens > 0 => "lăm",
                4 when tens > 1 => "tư",
                _ => Digits[units],
            });
        }

        return string.Join(' ', parts);
    }
}
