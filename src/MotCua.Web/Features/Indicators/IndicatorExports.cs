using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MotCua.Web.Features.Forms;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MotCua.Web.Features.Indicators;

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

    public static byte[] Excel(IndicatorReport r, string periodName)
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

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Pdf(IndicatorReport r, string periodName)
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

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
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
