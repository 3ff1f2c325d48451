using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MotCua.Web.Features.Signing;

/// <summary>One signature dictionary as found in the PDF: what the verifier checks.</summary>
public sealed record PdfSignatureField(
    string FieldName,
    string? SubFilter,
    long[] ByteRange,
    byte[] Contents,
    DateTimeOffset? SigningTime,
    string? Reason,
    string? Location,
    string? Name);

/// <summary>The PDF side of verification: every signature field of the AcroForm with its /ByteRange and /Contents (PdfPig reads).</summary>
public static class PdfSignatureReader
{
    /// <summary>The file's signatures in field order; null when the bytes are not a readable PDF.</summary>
    public static IReadOnlyList<PdfSignatureField>? Read(byte[] pdf)
    {
        if (pdf.Length < 8 || !Encoding.ASCII.GetString(pdf, 0, Math.Min(1024, pdf.Length)).Contains("%PDF-", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = PigDocument.Open(pdf);
            var found = new List<PdfSignatureField>();
            var catalog = document.Structure.Catalog.CatalogDictionary;
            if (Resolve<DictionaryToken>(document, catalog.TryGet(NameToken.AcroForm, out var f) ? f : null) is { } form
                && Resolve<ArrayToken>(document, form.TryGet(NameToken.Fields, out var fs) ? fs : null) is { } fields)
            {
                foreach (var field in fields.Data)
                {
                    Collect(document, field, null, null, found, depth: 0);
                }
            }

            return found;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static void Collect(PigDocument document, IToken token, string? parentName, string? inheritedType, List<PdfSignatureField> found, int depth)
    {
        if (depth > 16 || Resolve<DictionaryToken>(document, token) is not { } field)
        {
            return;
        }

        var name = field.TryGet(NameToken.T, out var t) ? TextOf(document, t) : null;
        var fullName = parentName is null ? name : name is null ? parentName : parentName + "." + name;
        var type = field.TryGet(NameToken.Ft, out var ft) && ft is NameToken n ? n.Data : inheritedType;
        if (type == "Sig" && field.TryGet(NameToken.V, out var v) && Resolve<DictionaryToken>(document, v) is { } sig)
        {
            var range = Resolve<ArrayToken>(document, sig.TryGet(NameToken.Create("ByteRange"), out var br) ? br : null)?.Data
                .Select(x => Resolve<NumericToken>(document, x) is { } num ? (long)num.Data : -1).ToArray() ?? [];
            var contents = sig.TryGet(NameToken.Contents, out var c) ? Resolve<IToken>(document, c) switch
            {
                HexToken hex => hex.Bytes.ToArray(),
                StringToken s => s.GetBytes(),
                _ => [],
            } : [];
            found.Add(new PdfSignatureField(
                fullName ?? $"Signature{found.Count + 1}",
                sig.TryGet(NameToken.SubFilter, out var sf) && sf is NameToken sfn ? sfn.Data : null,
                range,
                contents,
                sig.TryGet(NameToken.M, out var m) ? ParseDate(TextOf(document, m)) : null,
                sig.TryGet(NameToken.Reason, out var r) ? TextOf(document, r) : null,
                sig.TryGet(NameToken.Location, out var l) ? TextOf(document, l) : null,
                sig.TryGet(NameToken.Name, out var nm) ? TextOf(document, nm) : null));
        }

        if (field.TryGet(NameToken.Kids, out var kids) && Resolve<ArrayToken>(document, kids) is { } array)
        {
            foreach (var kid in array.Data)
            {
                Collect(document, kid, fullName, type, found, depth + 1);
            }
        }
    }

    private static T? Resolve<T>(PigDocument document, IToken? token) where T : class, IToken =>
        token is IndirectReferenceToken r ? document.Structure.GetObject(r.Data).Data as T : token as T;

    private static string? TextOf(PigDocument document, IToken token)
    {
        var bytes = Resolve<IToken>(document, token) switch
        {
            HexToken hex => hex.Bytes.ToArray(),
            StringToken s => s.GetBytes(),
            _ => null,
        };
        if (bytes is null)
        {
            return null;
        }

        return bytes is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
            : bytes is [0xEF, 0xBB, 0xBF, ..] ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)
            : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>A PDF date (D:YYYYMMDDHHmmSS+HH'mm'), the parts after the year optional; null when it is not one.</summary>
    internal static DateTimeOffset? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var s = text.StartsWith("D:", StringComparison.Ordinal) ? text[2..] : text;
        var digits = new string(s.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length < 4)
        {
            return null;
        }

        digits = digits.PadRight(14, '0');
        if (digits[4..6] == "00")
        {
            digits = digits[..4] + "01" + digits[6..];
        }

        if (digits[6..8] == "00")
        {
            digits = digits[..6] + "01" + digits[8..];
        }

        if (!DateTime.TryParseExact(digits[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var rest = s[Math.Min(s.Length, s.TakeWhile(char.IsAsciiDigit).Count())..];
        var offset = TimeSpan.Zero;
        if (rest.Length >= 3 && rest[0] is '+' or '-')
        {
            var h = int.TryParse(rest.AsSpan(1, 2), CultureInfo.InvariantCulture, out var hh) ? hh : 0;
            var m = rest.Length >= 6 && int.TryParse(rest.AsSpan(4, 2), CultureInfo.InvariantCulture, out var mm) ? mm : 0;
            offset = new TimeSpan(h, m, 0) * (rest[0] == '-' ? -1 : 1);
        }

        try
        {
            return new DateTimeOffset(local, offset);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The bytes one signature covers, or null when its /ByteRange is not two ranges around its /Contents inside the file.</summary>
    public static byte[]? CoveredBytes(byte[] pdf, long[] range)
    {
        if (range is not [0, var l1, var s2, var l2] || l1 < 1 || s2 <= l1 || l2 < 0 || s2 + l2 > pdf.Length)
        {
            return null;
        }

        // The gap must be exactly the hex string of /Contents: nothing else may escape the signature.
        if (pdf[l1] != (byte)'<' || pdf[s2 - 1] != (byte)'>')
        {
            return null;
        }

        for (var i = l1 + 1; i < s2 - 1; i++)
        {
            if (!char.IsAsciiHexDigit((char)pdf[i]) && !char.IsWhiteSpace((char)pdf[i]))
            {
                return null;
            }
        }

        return [.. pdf.AsSpan(0, (int)l1), .. pdf.AsSpan((int)s2, (int)l2)];
    }

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
