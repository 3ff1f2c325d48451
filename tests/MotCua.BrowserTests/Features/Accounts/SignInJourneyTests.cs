using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Accounts;

public sealed class SignInJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string, string> StaffAccounts => new()
    {
        { "admin", "Tỉnh Ninh Thuận", "Người dùng" },
        { "lanhdao", "Huyện Bác Ái", "Phê duyệt" },
        { "motcua", "Bộ phận Một cửa huyện Bác Ái", "Tiếp nhận hồ sơ" },
        { "chuyenvien", "Phòng Tài chính – Kế hoạch", "Xử lý hồ sơ" },
        { "noivu", "Phòng Nội vụ", "Cải cách hành chính" },
        { "motcua.phuocbinh", "Xã Phước Bình", "Tiếp nhận hồ sơ" },
        { "motcua.phuoctien", "Xã Phước Tiến", "Tiếp nhận hồ sơ" },
        { "motcua.bacai", "Xã Bác Ái", "Tiếp nhận hồ sơ" },
        { "chuyenvien.bacai", "Xã Bác Ái", "Xử lý hồ sơ" },
        { "lanhdao.bacai", "Xã Bác Ái", "Phê duyệt" },
    };

    [Theory]
    [MemberData(nameof(StaffAccounts))]
    public async Task Each_staff_role_sees_its_unit_and_its_menu(string userName, string unitName, string menuItem)
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync(userName);

        Assert.EndsWith("/Staff", page.Url, StringComparison.Ordinal);
        Assert.Equal(unitName, await page.GetByTestId("user-unit").InnerTextAsync());
        var menu = page.GetByTestId("menu");
        Assert.True(await menu.GetByRole(AriaRole.Link, new() { Name = menuItem }).IsVisibleAsync());
        if (userName != "admin")
        {
            Assert.Equal(0, await menu.GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).CountAsync());
        }

        await BrowserFixture.ScreenshotAsync(page, "workspace-" + userName);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_commune_officer_sees_nothing_of_another_commune()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("motcua.phuocbinh");

        var scope = await page.GetByTestId("scope-units").InnerTextAsync();
        Assert.Contains("Xã Phước Bình", scope);
        Assert.DoesNotContain("Phước Tiến", scope);

        await page.GotoAsync("/Organisation?date=2025-06-30");
        var tree = await page.GetByTestId("unit-tree").InnerTextAsync();
        Assert.Contains("Xã Phước Bình", tree);
        Assert.DoesNotContain("Phước Tiến", tree);
        Assert.DoesNotContain("Huyện Bác Ái", tree);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrator_sees_the_tree_of_both_eras()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin");

        await page.GotoAsync("/Organisation?date=2025-06-30");
        var before = await page.GetByTestId("unit-tree").InnerTextAsync();
        Assert.Contains("Huyện Bác Ái", before);
        Assert.Contains("Phòng Nội vụ", before);
        await BrowserFixture.ScreenshotAsync(page, "organisation-2025-06-30");

        await page.GotoAsync("/Organisation?date=2025-07-01");
        var after = await page.GetByTestId("unit-tree").InnerTextAsync();
        Assert.DoesNotContain("Huyện Bác Ái", after);
        Assert.Contains("Xã Bác Ái Đông", after);
        Assert.Contains("Đã báo cáo, chưa xác nhận", after);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_signs_in_and_gets_no_staff_menu()
    {
        var page = await browser.NewPageAsync(phone: true);
        await new LoginPage(page).SignInAsync("congdan");
        Assert.Equal(0, await page.GetByTestId("menu").CountAsync());
        Assert.Equal("Chamaléa Thị Dân", await page.GetByTestId("user-name").InnerTextAsync());

        var response = await page.GotoAsync("/Staff");
        Assert.Contains("/Account/Denied", page.Url, StringComparison.Ordinal);
        Assert.NotNull(response);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_summary()
    {
        var page = await browser.NewPageAsync(phone: true);
        await new LoginPage(page).SignInAsync("noivu", "sai");
        Assert.Contains("không đúng", await page.GetByTestId("login-error").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "login-error-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_page_works_on_a_phone()
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync("/");
        Assert.Equal("Dịch vụ công một cửa", await page.Locator("h1").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "home-phone");
        await page.Context.CloseAsync();
    }
}
