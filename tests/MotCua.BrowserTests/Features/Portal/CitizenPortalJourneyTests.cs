using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Portal;

public sealed class CitizenPortalJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8];

    [Fact]
    public async Task Citizen_signs_up_submits_online_is_accepted_tracks_and_reuses_the_stored_document()
    {
        var citizen = await browser.NewPageAsync(phone: true);
        var portal = new PortalPages(citizen, browser.App);
        await portal.SignUpAsync("Mấu Thị Hoa", "058093004567", "0936004567", "Hoa@2025abc");
        Assert.True(await citizen.GetByTestId("welcome").IsVisibleAsync());

        var first = await portal.SubmitAsync("2.000815", "22783", Pdf);
        Assert.Equal("Chờ tiếp nhận", await citizen.GetByTestId("receipt-status").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(citizen, "portal-submitted-phone");

        var desk = await browser.NewPageAsync();
        await new LoginPage(desk).SignInAsync("motcua.phuocbinh");
        var dossier = new DossierPage(desk);
        await dossier.OpenAsync(first);
        await dossier.ActAsync("accept");
        Assert.Equal("Đã tiếp nhận", await dossier.StatusAsync());

        await citizen.GotoAsync($"/Tracking?code={first}&verifier=4567");
        Assert.Equal("Đã tiếp nhận", await citizen.GetByTestId("tracking-status").InnerTextAsync());
        Assert.DoesNotContain("Mấu Thị Hoa", await citizen.GetByTestId("tracking-result").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(citizen, "portal-tracking-phone");

        await citizen.GotoAsync($"/Portal/Submit?procedure=2.000815");
        Assert.True(await citizen.GetByTestId("offer").Locator("input").IsCheckedAsync());
        await BrowserFixture.ScreenshotAsync(citizen, "portal-reuse-offer-phone");
        var second = await portal.SubmitAsync("2.000815", "22783", pdf: null);
        Assert.NotEqual(first, second);
        Assert.True(await citizen.GetByTestId("reused").IsVisibleAsync());
    }
}
