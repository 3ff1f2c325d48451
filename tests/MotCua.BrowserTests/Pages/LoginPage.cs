using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page object for /Account/Login.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string userName, string password = "MotCua@Demo2025")
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // Waits for the page the post lands on (signed in, or the error summary), not for a load state: a load-state wait
        // after the click hung for 90 s in CI at load 30 although "NetworkIdle" had fired.
        await page.Locator("[data-testid=user-name], [data-testid=login-error]").First.WaitForAsync();
    }
}
