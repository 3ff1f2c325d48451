using StbImageSharp;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace MotCua.IntegrationTests.Features.Forms;

/// <summary>Reads rendered forms back: text via PdfPig, QR codes via ZXing.</summary>
public static class FormReading
{
    public static string[] PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    public static string Text(byte[] pdf) => string.Join('\n', PageTexts(pdf));

    public static string[] FontNames(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct()];
    }

    public static string? QrInPdf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var image = document.GetPage(1).GetImages().Single();
        Assert.True(image.TryGetPng(out var png), "the QR image could not be read back from the PDF");
        return DecodeQr(png);
    }

    public static string? DecodeQr(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var bitmap = new BinaryBitmap(new HybridBinarizer(source));
        // The default detector now and then misses a finder pattern in a perfect synthetic image; a scanner would retry too.
        return new QRCodeReader().decode(bitmap)?.Text
            ?? new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true })?.Text
            ?? new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true })?.Text;
    }
}
