using System.Net;
using System.Text.RegularExpressions;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>Reads a page's post form as a browser would submit it: inputs with their values, checked boxes, selected options, text areas.</summary>
public static partial class HtmlForms
{
    /// <summary>The antiforgery token of the page's first form, or null.</summary>
    public static string? Token(string html) => TokenRegex().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>The fields of the post form whose action names <paramref name="handler"/> (or the first post form but sign-out).</summary>
    public static List<KeyValuePair<string, string>> Fields(string html, string? handler)
    {
        var forms = FormRegex().Matches(html).Where(f => PostRegex().IsMatch(f.Groups["tag"].Value)
            && !f.Groups["tag"].Value.Contains("/Account/Logout", StringComparison.OrdinalIgnoreCase)).ToList();
        var form = handler is null ? forms.FirstOrDefault()
            : forms.FirstOrDefault(f => f.Groups["tag"].Value.Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));
        if (form is null)
        {
            throw new InvalidOperationException($"no post form{(handler is null ? "" : " for " + handler)} on the page");
        }

        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match m in ElementRegex().Matches(form.Value))
        {
            var tag = m.Groups["tag"].Value;
            if (Attr(tag, "name") is not { } name)
            {
                continue;
            }

            switch (m.Groups["el"].Value.ToLowerInvariant())
            {
                case "input":
                    var type = Attr(tag, "type")?.ToLowerInvariant() ?? "text";
                    if (type is "submit" or "button" or "file" or "image" or "reset" || (type is "checkbox" or "radio" && !CheckedRegex().IsMatch(tag)))
                    {
                        continue;
                    }

                    fields.Add(new(name, Attr(tag, "value") ?? (type is "checkbox" or "radio" ? "on" : "")));
                    break;
                case "textarea":
                    fields.Add(new(name, WebUtility.HtmlDecode(m.Groups["body"].Value)));
                    break;
                case "select":
                    var options = OptionRegex().Matches(m.Groups["body"].Value).ToList();
                    var chosen = options.FirstOrDefault(o => SelectedRegex().IsMatch(o.Groups["tag"].Value)) ?? options.FirstOrDefault();
                    if (chosen is not null)
                    {
                        fields.Add(new(name, Attr(chosen.Groups["tag"].Value, "value") ?? WebUtility.HtmlDecode(chosen.Groups["body"].Value.Trim())));
                    }

                    break;
            }
        }

        return fields;
    }

    private static string? Attr(string tag, string name) =>
        Regex.Match(tag, $@"\b{name}\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("""<form(?<tag>\b[^>]*)>.*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex(@"method\s*=\s*""post""", RegexOptions.IgnoreCase)]
    private static partial Regex PostRegex();

    [GeneratedRegex("""<(?<el>input)(?<tag>\b[^>]*)/?>|<(?<el>textarea|select)(?<tag>\b[^>]*)>(?<body>.*?)</(textarea|select)>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ElementRegex();

    [GeneratedRegex("""<option(?<tag>\b[^>]*)>(?<body>[^<]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex OptionRegex();

    [GeneratedRegex(@"\bchecked\b", RegexOptions.IgnoreCase)]
    private static partial Regex CheckedRegex();

    [GeneratedRegex(@"\bselected\b", RegexOptions.IgnoreCase)]
    private static partial Regex SelectedRegex();
}
