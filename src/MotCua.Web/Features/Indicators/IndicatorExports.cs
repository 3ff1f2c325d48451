using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MotCua.Web.Features.Forms;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MotCua.Web.Features.Indicators;

/// <summary>The QĐ 766 index that goes with a periodic report, or why it could not be scored for that period.</summary>
public sealed record Index766Export(Index766Report? Report, string? Missing);

/// <summary>The periodic report in Excel and PDF (Vietnamese) and the open-data CSV; none carries personal data, only counts.</summary>
public static class IndicatorExports
{
    private static IEnumerable<(string Name, string Value, string Target, string Gap, string FullScore)> Lines(IndicatorReport r) =>
        IndicatorText.Names.Select(n =>
        {
            var t = r.Targets.GetValueOrDefault(n.Key);
            return (n.Name, IndicatorText.Value(n.Key, r.Indicators.GetValueOrDefault(n.Key)),
                t?.PlanTarget is { } p ? IndicatorText.Percent(p) : IndicatorText.None,
                t?.PlanGap is { } g ? IndicatorText.Percent(g) : IndicatorText.None,
                t?.FullScore is { } f ? IndicatorText.Percent(f) : IndicatorText.None);
        });

    public const string Index766Sheet = "Chỉ số QĐ 766";

    private static string Points(double p) => p.ToString("0.00", CultureInfo.GetCultureInfo("vi-VN"));

    private static string Data(Index766CriterionView c) => c.Data == "none" ? "Không có dữ liệu trong MotCua"
        : (c.Numerator is { } n && c.Denominator is { } d ? $"{n:N0}/{d:N0} " : "") + $"({IndicatorText.Percent(c.Value)})";

    /// <summary>One row per group, then per criterion, then the total: the same figures as the dashboard's QĐ 766 section.</summary>
    private static List<Dictionary<string, object?>> Index766Rows(Index766Export index)
    {
        if (index.Report is not { } x)
        {
            return [new() { ["Mục"] = "Bộ chỉ số QĐ 766", ["Ghi chú"] = "Không tính được cho kỳ này: " + index.Missing }];
        }

        var rows = new List<Dictionary<string, object?>>();
        Dictionary<string, object?> Row(string code, string name, string data, double points, double max, string basis, string notes) => new()
        {
            ["Mục"] = code,
            ["Tiêu chí"] = name,
            ["Số liệu"] = data,
            ["Điểm"] = points,
            ["Tối đa"] = max,
            ["Căn cứ"] = basis,
            ["Ghi chú"] = notes,
        };
        foreach (var g in x.Groups)
        {
            rows.Add(Row("Nhóm " + g.Code, g.Name, "", g.Points, g.Max, "", ""));
            rows.AddRange(g.Criteria.Select(c => Row(c.Code, c.Name, Data(c), c.Points, c.Max, c.Basis, string.Join(" ", c.Notes))));
        }

        rows.Add(Row("Tổng", $"{x.Unit.Name}, {x.From:dd/MM/yyyy} – {x.To:dd/MM/yyyy}" + (x.Quarter is { } q ? $" (quý {q}/{x.Year})" : $" (năm {x.Year})"),
            $"Tối đa đạt được với dữ liệu của MotCua: {Points(x.MeasurableMax)}", x.Total, x.Max, "QĐ 766/QĐ-TTg", x.Note));
        return rows;
    }

    public static byte[] Excel(IndicatorReport r, string periodName, Index766Export? index766 = null)
    {
        var rows = Lines(r).Select((l, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Chỉ số"] = l.Name,
            ["Kết quả"] = l.Value,
            ["Chỉ tiêu kế hoạch"] = l.Target,
            ["Còn thiếu so với chỉ tiêu"] = l.Gap,
            ["Ngưỡng điểm tối đa (Bộ chỉ số)"] = l.FullScore,
        }).ToList();
        var info = new[]
        {
            new Dictionary<string, object?> { ["Mục"] = "Đơn vị", ["Giá trị"] = r.Unit.Name },
            new Dictionary<string, object?> { ["Mục"] = "Kỳ báo cáo", ["Giá trị"] = $"{periodName} ({r.From:dd/MM/yyyy} – {r.To:dd/MM/yyyy})" },
            new Dictionary<string, object?> { ["Mục"] = "Số hồ sơ tiếp nhận", ["Giá trị"] = r.Counts.Received },
            new Dictionary<string, object?> { ["Mục"] = "Số hồ sơ đã giải quyết", ["Giá trị"] = r.Counts.Finished },
            new Dictionary<string, object?> { ["Mục"] = "Số hồ sơ đang giải quyết cuối kỳ", ["Giá trị"] = r.Counts.InProcess },
        };
        var sheets = new Dictionary<string, object> { ["Chỉ số"] = rows, ["Thông tin"] = info };
        if (r.Breakdown is { Count: > 0 } b)
        {
            sheets["Theo đơn vị"] = b.Select(x => new Dictionary<string, object?>
            {
                ["Mã"] = x.Key,
                ["Đơn vị"] = x.Name,
                ["Tiếp nhận"] = x.Received,
                ["Tỷ lệ đúng hạn"] = IndicatorText.Percent(x.Indicators["onTimeRate"]),
                ["Tỷ lệ trực tuyến"] = IndicatorText.Percent(x.Indicators["onlineRate"]),
            }).ToList();
        }

        if (index766 is not null)
        {
            sheets[Index766Sheet] = Index766Rows(index766);
            if (index766.Report is { Ranking.Count: > 0 } ranked)
            {
                sheets["Xếp hạng QĐ 766"] = ranked.Ranking.Select(x =>
                {
                    var row = new Dictionary<string, object?> { ["Hạng"] = x.Rank, ["Mã"] = x.Unit.Code, ["Đơn vị"] = x.Unit.Name, ["Tổng điểm"] = x.Total };
                    foreach (var g in ranked.Groups)
                    {
                        row["Nhóm " + g.Code] = x.Groups.GetValueOrDefault(g.Code);
                    }

                    return row;
                }).ToList();
            }
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Pdf(IndicatorReport r, string periodName, Index766Export? index766 = null)
    {
        FormPdf.EnsureFonts();
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        XFont F(double size, bool bold = false) => new("Noto Sans", size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
        using var document = new PdfDocument();
        document.Info.Title = $"Báo cáo chỉ số giải quyết thủ tục hành chính - {periodName}";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var g = XGraphics.FromPdfPage(page))
        {
            double y = 50, left = 40, width = page.Width.Point - 80;
            g.DrawString(r.Unit.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), F(11, bold: true), XBrushes.Black, new XRect(left, y, width, 16), XStringFormats.TopCenter);
            y += 24;
            g.DrawString("BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", F(13, bold: true), XBrushes.Black, new XRect(left, y, width, 18), XStringFormats.TopCenter);
            y += 20;
            g.DrawString($"{periodName} (từ {r.From:dd/MM/yyyy} đến {r.To:dd/MM/yyyy})", F(10.5), XBrushes.Black, new XRect(left, y, width, 16), XStringFormats.TopCenter);
            y += 28;
            g.DrawString($"Tiếp nhận: {r.Counts.Received:N0} hồ sơ · Đã giải quyết: {r.Counts.Finished:N0} · Đang giải quyết cuối kỳ: {r.Counts.InProcess:N0}", F(10), XBrushes.Black, left, y);
            y += 22;
            double[] cols = [left, left + 250, left + 330, left + 410];
            string[] heads = ["Chỉ số", "Kết quả", "Chỉ tiêu", "Ngưỡng tối đa"];
            for (var i = 0; i < heads.Length; i++)
            {
                g.DrawString(heads[i], F(9.5, bold: true), XBrushes.Black, cols[i], y);
            }

            y += 6;
            g.DrawLine(XPens.Black, left, y, left + width, y);
            foreach (var l in Lines(r))
            {
                y += 16;
                g.DrawString(l.Name, F(9), XBrushes.Black, cols[0], y);
                g.DrawString(l.Value, F(9), XBrushes.Black, cols[1], y);
                g.DrawString(l.Target, F(9), XBrushes.Black, cols[2], y);
                g.DrawString(l.FullScore, F(9), XBrushes.Black, cols[3], y);
            }

            y += 30;
            g.DrawString("Số liệu tính trực tiếp từ hồ sơ trên hệ thống; \"—\" là không có hồ sơ để tính.", F(8.5), XBrushes.Black, left, y);
        }

        if (index766 is not null)
        {
            Index766Pages(document, index766, F);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>The QĐ 766 section on pages of its own: groups, criteria with their figures and points, notes wrapped under each.</summary>
    private static void Index766Pages(PdfDocument document, Index766Export index, Func<double, bool, XFont> font)
    {
        XFont F(double size, bool bold = false) => font(size, bold);
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var g = XGraphics.FromPdfPage(page);
        try
        {
            double left = 40, width = page.Width.Point - 80, bottom = page.Height.Point - 50, y = 50;
            double[] cols = [left, left + 34, left + 300, left + 410, left + 465];
            void Need(double height)
            {
                if (y + height <= bottom)
                {
                    return;
                }

                g.Dispose();
                page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                g = XGraphics.FromPdfPage(page);
                y = 50;
            }

            double Lines(string text, XFont f, double x, double w, double top)
            {
                var at = top;
                foreach (var line in Wrap(g, text, f, w))
                {
                    g.DrawString(line, f, XBrushes.Black, x, at);
                    at += f.Size + 3;
                }

                return at;
            }

            g.DrawString("CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QĐ 766/QĐ-TTg)", F(12, true), XBrushes.Black, new XRect(left, y, width, 18), XStringFormats.TopCenter);
            y += 34;
            if (index.Report is not { } x)
            {
                Lines("Không tính được cho kỳ này: " + index.Missing, F(10), left, width, y);
                return;
            }

            var period = x.Quarter is { } q ? $"quý {q}/{x.Year}" : $"năm {x.Year}";
            y = Lines($"{x.Unit.Name}, {period} (từ {x.From:dd/MM/yyyy} đến {x.To:dd/MM/yyyy}): tổng điểm {Points(x.Total)} / {Points(x.Max)} "
                + $"(tối đa đạt được với dữ liệu của MotCua: {Points(x.MeasurableMax)})", F(10, true), left, width, y) + 2;
            y = Lines(x.Note, F(8.5), left, width, y) + 8;
            string[] heads = ["Mục", "Tiêu chí", "Số liệu", "Điểm", "Tối đa"];
            for (var i = 0; i < heads.Length; i++)
            {
                g.DrawString(heads[i], F(9.5, true), XBrushes.Black, cols[i], y);
            }

            y += 6;
            g.DrawLine(XPens.Black, left, y, left + width, y);
            y += 14;
            foreach (var group in x.Groups)
            {
                Need(30);
                y += 4;
                g.DrawString(group.Code, F(9.5, true), XBrushes.Black, cols[0], y);
                var groupEnd = Lines(group.Name, F(9.5, true), cols[1], cols[2] - cols[1] - 8, y);
                g.DrawString(Points(group.Points), F(9.5, true), XBrushes.Black, cols[3], y);
                g.DrawString(Points(group.Max), F(9.5, true), XBrushes.Black, cols[4], y);
                y = groupEnd + 2;
                foreach (var c in group.Criteria)
                {
                    var notes = string.Join(" ", c.Notes);
                    var rowLines = Math.Max(Wrap(g, c.Name, F(9), cols[2] - cols[1] - 8).Count(), Wrap(g, Data(c), F(9), cols[3] - cols[2] - 6).Count());
                    Need((rowLines * 12) + (Wrap(g, notes, F(7.5), width - (cols[1] - left)).Count() * 10.5) + 3);
                    g.DrawString(c.Code, F(9), XBrushes.Black, cols[0], y);
                    var nameEnd = Lines(c.Name, F(9), cols[1], cols[2] - cols[1] - 8, y);
                    var dataEnd = Lines(Data(c), F(9), cols[2], cols[3] - cols[2] - 6, y);
                    g.DrawString(Points(c.Points), F(9), XBrushes.Black, cols[3], y);
                    g.DrawString(Points(c.Max), F(9), XBrushes.Black, cols[4], y);
                    y = Math.Max(nameEnd, dataEnd);
                    if (notes.Length > 0)
                    {
                        y = Lines(notes, F(7.5), cols[1], width - (cols[1] - left), y);
                    }

                    y += 3;
                }
            }

            Need(20);
            g.DrawLine(XPens.Black, left, y, left + width, y);
            y += 14;
            g.DrawString("Tổng", F(9.5, true), XBrushes.Black, cols[0], y);
            g.DrawString($"{x.Unit.Name}", F(9.5, true), XBrushes.Black, cols[1], y);
            g.DrawString(Points(x.Total), F(9.5, true), XBrushes.Black, cols[3], y);
            g.DrawString(Points(x.Max), F(9.5, true), XBrushes.Black, cols[4], y);
        }
        finally
        {
            g.Dispose();
        }
    }

    /// <summary>Greedy word wrap by measured width (PDFsharp draws single lines only).</summary>
    private static IEnumerable<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && g.MeasureString(candidate, font).Width > width)
            {
                yield return line.ToString();
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>Open data: one row per month and unit, counts and rates only (no dossier, no person).</summary>
    public static string Csv(IEnumerable<(string UnitCode, string UnitName, MonthPoint Point)> rows)
    {
        var sb = new StringBuilder();
        var keys = IndicatorText.Names.Select(n => n.Key).Where(k => !k.Contains("Procedure", StringComparison.Ordinal) && k != "postalGrowth").ToList();
        sb.Append("unitCode,unitName,month,received,").AppendJoin(',', keys).Append('\n');
        foreach (var (code, name, p) in rows)
        {
            sb.Append(Field(code)).Append(',').Append(Field(name)).Append(',').Append(p.Month).Append(',').Append(p.Received.ToString(CultureInfo.InvariantCulture));
            foreach (var k in keys)
            {
                sb.Append(',').Append(p.Indicators.GetValueOrDefault(k) is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Field(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
