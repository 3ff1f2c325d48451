using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.ReformPlan;

public sealed class SchemeAndTargetJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_reform_officer_edits_a_scheme_criterion_and_enters_a_target_figure_with_its_evidence()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("noivu");

        // A 2025 scheme copied from 2024; criterion 2.3's maximum goes from 10 to 15 and its parent follows.
        var schemes = new ReformSchemePages(page);
        await schemes.CreateAsync(2025, copyPrevious: true);
        Assert.Contains("10", await schemes.CriterionRow("2.3").InnerTextAsync());
        await schemes.EditAsync("2.3", maxPoints: "abc");
        Assert.Contains("Điểm tối đa là bắt buộc", await schemes.ErrorSummary.InnerTextAsync());
        await page.GetByTestId("criterion-form").GetByLabel("Điểm tối đa").FillAsync("15");
        await page.GetByTestId("criterion-form").GetByLabel("Tên tiêu chí").FillAsync("Tỷ lệ hồ sơ tiếp nhận, giải quyết trực tuyến");
        await page.GetByTestId("criterion-form").GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var row = await schemes.CriterionRow("2.3").InnerTextAsync();
        Assert.Contains("Tỷ lệ hồ sơ tiếp nhận, giải quyết trực tuyến", row);
        Assert.Contains("15", row);
        Assert.Contains("45", await schemes.CriterionRow("2").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "reform-scheme-criteria");

        // Target II.2 no. 8 (public service units reduced by ≥ 10 % against 2021) has no live indicator.
        await page.GotoAsync("/ReformPlan");
        await page.GetByTestId("plans").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("huyện Bác Ái") }).First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var targets = new ReformTargetPages(page);
        Assert.Contains("chưa có số liệu", await targets.TargetRow("8").InnerTextAsync());

        await targets.EnterFigureAsync("8", "7,5", "Báo cáo sắp xếp đơn vị sự nghiệp năm 2025", null, null);
        Assert.Contains("minh chứng", await targets.ErrorSummary.InnerTextAsync());
        var figure = page.GetByTestId("manual-figure");
        await figure.GetByLabel("Tệp minh chứng").SetInputFilesAsync(new FilePayload { Name = "bao-cao-sap-xep-dvsn.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 demo"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        var target = await targets.TargetRow("8").InnerTextAsync();
        Assert.Contains("7,5", target.Replace("7.5", "7,5", StringComparison.Ordinal));
        Assert.Contains("75 %", target);
        Assert.Contains("noivu", target);
        Assert.Contains("bao-cao-sap-xep-dvsn.pdf", target);
        await BrowserFixture.ScreenshotAsync(page, "reform-targets-manual-figure");

        var download = await page.RunAndWaitForDownloadAsync(() => targets.TargetRow("8").GetByRole(AriaRole.Link, new() { Name = "bao-cao-sap-xep-dvsn.pdf" }).ClickAsync());
        Assert.Equal("bao-cao-sap-xep-dvsn.pdf", download.SuggestedFilename);
        await page.Context.CloseAsync();
    }
}
