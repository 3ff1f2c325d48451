using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>The leader's indicator dashboard.</summary>
public sealed class IndicatorsPage(IPage page)
{
    public async Task ShowAsync(string from, string to)
    {
        await page.GetByLabel("Từ ngày").FillAsync(from);
        await page.GetByLabel("Đến ngày").FillAsync(to);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public Task<string> SummaryAsync() => page.GetByTestId("summary").InnerTextAsync();

    public Task<string> IndicatorAsync(string key) => page.Locator($"[data-testid=indicators] tr[data-indicator={key}] td").First.InnerTextAsync();

    public ILocator Trend => page.GetByTestId("trend").Locator("svg");

    public ILocator Ranking => page.GetByTestId("ranking");
}
