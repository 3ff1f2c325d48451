using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MotCua.Web.Features.Signing;

/// <summary>Where and how a signature field is added; <see cref="Rectangle"/> in PDF points from the page's bottom-left, null for an invisible field.</summary>
public sealed record SignatureField(
    string FieldName,
    DateTimeOffset SigningTime,
    string? Reason = null,
    string? Location = null,
    string? ContactInfo = null,
    string? SignerName = null,
    int PageIndex = 0,
    (double X1, double Y1, double X2, double Y2)? Rectangle = null);

/// <summary>The PDF cannot take a signature (not a PDF, encrypted, damaged); the message says why, for the log and the caller.</summary>
public sealed class PdfSigningException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A PDF with a signature field whose /Contents is still zeros: hash <see cref="SignedBytes"/>, then <see cref="Complete"/>.</summary>
public sealed class PreparedPdf(byte[] pdf, long[] byteRange, int contentsCapacity)
{
    public long[] ByteRange => byteRange;

    /// <summary>The bytes the signature covers: the whole file but the /Contents hex string.</summary>
    public byte[] SignedBytes() =>
        [.. pdf.AsSpan((int)byteRange[0], (int)byteRange[1]), .. pdf.AsSpan((int)byteRange[2], (int)byteRange[3])];

    public byte[] Sha256() => SHA256.HashData(SignedBytes());

    /// <summary>Writes the CMS (DER) into the reserved /Contents; the rest of the reservation stays zeros.</summary>
    public byte[] Complete(byte[] cms)
    {
        if (cms.Length > contentsCapacity)
        {
            throw new PdfSigningException($"The signature is {cms.Length} bytes, more than the {contentsCapacity} reserved in the PDF.");
        }

        var result = (byte[])pdf.Clone();
        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(result, byteRange[1] + 1);
        return result;
    }
}

/// <summary>
/// The PDF plumbing of a signature, which no library here does: appends the signature by an incremental update (ISO 32000-1
/// §7.5.6): a signature dictionary with a zero-filled /Contents and a /ByteRange, its field and widget, the page and the
/// AcroForm rewritten with the new field, then a new xref section and a trailer whose /Prev points to the previous one. The
/// bytes before stay untouched, so an earlier signature stays valid, and this one covers the whole file. PdfPig reads the
/// objects to rewrite.
/// </summary>
public static class PdfIncrementalSigner
{
    /// <summary>Room for the CMS: the chain, the signature and a time-stamp token with its own chain fit in well under 16 KB.</summary>
    public const int ContentsCapacity = 16384;

    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    public static PreparedPdf Prepare(byte[] pdf, SignatureField field)
    {
        PigDocument document;
        try
        {
            document = PigDocument.Open(pdf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new PdfSigningException($"The file cannot be read as a PDF ({ex.Message}).", ex);
        }

        using (document)
        {
            return Prepare(pdf, document, field);
        }
    }

    private static PreparedPdf Prepare(byte[] pdf, PigDocument document, SignatureField field)
    {
        var structure = document.Structure;
        var trailer = structure.Trailer;
        if (trailer.EncryptionToken is not null)
        {
            throw new PdfSigningException("The PDF is encrypted; it must be signed by the tool that encrypted it.");
        }

        if (field.PageIndex < 0 || field.PageIndex >= document.NumberOfPages)
        {
            throw new PdfSigningException($"The PDF has {document.NumberOfPages} page(s); page {field.PageIndex + 1} does not exist.");
        }

        var prevXref = LastStartXref(pdf);
        var next = (long)trailer.Size;
        var objects = new List<(IndirectReference Ref, string Body)>();
        IndirectReference NewRef() => new(next++, 0);
        T Resolve<T>(IToken token) where T : class, IToken =>
            (token is IndirectReferenceToken r ? structure.GetObject(r.Data).Data : token) as T
            ?? throw new PdfSigningException($"The PDF's structure is not as expected (a {typeof(T).Name} was expected).");

        var rootRef = trailer.Root;
        var catalog = Resolve<DictionaryToken>(new IndirectReferenceToken(rootRef));
        var pageNumber = field.PageIndex;
        var pageRef = FindPage(structure, catalog.TryGet(NameToken.Pages, out var pages) ? pages : null, ref pageNumber, depth: 0)
            ?? throw new PdfSigningException($"Page {field.PageIndex + 1} cannot be found in the page tree.");
        var page = Resolve<DictionaryToken>(new IndirectReferenceToken(pageRef));

        var sigRef = NewRef();
        var fieldRef = NewRef();
        var rect = field.Rectangle ?? (0, 0, 0, 0);
        var visible = field.Rectangle is not null;
        var fieldBody = new StringBuilder()
            .Append("<< /FT /Sig /Type /Annot /Subtype /Widget /F 132 /T ").Append(Text(field.FieldName))
            .Append(" /V ").Append(Ref(sigRef)).Append(" /P ").Append(Ref(pageRef))
            .Append(CultureInfo.InvariantCulture, $" /Rect [{Num(rect.X1)} {Num(rect.Y1)} {Num(rect.X2)} {Num(rect.Y2)}]");
        if (visible)
        {
            // The visible text is drawn in the page content; the widget's own appearance is empty, as PDF 2.0 asks one of every visible widget.
            var apRef = NewRef();
            fieldBody.Append(" /AP << /N ").Append(Ref(apRef)).Append(" >>");
            objects.Add((apRef, string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /XObject /Subtype /Form /BBox [0 0 {Num(rect.X2 - rect.X1)} {Num(rect.Y2 - rect.Y1)}] /Resources << >> /Length 0 >>\nstream\n\nendstream")));
        }

        objects.Add((fieldRef, fieldBody.Append(" >>").ToString()));

        // The page's /Annots: rewritten where it lives (inline in the page, or its own array object).
        var fieldToken = new IndirectReferenceToken(fieldRef);
        if (page.TryGet(NameToken.Annots, out var annots) && annots is IndirectReferenceToken annotsRef)
        {
            objects.Add((annotsRef.Data, Write(Append(Resolve<ArrayToken>(annotsRef).Data, fieldToken))));
        }
        else
        {
            var existing = annots is null ? [] : Resolve<ArrayToken>(annots).Data;
            objects.Add((pageRef, Write(page.With(NameToken.Annots, Append(existing, fieldToken)))));
        }

        // The AcroForm with /SigFlags 3 (signatures exist, append only) and the new field in /Fields.
        var hasForm = catalog.TryGet(NameToken.AcroForm, out var formToken);
        var form = hasForm ? Resolve<DictionaryToken>(formToken) : new DictionaryToken(new Dictionary<NameToken, IToken>());
        form = form.With(NameToken.Create("SigFlags"), new NumericToken(3));
        if (form.TryGet(NameToken.Fields, out var fields) && fields is IndirectReferenceToken fieldsRef)
        {
            objects.Add((fieldsRef.Data, Write(Append(Resolve<ArrayToken>(fieldsRef).Data, fieldToken))));
        }
        else
        {
            var existing = fields is null ? [] : Resolve<ArrayToken>(fields).Data;
            form = form.With(NameToken.Fields, Append(existing, fieldToken));
        }

        if (hasForm && formToken is IndirectReferenceToken formRef)
        {
            objects.Add((formRef.Data, Write(form)));
        }
        else
        {
            var newFormRef = NewRef();
            objects.Add((newFormRef, Write(form)));
            objects.Add((rootRef, Write(catalog.With(NameToken.AcroForm, new IndirectReferenceToken(newFormRef)))));
        }

        var sig = new StringBuilder()
            .Append("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ").Append(ByteRangePlaceholder)
            .Append(" /Contents <").Append('0', ContentsCapacity * 2).Append('>')
            .Append(" /M ").Append(Text(PdfDate(field.SigningTime)));
        AppendText(sig, "Reason", field.Reason);
        AppendText(sig, "Location", field.Location);
        AppendText(sig, "ContactInfo", field.ContactInfo);
        AppendText(sig, "Name", field.SignerName);
        objects.Add((sigRef, sig.Append(" /Prop_Build << /App << /Name /MotCua >> >> >>").ToString()));

        return Write(pdf, objects, trailer, rootRef, next, prevXref);
    }

    private static PreparedPdf Write(byte[] pdf, List<(IndirectReference Ref, string Body)> objects, UglyToad.PdfPig.CrossReference.TrailerDictionary trailer,
        IndirectReference rootRef, long size, long prevXref)
    {
        using var output = new MemoryStream(pdf.Length + ContentsCapacity * 2 + 4096);
        output.Write(pdf);
        if (pdf.Length > 0 && pdf[^1] is not ((byte)'\n' or (byte)'\r'))
        {
            output.WriteByte((byte)'\n');
        }

        var offsets = new SortedDictionary<long, (long Offset, int Generation)>();
        long contentsAt = -1, byteRangeAt = -1;
        foreach (var (reference, body) in objects)
        {
            offsets[reference.ObjectNumber] = (output.Position, reference.Generation);
            var head = Ascii($"{reference.ObjectNumber} {reference.Generation} obj\n");
            output.Write(head);
            var at = body.IndexOf("/ByteRange " + ByteRangePlaceholder, StringComparison.Ordinal);
            if (at >= 0)
            {
                byteRangeAt = output.Position + at + "/ByteRange ".Length;
                contentsAt = output.Position + body.IndexOf("/Contents <", StringComparison.Ordinal) + "/Contents ".Length;
            }

            output.Write(Ascii(body));
            output.Write(Ascii("\nendobj\n"));
        }

        var xrefAt = output.Position;
        var xref = new StringBuilder("xref\n");
        var numbers = offsets.Keys.ToList();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }

            xref.Append(CultureInfo.InvariantCulture, $"{numbers[i]} {j - i + 1}\n");
            for (var k = i; k <= j; k++)
            {
                var (offset, generation) = offsets[numbers[k]];
                xref.Append(CultureInfo.InvariantCulture, $"{offset:D10} {generation:D5} n\r\n");
            }

            i = j + 1;
        }

        xref.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root {Ref(rootRef)}");
        if (trailer.Info is { } info)
        {
            xref.Append(" /Info ").Append(Write(info));
        }

        var firstId = trailer.Identifier is { Count: > 0 } id ? Write(id[0]) : "<" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) + ">";
        xref.Append(" /ID [").Append(firstId).Append(" <").Append(Convert.ToHexString(RandomNumberGenerator.GetBytes(16))).Append(">]");
        xref.Append(CultureInfo.InvariantCulture, $" /Prev {prevXref} >>\nstartxref\n{xrefAt}\n%%EOF\n");
        output.Write(Ascii(xref.ToString()));

        var bytes = output.ToArray();
        var contentsEnd = contentsAt + ContentsCapacity * 2 + 2;
        long[] range = [0, contentsAt, contentsEnd, bytes.Length - contentsEnd];
        var rangeText = string.Create(CultureInfo.InvariantCulture, $"[{range[0]} {range[1]} {range[2]} {range[3]}]").PadRight(ByteRangePlaceholder.Length);
        Ascii(rangeText).CopyTo(bytes, byteRangeAt);
        return new PreparedPdf(bytes, range, ContentsCapacity);
    }

    /// <summary>The offset after the last <c>startxref</c>: the previous cross-reference section, the new trailer's /Prev.</summary>
    private static long LastStartXref(byte[] pdf)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 2048), Math.Min(2048, pdf.Length));
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new PdfSigningException("The PDF has no startxref at its end.");
        }

        var digits = new string(tail[(at + "startxref".Length)..].SkipWhile(char.IsWhiteSpace).TakeWhile(char.IsAsciiDigit).ToArray());
        return long.TryParse(digits, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new PdfSigningException("The PDF's startxref is not a number.");
    }

    /// <summary>The <paramref name="index"/>-th page (0-based, counted down) of the page tree, walked from /Pages through /Kids.</summary>
    private static IndirectReference? FindPage(UglyToad.PdfPig.Structure structure, IToken? node, ref int index, int depth)
    {
        if (depth > 64 || node is not IndirectReferenceToken reference || structure.GetObject(reference.Data).Data is not DictionaryToken dict)
        {
            return null;
        }

        var type = dict.TryGet(NameToken.Type, out var t) && t is NameToken n ? n.Data : null;
        if (type == "Page" || !dict.ContainsKey(NameToken.Kids))
        {
            return index-- == 0 ? reference.Data : null;
        }

        if (dict.TryGet(NameToken.Kids, out var kids) && (kids is IndirectReferenceToken r ? structure.GetObject(r.Data).Data : kids) is ArrayToken array)
        {
            foreach (var kid in array.Data)
            {
                if (FindPage(structure, kid, ref index, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static ArrayToken Append(IReadOnlyList<IToken> items, IToken item)
    {
        var list = new List<IToken>(items) { item };
        return new ArrayToken(list);
    }

    private static void AppendText(StringBuilder sb, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            sb.Append(" /").Append(key).Append(' ').Append(Text(value));
        }
    }

    /// <summary>A text string: plain ASCII as a literal, anything else (Vietnamese) as UTF-16BE with its byte-order mark, in hex.</summary>
    internal static string Text(string value) => value.All(c => c is >= ' ' and <= '~' and not '(' and not ')' and not '\\')
        ? "(" + value + ")"
        : "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    /// <summary>A PDF date in Vietnam time, e.g. D:20261207103000+07'00'.</summary>
    internal static string PdfDate(DateTimeOffset time)
    {
        var local = time.ToOffset(TimeSpan.FromHours(7));
        return "D:" + local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+07'00'";
    }

    private static string Ref(IndirectReference r) => string.Create(CultureInfo.InvariantCulture, $"{r.ObjectNumber} {r.Generation} R");

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>Writes a parsed object back in PDF syntax (dictionaries, arrays, and the scalars in them; never a stream).</summary>
    internal static string Write(IToken token)
    {
        var sb = new StringBuilder();
        Write(token, sb);
        return sb.ToString();
    }

    private static void Write(IToken token, StringBuilder sb)
    {
        switch (token)
        {
            case NameToken name:
                sb.Append('/');
                foreach (var b in Encoding.UTF8.GetBytes(name.Data))
                {
                    if (b is > 0x20 and < 0x7F && "()<>[]{}/%#".IndexOf((char)b, StringComparison.Ordinal) < 0)
                    {
                        sb.Append((char)b);
                    }
                    else
                    {
                        sb.Append('#').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                    }
                }

                break;
            case NumericToken n:
                sb.Append(n.Data == Math.Floor(n.Data) && Math.Abs(n.Data) < 1e15
                    ? ((long)n.Data).ToString(CultureInfo.InvariantCulture)
                    : n.Data.ToString("0.######", CultureInfo.InvariantCulture));
                break;
            case BooleanToken b:
                sb.Append(b.Data ? "true" : "false");
                break;
            case NullToken:
                sb.Append("null");
                break;
            case HexToken hex:
                sb.Append('<').Append(Convert.ToHexString([.. hex.Bytes])).Append('>');
                break;
            case StringToken s:
                sb.Append('<').Append(Convert.ToHexString(s.GetBytes())).Append('>');
                break;
            case IndirectReferenceToken r:
                sb.Append(Ref(r.Data));
                break;
            case ArrayToken array:
                sb.Append('[');
                for (var i = 0; i < array.Data.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    Write(array.Data[i], sb);
                }

                sb.Append(']');
                break;
            case DictionaryToken dict:
                sb.Append("<<");
                foreach (var (key, value) in dict.Data)
                {
                    sb.Append(' ');
                    Write(NameToken.Create(key), sb);
                    sb.Append(' ');
                    Write(value, sb);
                }

                sb.Append(" >>");
                break;
            default:
                throw new PdfSigningException($"The PDF holds a {token.GetType().Name} where a dictionary value was expected; it cannot be rewritten.");
        }
    }
}
