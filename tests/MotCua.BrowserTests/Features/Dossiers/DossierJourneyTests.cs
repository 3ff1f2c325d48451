using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Dossiers;

public sealed class DossierJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Desk_receives_specialist_processes_leader_approves_desk_returns()
    {
        var desk = await browser.NewPageAsync();
        await new LoginPage(desk).SignInAsync("motcua");
        var code = await new ReceivePage(desk).ReceiveAsync("2.000815", "Đàng Thị Hoa", "058190004321", "0987654321");
        Assert.StartsWith("584.MC-", code, StringComparison.Ordinal);
        Assert.Equal("Đã tiếp nhận", await new DossierPage(desk).StatusAsync());
        Assert.Contains("Vì sao là ngày này?", await desk.GetByTestId("why-this-date").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(desk, "dossier-received");
        await new DossierPage(desk).ActAsync("forward", toUnitCode: "584.TCKH");

        var specialist = await browser.NewPageAsync();
        await new LoginPage(specialist).SignInAsync("chuyenvien");
        await specialist.GotoAsync("/Dossiers?tab=process");
        Assert.Contains(code, await specialist.GetByTestId("inbox").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(specialist, "inbox-specialist");
        var specialistPage = new DossierPage(specialist);
        await specialistPage.OpenAsync(code);
        await specialistPage.ActAsync("submit-for-approval", note: "Hồ sơ hợp lệ");

        var leader = await browser.NewPageAsync();
        await new LoginPage(leader).SignInAsync("lanhdao");
        var leaderPage = new DossierPage(leader);
        await leaderPage.OpenAsync(code);
        await leaderPage.ActAsync("approve");
        Assert.Equal("Đã xử lý xong", await leaderPage.StatusAsync());

        await specialistPage.OpenAsync(code);
        await specialistPage.ActAsync("record-result", resultFileName: "ket-qua-demo.pdf");

        var deskPage = new DossierPage(desk);
        await deskPage.OpenAsync(code);
        await deskPage.ActAsync("return-result");
        Assert.Equal("Đã trả kết quả", await deskPage.StatusAsync());
        await BrowserFixture.ScreenshotAsync(desk, "dossier-returned");

        var citizen = await browser.NewPageAsync(phone: true);
        await citizen.GotoAsync($"/Tracking?code={code}&verifier=4321");
        Assert.Equal("Đã trả kết quả", await citizen.GetByTestId("tracking-status").InnerTextAsync());
        Assert.DoesNotContain("Đàng Thị Hoa", await citizen.GetByTestId("tracking-result").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(citizen, "tracking-phone");
    }

    [Fact]
    public async Task Refusing_without_a_reason_is_stopped_by_the_form_and_the_server()
    {
        var desk = await browser.NewPageAsync();
        await new LoginPage(desk).SignInAsync("motcua.phuocbinh");
        var code = await new ReceivePage(desk).ReceiveAsync("2.000815", "Pinăng Văn Sơn", "058090005555", "0911222333");
        var page = new DossierPage(desk);
        Assert.Equal("Đã tiếp nhận", await page.StatusAsync());
        var form = desk.Locator("form.action").Filter(new() { Has = desk.Locator("button[data-action='refuse']") });
        Assert.NotNull(await form.Locator("input[name=Note]").GetAttributeAsync("required"));
        await page.ActAsync("refuse", note: "Giấy tờ không hợp lệ");
        Assert.Equal("Từ chối", await page.StatusAsync());
        Assert.NotEmpty(code);
    }

    [Fact]
    public async Task An_incomplete_intake_creates_no_dossier_and_prints_form_02()
    {
        var desk = await browser.NewPageAsync();
        await new LoginPage(desk).SignInAsync("motcua.phuoctien");
        await desk.GotoAsync("/Dossiers/Receive?procedure=2.000815");
        await desk.GetByLabel("Họ và tên").FillAsync("Mang Văn Thái");
        await desk.GetByLabel("Số định danh cá nhân (12 số)").FillAsync("058090007777");
        await desk.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Tiếp nhận và cấp giấy hẹn" }).ClickAsync();

        Assert.Contains("/Dossiers/Receive", desk.Url, StringComparison.Ordinal);
        Assert.NotEmpty(await desk.GetByTestId("missing-documents").Locator("li").AllInnerTextsAsync());
        var download = await desk.RunAndWaitForDownloadAsync(() => desk.GetByTestId("print-form-02").ClickAsync());
        var path = await download.PathAsync();
        var pdf = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.StartsWith("mau-02-", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
