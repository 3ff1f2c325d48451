using System.Text;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>Valid text at the edges: Vietnamese in precomposed (NFC) or combining-mark (NFD) form, zero-width characters, emoji, exact maximum lengths.</summary>
public static class BoundaryText
{
    public enum Form { Nfc, Nfd }

    private static readonly string[] Words = [.. new[]
    {
        "Nguyễn", "Thị", "Ánh", "Tuyết", "Đàng", "Văn", "Hưởng", "Chamaléa", "Mỹ", "Hường", "Pi", "Năng", "Thị", "Ngọc", "Ượt", "Kiều",
        "thôn", "Ma", "Hoa", "xã", "Phước", "Bình", "huyện", "Bác", "Ái", "tỉnh", "Ninh", "Thuận", "giấy", "khai", "sinh", "bản", "sao",
        "chứng", "thực", "đề", "nghị", "giải", "quyết", "hồ", "sơ", "quá", "hạn", "ướt", "ở", "ữ", "Ỷ", "Ợ", "Ẵ", "Ẫ", "Ễ",
    }.Select(w => w.Normalize(NormalizationForm.FormC))];

    /// <summary>Zero-width space, non-joiner, joiner, word joiner and the byte-order mark used as a zero-width no-break space.</summary>
    public static readonly string[] ZeroWidth = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];

    /// <summary>Single code points, a skin-tone modifier, a ZWJ family, a flag and a keycap: 2 to 11 UTF-16 units each.</summary>
    public static readonly string[] Emoji = ["😀", "🙏🏽", "👩‍👩‍👧", "🇻🇳", "1️⃣", "🏛️", "✅"];

    /// <summary>
    /// NFC text of exactly <paramref name="length"/> UTF-16 units when <paramref name="exact"/> (else up to it), starting and
    /// ending with a letter, with zero-width characters and emoji inside; returned in the requested form (NFD is longer).
    /// </summary>
    public static string Make(Random random, int length, Form form, bool exact = true)
    {
        var target = exact ? length : random.Next(Math.Min(length, 2), length + 1);
        var sb = new StringBuilder(Words[random.Next(Words.Length)]);
        while (true)
        {
            var token = random.Next(6) switch
            {
                0 => ZeroWidth[random.Next(ZeroWidth.Length)],
                1 => " " + Emoji[random.Next(Emoji.Length)],
                _ => " " + Words[random.Next(Words.Length)],
            };
            if (sb.Length + token.Length + 1 > target)
            {
                break;
            }

            sb.Append(token);
        }

        // End on a letter: no trailing space or zero-width character for the product's Trim() to argue about.
        while (sb.Length < target)
        {
            sb.Append("aăâeêioôơuưy"[random.Next(12)]);
        }

        if (sb.Length > target)
        {
            sb.Length = target;
        }

        var nfc = sb.ToString().Normalize(NormalizationForm.FormC);
        return form == Form.Nfd ? nfc.Normalize(NormalizationForm.FormD) : nfc;
    }

    public static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);
}
