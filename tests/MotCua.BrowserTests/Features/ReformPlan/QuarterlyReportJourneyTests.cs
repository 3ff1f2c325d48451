using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.ReformPlan;

public sealed class QuarterlyReportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_commune_submits_its_quarterly_report_with_evidence_and_Phong_Noi_vu_receives_it()
    {
        // The clock is 03/06/2025: the first quarter's report (due 20/03) is late for every unit.
        var reform = await browser.NewPageAsync();
        await new LoginPage(reform).SignInAsync("noivu");
        var reformReports = new ReformReportsPage(reform);
        await reformReports.OpenAsync();
        var lateBefore = string.Join("\n", await reformReports.LateList.Locator("tr", new() { HasText = "Quý 1/2025" }).AllInnerTextsAsync());
        Assert.Contains("Xã Phước Bình", lateBefore);

        var commune = await browser.NewPageAsync(phone: true);
        await new LoginPage(commune).SignInAsync("motcua.phuocbinh");
        await commune.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Kế hoạch CCHC" }).ClickAsync();
        await commune.GetByRole(AriaRole.Link, new() { Name = "Báo cáo định kỳ" }).ClickAsync();
        var reports = new ReformReportsPage(commune);
        await reports.SubmitAsync("Báo cáo quý", 2025, 1, "Kết quả cải cách hành chính quý I/2025 của xã Phước Bình", "bien-ban-kiem-tra-q1.pdf", "%PDF-1.4 demo"u8.ToArray());

        Assert.Equal("Đã nộp báo cáo.", await reports.MessageAsync());
        var row = await reports.ReportRow("Xã Phước Bình").InnerTextAsync();
        Assert.Contains("Quý 1/2025", row);
        Assert.Contains("bien-ban-kiem-tra-q1.pdf", row);
        Assert.Contains("nộp muộn", row);
        await BrowserFixture.ScreenshotAsync(commune, "reform-report-commune-phone");
        await commune.Context.CloseAsync();

        await reformReports.OpenAsync();
        var late = string.Join("\n", await reformReports.LateList.Locator("tr", new() { HasText = "Quý 1/2025" }).AllInnerTextsAsync());
        Assert.DoesNotContain("Xã Phước Bình", late);
        Assert.Contains("Xã Phước Tiến", late);
        Assert.Contains("bien-ban-kiem-tra-q1.pdf", await reformReports.ReportRow("Xã Phước Bình").InnerTextAsync());

        await reformReports.AcceptAsync("Xã Phước Bình");
        Assert.Contains("Đã tiếp nhận", await reformReports.ReportRow("Xã Phước Bình").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(reform, "reform-reports-noivu");
        await reform.Context.CloseAsync();
    }
}
