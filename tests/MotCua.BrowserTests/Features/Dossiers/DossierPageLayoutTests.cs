using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Dossiers;

/// <summary>Issue 21.3 at today's commune: the next step first, the other actions reachable and uncovered, no sideways scroll.</summary>
public sealed class DossierPageLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    [Fact]
    public async Task A_specialist_sees_the_next_step_first_and_can_reach_send_back_uncovered_at_360_and_1366_px()
    {
        browser.App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        var desk = await browser.NewPageAsync(Desktop);
        await new LoginPage(desk).SignInAsync("motcua.bacai");
        var code = await new ReceivePage(desk).ReceiveAsync("2.000815", "Đàng Thị Hoa", "058190004321", "0987654321");
        var deskPage = new DossierPage(desk);

        // The desk's next step is forwarding; the unit list starts empty and offers only the communes that take the procedure.
        await Assertions.Expect(deskPage.PrimaryButton).ToHaveAttributeAsync("data-action", "forward");
        await Assertions.Expect(deskPage.PrimaryButton).ToHaveCountAsync(1);
        var units = deskPage.NextStep.Locator("select[name=ToUnitCode]");
        await Assertions.Expect(units).ToHaveValueAsync("");
        Assert.Equal(["", "56.BACAI", "56.BACAIDONG", "56.BACAITAY"], await units.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        await Assertions.Expect(deskPage.NextStep.Locator("input[name=Medium][value=electronic]")).ToBeCheckedAsync();
        Assert.True(await deskPage.FitsWidthAsync());
        await deskPage.ActAsync("forward", toUnitCode: "56.BACAI");
        Assert.Equal("Đang xử lý", await deskPage.StatusAsync());

        foreach (var viewport in new[] { Phone, Desktop })
        {
            var specialist = await browser.NewPageAsync(viewport);
            await new LoginPage(specialist).SignInAsync("chuyenvien.bacai");
            var page = new DossierPage(specialist);
            await page.OpenAsync(code);

            await Assertions.Expect(page.PrimaryButton).ToBeVisibleAsync();
            await Assertions.Expect(page.PrimaryButton).ToHaveTextAsync("Trình phê duyệt");
            Assert.True(await DossierPage.IsUncoveredAsync(page.PrimaryButton), $"primary covered at {viewport.Width} px");
            Assert.True(await page.FitsWidthAsync(), $"sideways scroll at {viewport.Width} px");

            await page.OpenMoreActionsAsync();
            var sendBack = page.Button("send-back");
            await Assertions.Expect(sendBack).ToBeVisibleAsync();
            await Assertions.Expect(sendBack).ToHaveTextAsync("Trả lại bước trước");
            Assert.True(await DossierPage.IsUncoveredAsync(sendBack), $"'Trả lại bước trước' covered at {viewport.Width} px");
            // Playwright's own actionability check (visible, stable, receives the click at its centre), without clicking.
            await sendBack.ClickAsync(new LocatorClickOptions { Trial = true });
            Assert.True(await page.FitsWidthAsync(), $"sideways scroll with the actions open at {viewport.Width} px");
            await BrowserFixture.ScreenshotAsync(specialist, $"dossier-specialist-{viewport.Width}");
        }

        // And it works: the specialist sends the dossier back with a listed reason.
        var last = await browser.NewPageAsync(Phone);
        await new LoginPage(last).SignInAsync("chuyenvien.bacai");
        var specialistPage = new DossierPage(last);
        await specialistPage.OpenAsync(code);
        await specialistPage.ActAsync("send-back", note: "Cần đối chiếu bản chính");
        Assert.Contains("Trả lại bước trước", await last.GetByTestId("history").InnerTextAsync());
        Assert.Equal("Đang xử lý", await specialistPage.StatusAsync());
    }
}
