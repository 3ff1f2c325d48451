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
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
