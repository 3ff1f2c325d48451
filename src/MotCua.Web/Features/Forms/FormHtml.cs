using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MotCua.Web.Features.Forms;

/// <summary>Renders forms 01–07 as a standalone printable HTML page from the same layout as <see cref="FormPdf"/>.</summary>
public static class FormHtml
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    const string Style = """
        body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 12pt; line-height: 1.4; max-width: 190mm; margin: 1em auto; color: #000; }
        body.landscape { max-width: 277mm; }
        .head { display: grid; grid-template-columns: 22mm 1fr 1fr; gap: .8em; align-items: start; text-align: center; font-size: 10.5pt; }
        .head img { width: 22mm; height: 22mm; image-rendering: pixelated; }
        .head p { margin: 0; }
        .unit, .motto { font-weight: bold; }
        .unit::after { content: ""; display: block; width: 6em; margin: 2px auto 0; border-bottom: 1px solid #000; }
        .motto span { border-bottom: 1px solid #000; }
        .dateline { font-style: italic; margin-top: .5em !important; }
        h1 { font-size: 13.5pt; text-align: center; margin: 1.2em 0 0; }
        .subtitle { text-align: center; font-weight: bold; margin-top: .2em; }
        p { margin: .3em 0; }
        table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: .4em 0; }
        th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; }
        th { background: #ddd; }
        td.c { text-align: center; }
        .signs { display: flex; justify-content: space-around; text-align: center; margin-top: 1.5em; }
        .signs > div { flex: 1; }
        .signs .name { margin-top: 4.5em; font-weight: bold; }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { margin: 0; max-width: none; }
          tr { break-inside: avoid; }
          thead { display: table-header-group; }
        }
        @page :landscape { size: A4 landscape; }
        """;

    public static string Render(IPrintableForm form)
    {
        var layout = FormLayouts.For(form);
        var qr = Convert.ToBase64String(FormQr.Png(FormQr.Payload(form)));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"Mẫu {layout.FormNumber} - {layout.Title}")).Append("</title>\n<style>")
            .Append(layout.Landscape ? Style.Replace("size: A4; margin", "size: A4 landscape; margin", StringComparison.Ordinal) : Style)
            .Append("</style></head>\n<body class=\"").Append(layout.Landscape ? "landscape" : "portrait").Append("\">\n<div class=\"head\">")
            .Append("<img alt=\"").Append(E(FormQr.Payload(form))).Append("\" src=\"data:image/png;base64,").Append(qr).Append("\">")
            .Append("<div><p>").Append(E(layout.Header.ParentUnitName.ToUpperInvariant())).Append("</p><p class=\"unit\">")
            .Append(E(layout.Header.IssuingUnitName.ToUpperInvariant())).Append("</p>");
        if (layout.DocumentNumber is { } number)
        {
            html.Append("<p>").Append(E(number)).Append("</p>");
        }

        html.Append("</div><div><p class=\"motto\">").Append(E(FormText.Motto1)).Append("</p><p class=\"motto\"><span>")
            .Append(E(FormText.Motto2)).Append("</span></p><p class=\"dateline\">")
            .Append(E(FormText.DateLine(layout.Header.Place, layout.Header.Date))).Append("</p></div></div>\n<h1>")
            .Append(E(layout.Title)).Append("</h1>\n");
        if (layout.Subtitle is { } subtitle)
        {
            html.Append("<p class=\"subtitle\">").Append(E(subtitle)).Append("</p>\n");
        }

        foreach (var block in layout.Blocks)
        {
            Block(html, block);
        }

        return html.Append("</body></html>\n").ToString();
    }

    static void Block(StringBuilder html, Block block)
    {
        switch (block)
        {
            case Para p:
                html.Append(p.Center ? "<p style=\"text-align:center\">" : "<p>");
                foreach (var run in p.Runs)
                {
                    var text = E(run.Text);
                    html.Append(run.Bold ? $"<b>{text}</b>" : run.Italic ? $"<i>{text}</i>" : text);
                }

                html.Append("</p>\n");
                break;
            case Table t:
                html.Append("<table><thead><tr>");
                for (var i = 0; i < t.Headers.Length; i++)
                {
                    html.Append($"<th style=\"width:{t.Widths[i] * 100 / t.Widths.Sum():0.#}%\">").Append(E(t.Headers[i])).Append("</th>");
                }

                html.Append("</tr></thead><tbody>\n");
                foreach (var row in t.Rows)
                {
                    html.Append("<tr>").AppendJoin("", row.Select(c => c.Length <= 3 ? $"<td class=\"c\">{E(c)}</td>" : $"<td>{E(c)}</td>")).Append("</tr>\n");
                }

                html.Append("</tbody></table>\n");
                break;
            case Signatures s:
                html.Append("<div class=\"signs\">");
                if (s.Items.Count == 1)
                {
                    html.Append("<div></div>");
                }

                foreach (var sign in s.Items)
                {
                    html.Append("<div><b>").Append(E(sign.Title)).Append("</b><br><i>").Append(E(sign.Hint))
                        .Append("</i><p class=\"name\">").Append(E(sign.Name)).Append("</p></div>");
                }

                html.Append("</div>\n");
                break;
        }
    }

    static string E(string text) => Encoder.Encode(FormText.Nfc(text));
}
