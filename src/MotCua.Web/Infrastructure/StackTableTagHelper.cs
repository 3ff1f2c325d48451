using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// A <c>table.stack</c> becomes one card per row on a phone, each value under its column's name (docs/design.md): every
/// body cell without its own <c>data-label</c> gets its column header's text, so a header renamed or a column added
/// cannot leave a card with an unnamed value.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed class StackTableTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var css = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() ?? "" : "";
        if (!css.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("stack", StringComparer.Ordinal))
        {
            return;
        }

        var child = await output.GetChildContentAsync();
        output.Content.SetHtmlContent(StackTable.Label(child.GetContent()));
    }
}

/// <summary>Adds the column headers as <c>data-label</c> to the body cells of a table's inner HTML.</summary>
public static partial class StackTable
{
    private static readonly HtmlEncoder Attribute = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// The labels come from the last row of the <c>thead</c> (a <c>colspan</c> covers as many columns); row headers,
    /// cells of nested tables and cells that carry a <c>data-label</c> already are left as they are.
    /// </summary>
    public static string Label(string innerHtml)
    {
        var headEnd = innerHtml.IndexOf("</thead>", StringComparison.OrdinalIgnoreCase);
        if (headEnd < 0)
        {
            return innerHtml;
        }

        var labels = HeaderLabels(innerHtml[..headEnd]);
        if (labels.Count == 0)
        {
            return innerHtml;
        }

        var html = new StringBuilder(innerHtml.Length + 64 * labels.Count);
        html.Append(innerHtml, 0, headEnd);
        var column = 0;
        var depth = 0;
        var last = headEnd;
        foreach (Match m in Tag().Matches(innerHtml, headEnd))
        {
            var name = m.Groups["name"].Value.ToLowerInvariant();
            var closing = m.Groups["close"].Success;
            if (name == "table")
            {
                depth += closing ? -1 : 1;
                continue;
            }

            if (depth > 0 || closing)
            {
                continue;
            }

            if (name == "tr")
            {
                column = 0;
                continue;
            }

            // A row header (th) is the card's title on a phone: it keeps no label of its own.
            var attributes = m.Groups["attrs"].Value;
            if (name == "td" && column < labels.Count && labels[column].Length > 0 && !attributes.Contains("data-label", StringComparison.OrdinalIgnoreCase))
            {
                html.Append(innerHtml, last, m.Index + 1 + m.Groups["name"].Length - last);
                html.Append(" data-label=\"").Append(Attribute.Encode(labels[column])).Append('"');
                last = m.Index + 1 + m.Groups["name"].Length;
            }

            column += Span(attributes);
        }

        html.Append(innerHtml, last, innerHtml.Length - last);
        return html.ToString();
    }

    private static List<string> HeaderLabels(string head)
    {
        var rows = head.Split("<tr", StringSplitOptions.None);
        var row = rows[^1];
        var labels = new List<string>();
        foreach (Match m in HeaderCell().Matches(row))
        {
            var text = WebUtility.HtmlDecode(Markup().Replace(m.Groups["text"].Value, " "));
            text = Spaces().Replace(text, " ").Trim();
            for (var i = Span(m.Groups["attrs"].Value); i > 0; i--)
            {
                labels.Add(text);
            }
        }

        return labels;
    }

    private static int Span(string attributes)
    {
        var m = ColSpan().Match(attributes);
        return m.Success && int.TryParse(m.Groups[1].Value, out var n) && n is > 0 and < 100 ? n : 1;
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>table|tr|td|th)\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<(?:th|td)\b(?<attrs>[^>]*)>(?<text>.*?)</(?:th|td)>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HeaderCell();

    [GeneratedRegex(@"colspan\s*=\s*[""']?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ColSpan();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
