using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.Testing;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page objects for the citizen portal: sign-up with the code the (fake) phone received, online submission.</summary>
public sealed class PortalPages(IPage page, AppFactory app)
{
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
