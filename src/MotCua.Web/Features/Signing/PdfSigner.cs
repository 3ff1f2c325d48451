using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MotCua.Web.Features.Signing;

/// <summary>How a PDF is signed through <see cref="PdfSigner.SignPdfAsync"/>: the reason and place shown by readers, and where the field goes.</summary>
/// <param name="Reason">Why it is signed, e.g. "Kết quả giải quyết hồ sơ …", "Phát hành văn bản".</param>
/// <param name="Location">The place of signing (the unit's name or địa danh).</param>
/// <param name="FieldName">The signature field's name; by default ChuKy{n}.</param>
/// <param name="ContactInfo">How to reach the signer (optional, shown by readers).</param>
/// <param name="PageIndex">Page of a visible field (0-based); the last page when null.</param>
/// <param name="Rectangle">A visible field's rectangle in points from the page's bottom-left; invisible when null.</param>
public sealed record SignOptions(
    string Reason,
    string Location,
    string? FieldName = null,
    string? ContactInfo = null,
    int? PageIndex = null,
    (double X1, double Y1, double X2, double Y2)? Rectangle = null);

/// <summary>
/// Signs PDFs in PAdES (ETSI EN 319 142-1): <c>ETSI.CAdES.detached</c>, the ESS signing-certificate-v2 attribute, and an
/// RFC 3161 signature time-stamp when <c>Signing:TimestampUrl</c> is set (B-B, or B-T). Each signature is appended by an
/// incremental update (<see cref="PdfIncrementalSigner"/>), so it covers the whole file and an earlier one (the signer's
/// before the agency's) stays valid. The key is the instance's (<see cref="SigningKeyProvider"/>): a PKCS#12 file, the
/// certificate store, a PKCS#11 token, a remote signing service, or the demo's generated certificate.
/// </summary>
public sealed class PdfSigner(SigningKeyProvider keys, TimestampClient timestamps, TimeProvider time, IConfiguration config)
{
    public const string TimestampUrlKey = "Signing:TimestampUrl";

    /// <summary>The name the demo certificate is stored under (kept from when only results were signed).</summary>
    public const string CertificateName = SigningKeyProvider.CertificateName;

    /// <summary>The signing certificate (the leaf of the key's chain).</summary>
    public async Task<X509Certificate2> CertificateAsync(CancellationToken ct) => (await (await keys.KeyAsync(ct)).ChainAsync(ct))[0];

    /// <summary>
    /// Draws the signature block on the last page ("Ký số bởi …", time, reason, place), saves the document and signs it
    /// with a visible field over that block. Text needs the forms' fonts registered with PDFsharp (FormPdf.EnsureFonts).
    /// </summary>
    public async Task<byte[]> SignAsync(PdfDocument document, string reason, string location, CancellationToken ct)
    {
        var certificate = await CertificateAsync(ct);
        var now = time.GetUtcNow();
        var index = document.PageCount - 1;
        var page = document.Pages[index];
        double width = page.Width.Point, height = page.Height.Point;
        var box = new XRect(width - 42 - 220, height - 42 - 60, 220, 60);
        using (var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
        {
            var font = new XFont("Noto Sans", 7, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            var bold = new XFont("Noto Sans", 7, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
            gfx.DrawRectangle(new XPen(XColors.DarkRed, 0.8), box);
            var lines = new[]
            {
                ("Ký số bởi: " + certificate.GetNameInfo(X509NameType.SimpleName, false), bold),
                ("Thời gian: " + now.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm:ss '(GMT+7)'", CultureInfo.InvariantCulture), font),
                ("Lý do: " + reason, font),
                ("Nơi ký: " + location, font),
            };
            var y = box.Top + 10;
            foreach (var (text, f) in lines)
            {
                gfx.DrawString(Fit(gfx, text, f, box.Width - 8), f, XBrushes.DarkRed, box.Left + 4, y);
                y += 12;
            }
        }

        using var output = new MemoryStream();
        await document.SaveAsync(output, false);
        return await SignPdfAsync(output.ToArray(), new SignOptions(reason, location, PageIndex: index,
            Rectangle: (box.Left, height - box.Bottom, box.Right, height - box.Top)), ct);
    }

    /// <summary>
    /// Signs an existing PDF (bytes in, bytes out) by an incremental update: an unsigned PDF gets its first signature, a
    /// signed one (the leader's) gets the next (the agency's) without breaking the first. Throws <see cref="PdfSigningException"/>
    /// for a file that cannot take a signature and <see cref="SigningKeyException"/> when the key or the time-stamp authority fails.
    /// </summary>
    public async Task<byte[]> SignPdfAsync(byte[] pdf, SignOptions options, CancellationToken ct)
    {
        var key = await keys.KeyAsync(ct);
        var chain = await key.ChainAsync(ct);
        var existing = PdfSignatureReader.Read(pdf) ?? throw new PdfSigningException("The file is not a readable PDF.");
        var pageIndex = options.PageIndex ?? LastPage(pdf);
        var field = new SignatureField(
            options.FieldName ?? $"ChuKy{existing.Count + 1}",
            time.GetUtcNow(),
            options.Reason,
            options.Location,
            options.ContactInfo,
            chain[0].GetNameInfo(X509NameType.SimpleName, false),
            pageIndex,
            options.Rectangle);
        var prepared = PdfIncrementalSigner.Prepare(pdf, field);
        var signedAttributes = CadesSignature.SignedAttributes(prepared.Sha256(), chain[0]);
        var signature = await key.SignAsync(signedAttributes, ct);
        var token = Uri.TryCreate(config[TimestampUrlKey], UriKind.Absolute, out var tsa) ? await timestamps.StampAsync(tsa, signature, ct) : null;
        return prepared.Complete(CadesSignature.Assemble(signedAttributes, signature, chain, token));
    }

    private static int LastPage(byte[] pdf)
    {
        try
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            return document.NumberOfPages - 1;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new PdfSigningException($"The file cannot be read as a PDF ({ex.Message}).", ex);
        }
    }

    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        while (text.Length > 1 && gfx.MeasureString(text + "…", font).Width > width)
        {
            text = text[..^1];
        }

        return text + "…";
    }
}
