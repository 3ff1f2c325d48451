using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.Testing;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page objects for the citizen portal: the grouped start page, sign-up with the code the (fake) phone received, online submission.</summary>
public sealed class PortalPages(IPage page, AppFactory app)
{
    public ILocator SearchBox => page.GetByTestId("portal-search").GetByLabel("Tìm thủ tục");

    /// <summary>The collapsed groups (life events, then fields); each summary names the group and its count.</summary>
    public ILocator Groups => page.GetByTestId("group");

    public ILocator LifeEventGroups => page.GetByTestId("life-event-groups").GetByTestId("group");

    public ILocator Results => page.GetByTestId("search-results").Locator("li > a:first-child");

    public async Task OpenAsync()
    {
        await page.GotoAsync("/Portal");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task SearchAsync(string query)
    {
        await SearchBox.FillAsync(query);
        await page.GetByTestId("portal-search").GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Portal\\?q="));
    }

    /// <summary>Opens the life-event group whose summary starts with <paramref name="name"/> and returns its procedure links.</summary>
    public async Task<ILocator> OpenLifeEventAsync(string name)
    {
        var group = LifeEventGroups.Filter(new() { Has = page.Locator("summary .group-name", new() { HasTextRegex = new Regex("^" + Regex.Escape(name) + "$") }) });
        await group.Locator("summary").ClickAsync();
        return group.Locator("li > a:first-child");
    }

    public async Task SignUpAsync(string fullName, string idNumber, string phone, string password)
    {
        await page.GotoAsync("/Portal/SignUp");
        await page.GetByLabel("Họ tên hoặc tên tổ chức").FillAsync(fullName);
        await page.GetByLabel("Số định danh cá nhân (12 số, công dân)").FillAsync(idNumber);
        await page.GetByLabel("Số điện thoại").FillAsync(phone);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký và nhận mã" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Portal/Verify"));
        await page.GetByLabel("Mã xác thực").FillAsync(await app.Captured!.LatestCodeAsync(app.Services, phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Portal\\?welcome"));
    }

    /// <summary>Picks the unit on the open submission page (uploads and stored documents already chosen) and submits; returns the code.</summary>
    public async Task<string> SubmitAsync(string unitCode)
    {
        await page.Locator("#unitCode").SelectOptionAsync(unitCode);
        await page.GetByTestId("submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Portal/Receipt"));
        return await page.GetByTestId("dossier-code").InnerTextAsync();
    }
}
