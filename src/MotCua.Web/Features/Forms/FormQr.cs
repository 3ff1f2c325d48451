using QRCoder;

namespace MotCua.Web.Features.Forms;

/// <summary>
/// The QR code (ISO/IEC 18004) printed top-left on every form (TT 01/2023).
/// Payload: <c>MC:{dossier code};TT:{procedure code};BM:{form number}</c>, e.g.
/// <c>MC:H15.50.05.13-250603-0001;TT:1.004227.000.00.00.H56;BM:01</c>; the tracking book (07), which has no single
/// dossier, carries <c>SO:{unit code};TU:{yyyy-MM-dd};DEN:{yyyy-MM-dd};BM:07</c>. Form 01 given a tracking link carries that
/// link instead (<c>…/Tracking?code=…&amp;t=…</c>), so a phone's camera opens the dossier's tracking page.
/// </summary>
public static class FormQr
{
    public static string Payload(IPrintableForm form) => form switch
    {
        TrackingBook b => $"SO:{b.UnitCode};TU:{b.From:yyyy-MM-dd};DEN:{b.To:yyyy-MM-dd};BM:07",
        ReceiptForm { TrackingUrl: { Length: > 0 } url } => url,
        _ => $"MC:{DossierOf(form).DossierCode};TT:{DossierOf(form).ProcedureCode};BM:{FormLayouts.Number(form)}",
    };

    public static byte[] Png(string payload, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The same code as a 24-bit BMP: PDFsharp 6.2's image importer rejects QRCoder's 1-bit palette PNG.</summary>
    public static byte[] Bmp(string payload, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new BitmapByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    internal static DossierRef DossierOf(IPrintableForm form) => form switch
    {
        ReceiptForm f => f.Dossier,
        SupplementRequestForm f => f.Dossier,
        RefusalForm f => f.Dossier,
        ApologyForm f => f.Dossier,
        StopNoticeForm f => f.Dossier,
        ProcessControlSheet f => f.Dossier,
        _ => throw new ArgumentException($"Form {form.GetType().Name} has no dossier.", nameof(form)),
    };
}
