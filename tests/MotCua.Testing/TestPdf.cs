namespace MotCua.Testing;

/// <summary>A one-page PDF that PDFsharp can open and sign, as a scanner or a word processor would give (results, scanned components).</summary>
public static class TestPdf
{
    public static byte[] Bytes(string title = "Tệp kiểm thử")
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        using (var gfx = PdfSharp.Drawing.XGraphics.FromPdfPage(page))
        {
            gfx.DrawRectangle(PdfSharp.Drawing.XBrushes.LightGray, 40, 40, 200, 20);
        }

        document.Info.Title = title;
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }
}
