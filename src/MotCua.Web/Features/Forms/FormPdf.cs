using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace MotCua.Web.Features.Forms;

/// <summary>Renders forms 01–07 as A4 PDF with Noto Sans embedded (subset) and the QR code top-left.</summary>
public static class FormPdf
{
    static readonly Lock Gate = new();
    static NotoSansFontResolver? resolver;

    /// <summary>Where the Noto Sans .ttf files are; read once, at the first rendering (PDFsharp's font resolver is process-wide).</summary>
    public static string FontFolder { get; set; } = NotoSansFontResolver.DefaultFolder;

    public static byte[] Render(IPrintableForm form)
    {
        var layout = FormLayouts.For(form);
        return Render(layout, FormQr.Payload(form), $"Mẫu {layout.FormNumber} - {layout.Title}");
    }

    /// <summary>Any document laid out like a form (receipts, results): the same header, QR code and blocks.</summary>
    internal static byte[] Render(FormLayout layout, string qrPayload, string title)
    {
        using var document = Compose(layout, qrPayload, title);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>The document before saving, for callers that sign it.</summary>
    internal static PdfDocument Compose(FormLayout layout, string qrPayload, string title)
    {
        EnsureFonts();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Subject = qrPayload;
        using var qr = XImage.FromStream(new MemoryStream(FormQr.Bmp(qrPayload)));
        using (var writer = new Writer(document, layout.Landscape))
        {
            writer.Header(layout, qr);
            foreach (var block in layout.Blocks)
            {
                writer.Block(block);
            }
        }

        return document;
    }

    /// <summary>A statistical report (reform overview, periodic indicators): the same header without a QR, then titled tables.</summary>
    public static byte[] RenderReport(Report report)
    {
        EnsureFonts();
        var blocks = report.Tables.SelectMany(t => new Block[] { Para.Of(t.Heading, bold: true), new Table(t.Headers, t.Widths, t.Rows) }).ToList();
        var layout = new FormLayout(report.Header, "", null, report.Title, report.Subtitle, blocks, report.Landscape);
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        using (var writer = new Writer(document, layout.Landscape))
        {
            writer.Header(layout, qr: null);
            foreach (var block in layout.Blocks)
            {
                writer.Block(block);
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    internal static void EnsureFonts()
    {
        lock (Gate)
        {
            if (resolver is null)
            {
                resolver = new NotoSansFontResolver(FontFolder);
                GlobalFontSettings.FontResolver = resolver;
            }
        }
    }

    /// <summary>Lays blocks down a page top to bottom, wrapping text and starting a new page when a block does not fit.</summary>
    sealed class Writer : IDisposable
    {
        const double Margin = 42, Gap = 5;
        static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        readonly PdfDocument document;
        readonly bool landscape;
        readonly double bodySize, tableSize;
        XGraphics gfx = null!;
        double y, width, height;

        public Writer(PdfDocument document, bool landscape)
        {
            this.document = document;
            this.landscape = landscape;
            (bodySize, tableSize) = landscape ? (10.5, 8.5) : (11.5, 9.5);
            NewPage();
        }

        static double Left => Margin;

        double Right => width - Margin;

        static XFont Font(double size, bool bold = false, bool italic = false) =>
            new("Noto Sans", size, (bold ? XFontStyleEx.Bold : 0) | (italic ? XFontStyleEx.Italic : 0), Unicode);

        void NewPage()
        {
            gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
            gfx = XGraphics.FromPdfPage(page);
            (width, height) = (page.Width.Point, page.Height.Point);
            y = Margin;
        }

        void Need(double space)
        {
            if (y + space > height - Margin)
            {
                NewPage();
            }
        }

        public void Header(FormLayout layout, XImage? qr)
        {
            var qrSize = qr is null ? 0 : 58;
            if (qr is not null)
            {
                gfx.DrawImage(qr, Left, y - 10, qrSize, qrSize);
            }

            var split = Left + (Right - Left) * (landscape ? 0.45 : 0.5);
            double leftX = Left + qrSize + (qr is null ? 0 : 6), top = y;

            var ly = Centered(layout.Header.ParentUnitName.ToUpperInvariant(), Font(10), leftX, split, top);
            ly = Centered(layout.Header.IssuingUnitName.ToUpperInvariant(), Font(10, bold: true), leftX, split, ly);
            Rule((leftX + split) / 2, ly + 2, 60);
            if (layout.DocumentNumber is { } number)
            {
                ly = Centered(number, Font(10), leftX, split, ly + 8);
            }

            var ry = Centered(FormText.Motto1, Font(10, bold: true), split, Right, top);
            var motto = Font(11, bold: true);
            ry = Centered(FormText.Motto2, motto, split, Right, ry);
            Rule((split + Right) / 2, ry + 2, gfx.MeasureString(FormText.Motto2, motto).Width);
            ry = Centered(FormText.DateLine(layout.Header.Place, layout.Header.Date), Font(10.5, italic: true), split, Right, ry + 8);

            y = Math.Max(Math.Max(ly, ry), top + qrSize) + 14;
            y = Centered(layout.Title, Font(landscape ? 13 : 13.5, bold: true), Left, Right, y);
            if (layout.Subtitle is { } subtitle)
            {
                y = Centered(subtitle, Font(bodySize, bold: true), Left, Right, y + 2);
            }

            y += 10;
        }

        public void Block(Block block)
        {
            switch (block)
            {
                case Para p:
                    var lines = Wrap(p.Runs.Select(r => (r.Text, Font(bodySize, r.Bold, r.Italic))), Right - Left);
                    foreach (var line in lines)
                    {
                        Need(LineHeight(bodySize));
                        DrawLine(line, p.Center ? Left + (Right - Left - line.Width) / 2 : Left);
                        y += LineHeight(bodySize);
                    }

                    y += Gap - 2;
                    break;
                case Table t:
                    DrawTable(t);
                    break;
                case Signatures s:
                    DrawSignatures(s);
                    break;
            }
        }

        static double LineHeight(double size) => size * 1.4;

        double Centered(string text, XFont font, double x0, double x1, double top)
        {
            foreach (var line in Wrap([(text, font)], x1 - x0))
            {
                DrawLine(line, x0 + (x1 - x0 - line.Width) / 2, top);
                top += LineHeight(font.Size);
            }

            return top;
        }

        void Rule(double centerX, double atY, double length) =>
            gfx.DrawLine(new XPen(XColors.Black, 0.6), centerX - length / 2, atY, centerX + length / 2, atY);

        /// <summary>Draws runs of one font as one string with real spaces, so that copied or extracted text keeps its words apart.</summary>
        void DrawLine(Line line, double x, double? top = null)
        {
            var i = 0;
            while (i < line.Words.Count)
            {
                var (text, font, offset, spaced) = line.Words[i];
                var run = new StringBuilder(i > 0 && spaced ? " " + text : text);
                var start = i > 0 && spaced ? offset - gfx.MeasureString(" ", font).Width : offset;
                for (i++; i < line.Words.Count && line.Words[i].Font == font && line.Words[i].Spaced; i++)
                {
                    run.Append(' ').Append(line.Words[i].Text);
                }

                gfx.DrawString(run.ToString(), font, XBrushes.Black, x + start, (top ?? y) + font.Size, XStringFormats.BaseLineLeft);
            }
        }

        sealed record Line(List<(string Text, XFont Font, double Offset, bool Spaced)> Words, double Width);

        /// <summary>Greedy word wrap over runs of different fonts; a word longer than the width is cut by characters.</summary>
        List<Line> Wrap(IEnumerable<(string Text, XFont Font)> runs, double maxWidth)
        {
            var lines = new List<Line>();
            var words = new List<(string, XFont, double, bool)>();
            double x = 0;
            var pendingSpace = false;
            foreach (var (rawText, font) in runs)
            {
                var text = FormText.Nfc(rawText);
                var space = gfx.MeasureString(" ", font).Width;
                var parts = text.Split(' ');
                for (var i = 0; i < parts.Length; i++)
                {
                    if (i > 0 || text.StartsWith(' '))
                    {
                        pendingSpace = words.Count > 0;
                    }

                    foreach (var piece in Chunks(parts[i], font, maxWidth))
                    {
                        var w = gfx.MeasureString(piece, font).Width;
                        var start = pendingSpace ? x + space : x;
                        if (words.Count > 0 && start + w > maxWidth)
                        {
                            lines.Add(new Line([.. words], x));
                            words.Clear();
                            start = 0;
                        }

                        words.Add((piece, font, start, pendingSpace));
                        x = start + w;
                        pendingSpace = false;
                    }
                }
            }

            lines.Add(new Line(words, x));
            return lines;
        }

        IEnumerable<string> Chunks(string word, XFont font, double maxWidth)
        {
            while (word.Length > 1 && gfx.MeasureString(word, font).Width > maxWidth)
            {
                var n = word.Length - 1;
                while (n > 1 && gfx.MeasureString(word[..n], font).Width > maxWidth)
                {
                    n--;
                }

                yield return word[..n];
                word = word[n..];
            }

            if (word.Length > 0)
            {
                yield return word;
            }
        }

        void DrawTable(Table t)
        {
            const double pad = 3;
            var total = Right - Left;
            var widths = t.Widths.Select(w => w / t.Widths.Sum() * total).ToArray();
            var pen = new XPen(XColors.Black, 0.5);

            void Row(string[] cells, bool header)
            {
                var font = Font(tableSize, bold: header);
                var wrapped = cells.Select((c, i) => Wrap([(c, font)], widths[i] - 2 * pad)).ToArray();
                var rowHeight = wrapped.Max(l => l.Count) * LineHeight(tableSize) + 2 * pad;
                if (y + rowHeight > height - Margin && !header)
                {
                    NewPage();
                    Row(t.Headers, header: true);
                }

                var x = Left;
                for (var i = 0; i < cells.Length; i++)
                {
                    if (header)
                    {
                        gfx.DrawRectangle(XBrushes.Gainsboro, x, y, widths[i], rowHeight);
                    }

                    gfx.DrawRectangle(pen, x, y, widths[i], rowHeight);
                    var top = y + pad;
                    foreach (var line in wrapped[i])
                    {
                        var lx = header || cells[i].Length <= 3 ? x + (widths[i] - line.Width) / 2 : x + pad;
                        DrawLine(line, lx, top);
                        top += LineHeight(tableSize);
                    }

                    x += widths[i];
                }

                y += rowHeight;
            }

            Need(4 * LineHeight(tableSize));
            Row(t.Headers, header: true);
            foreach (var row in t.Rows)
            {
                Row(row, header: false);
            }

            y += Gap + 2;
        }

        void DrawSignatures(Signatures s)
        {
            Need(110);
            y += 8;
            var total = Right - Left;
            // A lone signature sits on the right half, as on official papers.
            var columns = s.Items.Count == 1 ? 2 : s.Items.Count;
            var first = columns - s.Items.Count;
            for (var i = 0; i < s.Items.Count; i++)
            {
                var x0 = Left + total * (first + i) / columns;
                var x1 = x0 + total / columns;
                var top = Centered(s.Items[i].Title, Font(bodySize - 0.5, bold: true), x0, x1, y);
                top = Centered(s.Items[i].Hint, Font(bodySize - 1.5, italic: true), x0, x1, top);
                Centered(s.Items[i].Name, Font(bodySize - 0.5, bold: true), x0, x1, top + 55);
            }

            y += 110;
        }

        public void Dispose() => gfx.Dispose();
    }
}
