using System.Globalization;
using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Screenshots;

/// <summary>
/// The README's first screenshots, on today's clock at Xã Bác Ái: the desk officer's workspace, a dossier as the
/// specialist sees it, the citizen's submit form on a phone and the leader's dashboard. Each test checks what the
/// picture must show; the picture is saved only when MOTCUA_SCREENSHOTS names a folder:
/// <c>MOTCUA_SCREENSHOTS=$PWD/docs/screenshots dotnet test tests/MotCua.BrowserTests --filter Category=Screenshots</c>.
/// </summary>
[Collection(TodayTests.Name)]
[Trait("Category", "Screenshots")]
public sealed class ReadmeScreenshotTests(TodayBrowserFixture browser)
{
    private static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };
    private static readonly ViewportSize SmallPhone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task The_desk_officers_workspace()
    {
        await browser.DossiersAsync();
        var page = await browser.NewPageAsync(Desktop);
        await new LoginPage(page).SignInAsync("motcua.bacai");

        Assert.EndsWith("/Staff", page.Url, StringComparison.Ordinal);
        Assert.Equal("Xã Bác Ái", await page.GetByTestId("user-unit").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "readme-workspace");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_dossier_with_the_specialist()
    {
        var code = (await browser.DossiersAsync())[1];
        var page = await browser.NewPageAsync(Desktop);
        await new LoginPage(page).SignInAsync("chuyenvien.bacai");
        await new DossierPage(page).OpenAsync(code);

        Assert.Equal(code, await page.GetByTestId("dossier-code").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "readme-dossier");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_citizens_submit_form_on_a_phone()
    {
        var page = await browser.NewPageAsync(SmallPhone);
        await new LoginPage(page).SignInAsync("congdan");
        await page.GotoAsync("/Portal/Submit?procedure=2.000815");

        await Assertions.Expect(page.GetByLabel("Địa chỉ")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("submit")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "readme-submit-form-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_leaders_dashboard()
    {
        await browser.DossiersAsync();
        var page = await browser.NewPageAsync(Desktop);
        await new LoginPage(page).SignInAsync("lanhdao.bacai");
        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Chỉ số", Exact = true }).ClickAsync();

        // The three dossiers received today at Xã Bác Ái are counted in the period the dashboard opens on.
        var summary = page.GetByTestId("summary");
        await Assertions.Expect(summary).ToContainTextAsync("Xã Bác Ái");
        Assert.True(int.Parse(await summary.GetByRole(AriaRole.Link).First.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN")) >= 3);
        await BrowserFixture.ScreenshotAsync(page, "readme-dashboard");
        await page.Context.CloseAsync();
    }
}
