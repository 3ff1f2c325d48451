using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Indicators;

public sealed class DashboardJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_leader_sees_a_dossier_received_today_counted_with_targets_trend_and_ranking()
    {
        var desk = await browser.NewPageAsync();
        await new LoginPage(desk).SignInAsync("motcua");
        await new ReceivePage(desk).ReceiveAsync("2.000815", "Chamaléa Thị Mỹ Hường", "058090001234", "0912345678");
        await desk.Context.CloseAsync();

        var leader = await browser.NewPageAsync();
        await new LoginPage(leader).SignInAsync("lanhdao");
        await leader.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Chỉ số" }).ClickAsync();
        var dashboard = new IndicatorsPage(leader);
        await dashboard.ShowAsync("2025-01-01", "2025-06-03");

        Assert.Contains("tiếp nhận 1 hồ sơ", await dashboard.SummaryAsync());
        // Received today, due later: in process and on time at the period end.
        Assert.Equal("100,00 %", await dashboard.IndicatorAsync("onTimeRate"));
        // Nothing was returned yet: no rating to count.
        Assert.Equal("—", await dashboard.IndicatorAsync("satisfactionRate"));
        Assert.True(await dashboard.Trend.IsVisibleAsync());
        Assert.True(await dashboard.Ranking.Locator("tbody tr").CountAsync() >= 1);
        await BrowserFixture.ScreenshotAsync(leader, "indicators-dashboard-lanhdao");
        await leader.Context.CloseAsync();
    }
}
