using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page object for /ReformPlan/Reports: a unit's periodic reform reports and Phòng Nội vụ's review.</summary>
public sealed class ReformReportsPage(IPage page)
{
    public async Task OpenAsync(string? on = null)
    {
        await page.GotoAsync("/ReformPlan/Reports" + (on is null ? "" : "?on=" + on));
    }

    public async Task SubmitAsync(string kindName, int year, int period, string text, string fileName, byte[] content)
    {
        var form = page.GetByTestId("submit-report");
        await form.GetByLabel("Loại báo cáo").SelectOptionAsync(new SelectOptionValue { Label = kindName });
        await form.GetByLabel("Năm", new() { Exact = true }).FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator("#period").FillAsync(period.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Nội dung báo cáo").FillAsync(text);
        await form.GetByLabel("Tệp minh chứng").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = content });
        await form.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public Task<string> MessageAsync() => page.GetByTestId("report-message").InnerTextAsync();

    public ILocator Reports => page.GetByTestId("reports");

    public ILocator LateList => page.GetByTestId("late-reports");

    public ILocator ReportRow(string unitName) => Reports.Locator("tr", new() { HasText = unitName });

    public async Task AcceptAsync(string unitName)
    {
        await ReportRow(unitName).GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
