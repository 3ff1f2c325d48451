using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>The design system's layout rules measured in the browser (docs/design.md).</summary>
public static class DesignChecks
{
    /// <summary>The page does not scroll sideways: document width within the viewport.</summary>
    public static async Task AssertNoSideScrollAsync(IPage page, string what)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scroll <= inner, $"{what}: the page is {scroll} px wide in a {inner} px viewport");
    }

    /// <summary>Every visible label of a text box, select or text area inside <paramref name="form"/> ends above its box's top.</summary>
    public static async Task AssertLabelsAboveAsync(IPage page, string form, string what)
    {
        var misplaced = await page.EvaluateAsync<string[]>(
            """
            (form) => [...document.querySelectorAll(form + ' label[for]')].flatMap(label => {
              const box = document.getElementById(label.htmlFor);
              if (!box || box.type === 'checkbox' || box.type === 'radio' || box.type === 'hidden' || !label.offsetParent || !box.offsetParent) return [];
              const l = label.getBoundingClientRect(), b = box.getBoundingClientRect();
              return l.bottom <= b.top + 0.5 ? [] : [label.textContent.trim() + ' (label bottom ' + l.bottom + ' > box top ' + b.top + ')'];
            })
            """, form);
        var count = await page.EvaluateAsync<int>("(form) => document.querySelectorAll(form + ' label[for]').length", form);
        Assert.True(count > 3, $"{what}: expected labelled fields in {form}");
        Assert.True(misplaced.Length == 0, $"{what}: labels not above their boxes: {string.Join("; ", misplaced)}");
    }
}
