using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;
using MotCua.Web.Infrastructure;

namespace MotCua.BrowserTests.Features.Dossiers;

/// <summary>Issue 11 item 6: the desk keeps receiving through a broken connection; the dossier arrives once when it returns.</summary>
public sealed class OfflineIntakeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_intake_made_offline_waits_in_the_browser_and_arrives_exactly_once_when_the_network_returns()
    {
        var desk = await browser.NewPageAsync();
        await new LoginPage(desk).SignInAsync("motcua.phuoctien");
        await desk.GotoAsync("/Dossiers/Receive?procedure=2.000815");
        await desk.GetByLabel("Họ và tên").FillAsync("Pinăng Thị Mất Sóng");
        await desk.GetByLabel("Số định danh cá nhân (12 số)").FillAsync("058190007777");
        await desk.GetByLabel("Số điện thoại").FillAsync("0911777777");
        foreach (var box in await desk.GetByTestId("documents").Locator("input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }

        await desk.Context.SetOfflineAsync(true);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và cấp giấy hẹn" }).ClickAsync();

        var waiting = desk.GetByTestId("offline-waiting");
        await Assertions.Expect(waiting).ToContainTextAsync("1 hồ sơ đang chờ gửi");
        await Assertions.Expect(desk.GetByTestId("offline-banner")).ToContainTextAsync("Pinăng Thị Mất Sóng");
        await BrowserFixture.ScreenshotAsync(desk, "intake-offline-waiting");
        Assert.Equal(0, await CountAsync("058190007777"));

        await desk.Context.SetOfflineAsync(false);
        await desk.WaitForURLAsync("**/Dossiers/Details?**");

        var code = await desk.GetByTestId("dossier-code").InnerTextAsync();
        Assert.StartsWith("22792-", code, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("058190007777"));
        Assert.Equal("[]", await desk.EvaluateAsync<string>("() => localStorage.getItem('motcua.intake.queue')"));

        // Coming back to the form with nothing queued sends nothing again.
        await desk.GotoAsync("/Dossiers/Receive?procedure=2.000815");
        await Assertions.Expect(desk.GetByTestId("offline-banner")).ToBeHiddenAsync();
        Assert.Equal(1, await CountAsync("058190007777"));
    }

    private async Task<int> CountAsync(string idNumber)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.CountAsync(d => d.Applicant.IdNumber == idNumber);
    }
}
