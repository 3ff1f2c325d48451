using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// The error summary at the top of a form (GOV.UK pattern, docs/design.md): one link per field to its box, then any
/// child content; nothing at all when there is nothing to say.
/// </summary>
[HtmlTargetElement("error-summary")]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public IReadOnlyDictionary<string, string[]>? Errors { get; set; }

    /// <summary>The id of a field's box from its error key (each form has its own naming).</summary>
    public Func<string, string>? FieldId { get; set; }

    /// <summary>Shows the summary even without field errors, for the child content (e.g. missing documents).</summary>
    public bool Show { get; set; }

    public string? Title { get; set; }

    public string TestId { get; set; } = "error-summary";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var errors = Errors ?? new Dictionary<string, string[]>();
        var child = await output.GetChildContentAsync();
        if (errors.Count == 0 && !Show)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("data-testid", TestId);
        output.Attributes.SetAttribute("aria-labelledby", TestId + "-title");
        var html = Html;
        output.Content.AppendHtml($"<h2 id=\"{html.Encode(TestId)}-title\">{html.Encode(Title ?? t["Có lỗi"].Value)}</h2>");
        if (errors.Count > 0)
        {
            output.Content.AppendHtml("<ul>");
            foreach (var (field, messages) in errors)
            {
                var id = (FieldId ?? (f => f))(field);
                output.Content.AppendHtml($"<li><a href=\"#{html.Encode(id)}\">{html.Encode(string.Join(" ", messages))}</a></li>");
            }

            output.Content.AppendHtml("</ul>");
        }

        output.Content.AppendHtml(child);
    }
}
