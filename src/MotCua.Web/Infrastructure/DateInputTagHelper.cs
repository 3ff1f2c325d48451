using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Every <c>&lt;input type="date"&gt;</c> becomes a dd/MM/yyyy text box with the picker of <c>wwwroot/js/ui.js</c>: the
/// browser's own date box follows its locale (12/07/2026 for 7 December in en-US), this one never does (docs/design.md).
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class DateInputTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("pattern", DayMonthYear.HtmlPattern);
        output.Attributes.SetAttribute("placeholder", t["dd/mm/yyyy"].Value);
        output.Attributes.SetAttribute("title", t["Ngày theo dạng ngày/tháng/năm, ví dụ 07/12/2026"].Value);
        output.Attributes.SetAttribute("maxlength", "10");
        output.Attributes.SetAttribute("data-datepicker", "");
        output.Attributes.SetAttribute("data-dp-open", t["Chọn ngày"].Value);
        output.Attributes.SetAttribute("data-dp-button", t["Lịch"].Value);
        output.Attributes.SetAttribute("data-dp-prev", t["Tháng trước"].Value);
        output.Attributes.SetAttribute("data-dp-next", t["Tháng sau"].Value);
        output.Attributes.SetAttribute("data-dp-days", t["T2,T3,T4,T5,T6,T7,CN"].Value);
        var css = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() + " w-date" : "w-date";
        output.Attributes.SetAttribute("class", css.Trim());
        if (output.Attributes.TryGetAttribute("value", out var value))
        {
            output.Attributes.SetAttribute("value", DayMonthYear.Display(ValueText(value.Value)));
        }
    }

    private static string? ValueText(object? value) => value switch
    {
        null => null,
        Microsoft.AspNetCore.Html.IHtmlContent html => Html(html),
        _ => value.ToString(),
    };

    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var w = new StringWriter();
        html.WriteTo(w, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(w.ToString());
    }
}
