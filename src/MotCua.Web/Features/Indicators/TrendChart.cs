using System.Globalization;
using System.Net;
using System.Text;

namespace MotCua.Web.Features.Indicators;

/// <summary>A monthly trend as inline SVG drawn on the server: no script, readable without colour (each line is labelled).</summary>
public static class TrendChart
{
    public static string Svg(IReadOnlyList<MonthPoint> points, IReadOnlyList<(string Key, string Label, string Colour)> lines, string title)
    {
        const int w = 720, h = 240, left = 44, right = 140, top = 16, bottom = 34;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg class=\"trend\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(inv, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        double plotW = w - left - right, plotH = h - top - bottom;
        foreach (var pct in new[] { 0, 25, 50, 75, 100 })
        {
            var y = top + plotH * (1 - pct / 100.0);
            sb.Append(inv, $"<line x1=\"{left}\" y1=\"{y:F1}\" x2=\"{left + plotW:F1}\" y2=\"{y:F1}\" stroke=\"#ddd\"/>");
            sb.Append(inv, $"<text x=\"{left - 6}\" y=\"{y + 4:F1}\" font-size=\"11\" text-anchor=\"end\">{pct}%</text>");
        }

        double X(int i) => left + (points.Count <= 1 ? plotW / 2 : plotW * i / (points.Count - 1));
        var step = Math.Max(1, points.Count / 12);
        for (var i = 0; i < points.Count; i += step)
        {
            sb.Append(inv, $"<text x=\"{X(i):F1}\" y=\"{h - 12}\" font-size=\"10\" text-anchor=\"middle\">{points[i].Month[2..]}</text>");
        }

        var row = 0;
        foreach (var (key, label, colour) in lines)
        {
            var path = new StringBuilder();
            var dots = new StringBuilder();
            for (var i = 0; i < points.Count; i++)
            {
                if (points[i].Indicators.GetValueOrDefault(key) is { } v)
                {
                    path.Append(inv, $"{(path.Length == 0 ? "M" : "L")}{X(i):F1},{top + plotH * (1 - v):F1} ");
                    // A dot on every month with a figure: a month alone (the first month of a new unit) still shows.
                    dots.Append(inv, $"<circle cx=\"{X(i):F1}\" cy=\"{top + plotH * (1 - v):F1}\" r=\"3\" fill=\"{colour}\"/>");
                }
            }

            if (path.Length > 0)
            {
                sb.Append(inv, $"<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" data-indicator=\"{key}\"/>");
                sb.Append(dots);
            }

            var ly = top + 14 + row++ * 18;
            sb.Append(inv, $"<line x1=\"{w - right + 10}\" y1=\"{ly - 4}\" x2=\"{w - right + 28}\" y2=\"{ly - 4}\" stroke=\"{colour}\" stroke-width=\"3\"/>");
            sb.Append(inv, $"<text x=\"{w - right + 32}\" y=\"{ly}\" font-size=\"11\">{WebUtility.HtmlEncode(label)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}
