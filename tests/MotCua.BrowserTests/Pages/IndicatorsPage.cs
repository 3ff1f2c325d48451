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

    /// <summary>The dashboard of one unit and period, by its address (independent of how the date inputs are laid out).</summary>
    public async Task OpenAsync(string unit, string from, string to)
    {
        await page.GotoAsync($"/Indicators?unit={Uri.EscapeDataString(unit)}&from={from}&to={to}");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>The count behind an indicator's numerator or denominator, read from the row's drill-down link ("tất cả").</summary>
    public async Task<int> CountAsync(string key, string part)
    {
        var href = await page.Locator($"[data-testid=indicators] tr[data-indicator={key}]").GetByRole(AriaRole.Link, new() { Name = "tất cả" }).GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(href!.Replace("part=denominator", "part=" + part, StringComparison.Ordinal));
        Assert.True(response.Ok, $"{response.Status} {href}");
        var json = await response.JsonAsync();
        return json!.Value.GetProperty("total").GetInt32();
    }

    public ILocator Index766 => page.GetByTestId("index766");
}
