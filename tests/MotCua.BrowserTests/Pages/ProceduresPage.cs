using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page object for the public catalogue: the home page's search box, /Procedures and /Procedures/Details.</summary>
public sealed class ProceduresPage(IPage page)
{
    public async Task SearchFromHomeAsync(string query)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Tìm thủ tục hành chính").FillAsync(query);
        await page.GetByTestId("home-search").GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public ILocator Results => page.GetByTestId("procedure-results");

    public async Task<string[]> ResultNamesAsync() =>
        [.. (await Results.Locator("tbody tr td:nth-child(2) a").AllInnerTextsAsync()).Select(s => s.Trim())];

    public async Task OpenAsync(string name)
    {
        await Results.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public Task<string> TitleAsync() => page.GetByTestId("procedure-name").InnerTextAsync();

    public Task<string> DocumentsAsync() => page.GetByTestId("documents").InnerTextAsync();

    public ILocator SubmitOnline => page.GetByTestId("submit-online");
}
