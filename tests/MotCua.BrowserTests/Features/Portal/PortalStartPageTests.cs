using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Portal;

/// <summary>Issue 21.4: the portal's first screen on a phone is search and groups, not 58 procedures; a citizen signs in to their dossiers.</summary>
public sealed class PortalStartPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static Task<int> HeightAsync(IPage page) => page.EvaluateAsync<int>("document.documentElement.scrollHeight");

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scroll <= inner, $"{what}: scrollWidth {scroll} > innerWidth {inner}");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(360, 740)]
    public async Task On_a_phone_the_first_screen_shows_the_search_box_and_the_groups(int width, int height)
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = width, Height = height });
        var portal = new PortalPages(page, browser.App);
        await portal.OpenAsync();

        await Assertions.Expect(portal.SearchBox).ToBeInViewportAsync();
        Assert.True(await portal.LifeEventGroups.CountAsync() >= 8);
        await Assertions.Expect(portal.LifeEventGroups.First.Locator("summary")).ToBeInViewportAsync();
        await Assertions.Expect(portal.LifeEventGroups.First.Locator("summary")).ToContainTextAsync(new Regex("\\d+ thủ tục"));

        // Collapsed: no procedure link is visible until a group is opened; the page is far shorter than the old 5,200 px list.
        Assert.Equal(0, await page.Locator("details .portal-procedures a:visible").CountAsync());
        var collapsed = await HeightAsync(page);
        Assert.True(collapsed < 2000, $"portal height {collapsed} px at {width} px");
        await AssertNoSidewaysScrollAsync(page, $"/Portal at {width}");
        await BrowserFixture.ScreenshotAsync(page, $"portal-start-{width}");

        // Opening "Khai sinh" shows its procedures, long names wrapping rather than widening the page.
        var births = await portal.OpenLifeEventAsync("Khai sinh");
        await Assertions.Expect(births.First).ToBeVisibleAsync();
        Assert.Contains("Thủ tục đăng ký khai sinh", await births.AllInnerTextsAsync());
        await AssertNoSidewaysScrollAsync(page, $"/Portal with a group open at {width}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_search_without_diacritics_finds_birth_registration_first()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        var portal = new PortalPages(page, browser.App);
        await portal.OpenAsync();

        await portal.SearchAsync("dang ky khai sinh");

        Assert.Equal("Thủ tục đăng ký khai sinh", (await portal.Results.First.InnerTextAsync()).Trim());
        await AssertNoSidewaysScrollAsync(page, "/Portal?q at 360");
        await portal.Results.First.ClickAsync();
        await page.WaitForURLAsync(new Regex("Submit"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_1366_px_the_portal_and_the_public_list_do_not_scroll_sideways()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1366, Height = 768 });
        await new PortalPages(page, browser.App).OpenAsync();
        await AssertNoSidewaysScrollAsync(page, "/Portal at 1366");
        await BrowserFixture.ScreenshotAsync(page, "portal-start-1366");
        await page.GotoAsync("/Procedures");
        await Assertions.Expect(page.GetByTestId("life-event-groups")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "/Procedures at 1366");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_public_list_on_a_phone_starts_with_search_and_the_groups()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await page.GotoAsync("/Procedures");
        await Assertions.Expect(page.GetByTestId("procedure-search").GetByLabel("Tìm thủ tục")).ToBeInViewportAsync();
        await AssertNoSidewaysScrollAsync(page, "/Procedures at 360");
        await page.GetByTestId("life-event-groups").GetByRole(AriaRole.Link, new() { Name = "Kết hôn", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Procedures\\?event=ket-hon"));
        var names = await new ProceduresPage(page).ResultNamesAsync();
        Assert.Contains("Thủ tục đăng ký kết hôn", names);
        Assert.DoesNotContain("Thủ tục đăng ký khai tử", names);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_who_signs_in_lands_on_their_dossiers()
    {
        var page = await browser.NewPageAsync(phone: true);
        await new LoginPage(page).SignInAsync("congdan");
        await page.WaitForURLAsync(new Regex("/Portal/Mine$"));
        Assert.Equal("Hồ sơ của tôi", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }
}
