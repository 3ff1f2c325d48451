using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Testing;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page objects for the citizen portal: sign-up with the code the app put in its outbox, online submission.</summary>
public sealed partial class PortalPages(IPage page, AppFactory app)
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
        await page.GetByLabel("Mã xác thực").FillAsync(await CodeFromOutboxAsync(phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Portal\\?welcome"));
    }

    private async Task<string> CodeFromOutboxAsync(string phone)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.OutboxMessages.Where(m => m.To == phone && m.Kind == NotificationKind.VerificationCode)
            .OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync();
        return SixDigits().Match(body).Value;
    }

    /// <summary>Opens the form, picks the unit, uploads to the first component unless a stored document is offered, submits; returns the code.</summary>
    public async Task<string> SubmitAsync(string procedureCode, string unitCode, byte[]? pdf)
    {
        await page.GotoAsync($"/Portal/Submit?procedure={procedureCode}");
        await page.Locator("#unitCode").SelectOptionAsync(unitCode);
        if (pdf is not null)
        {
            await page.Locator("#file_0").SetInputFilesAsync(new FilePayload { Name = "ban-chinh.pdf", MimeType = "application/pdf", Buffer = pdf });
        }

        await page.GetByTestId("submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Portal/Receipt"));
        return await page.GetByTestId("dossier-code").InnerTextAsync();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
