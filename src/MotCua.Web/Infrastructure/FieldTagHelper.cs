using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// The form field of docs/design.md: label above, then the hint, then the inline error, then the control, which is told
/// (<c>aria-describedby</c>, <c>aria-invalid</c>) about the hint and the error.
/// <code>&lt;field for="phone" label="@T["Số điện thoại"]" hint="@T["10 chữ số"]" errors="Model.Errors"&gt;&lt;input id="phone" … /&gt;&lt;/field&gt;</code>
/// </summary>
[HtmlTargetElement("field")]
public sealed class FieldTagHelper : TagHelper
{
    /// <summary>The id of the control the label is for.</summary>
    public string For { get; set; } = "";

    public IHtmlContent? Label { get; set; }

    public IHtmlContent? Hint { get; set; }

    /// <summary>The field's message after a failed post; nothing when the field is fine.</summary>
    public string? Error { get; set; }

    /// <summary>Or the form's errors by key (the error summary's), of which this field shows <see cref="Key"/>'s.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; set; }

    /// <summary>The key of this field in <see cref="Errors"/>; the control's id unless told.</summary>
    public string? Key { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (string.IsNullOrEmpty(Error) && Errors is not null && Errors.TryGetValue(Key ?? For, out var messages))
        {
            Error = string.Join(" ", messages);
        }

        var hasError = !string.IsNullOrEmpty(Error);
        var describedBy = string.Join(' ', new[] { Hint is null ? null : For + "-hint", hasError ? For + "-error" : null }.OfType<string>());
        context.Items[typeof(FieldTagHelper)] = new FieldControl(For, describedBy, hasError);
        var child = await output.GetChildContentAsync();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "field has-error" : "field");
        if (Label is not null)
        {
            output.Content.AppendHtml($"<label for=\"{For}\">").AppendHtml(Label).AppendHtml("</label>");
        }

        if (Hint is not null)
        {
            output.Content.AppendHtml($"<p class=\"hint\" id=\"{For}-hint\">").AppendHtml(Hint).AppendHtml("</p>");
        }

        if (hasError)
        {
            output.Content.AppendHtml($"<p class=\"field-error\" id=\"{For}-error\">").Append(Error!).AppendHtml("</p>");
        }

        output.Content.AppendHtml(child);
    }
}

/// <summary>What a <c>field</c> tells the control inside it whose id it names.</summary>
internal sealed record FieldControl(string Id, string DescribedBy, bool Invalid);

/// <summary>Adds the field's hint and error to its control's <c>aria-describedby</c>, and <c>aria-invalid</c> on error.</summary>
[HtmlTargetElement("input", ParentTag = "field")]
[HtmlTargetElement("select", ParentTag = "field")]
[HtmlTargetElement("textarea", ParentTag = "field")]
public sealed class FieldControlTagHelper : TagHelper
{
    // After the other helpers (the date box), so the control's final attributes are the ones extended.
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!context.Items.TryGetValue(typeof(FieldTagHelper), out var item) || item is not FieldControl field
            || !output.Attributes.TryGetAttribute("id", out var id) || id.Value?.ToString() != field.Id)
        {
            return;
        }

        if (field.DescribedBy.Length > 0)
        {
            var existing = output.Attributes.TryGetAttribute("aria-describedby", out var d) ? d.Value?.ToString() + " " : "";
            output.Attributes.SetAttribute("aria-describedby", (existing + field.DescribedBy).Trim());
        }

        if (field.Invalid)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}
