using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page object for "Việc của tôi" at /Staff, the staff's first page after sign-in.</summary>
public sealed class WorkspacePage(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public ILocator Group(string key) => page.GetByTestId("group-" + key);

    public async Task<int> CountAsync(string key) => int.Parse(await Group(key).GetByTestId("count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

    public ILocator Row(string key, string code) => Group(key).GetByTestId("work-item").Filter(new() { HasText = code });

    public ILocator Queue => page.GetByTestId("queue-today");

    /// <summary>True when the page does not scroll sideways at the current width.</summary>
    public Task<bool> FitsWidthAsync() => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
