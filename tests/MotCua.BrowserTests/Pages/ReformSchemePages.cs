using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page objects for the scoring scheme pages (/ReformPlan/Schemes, /ReformPlan/Scheme, /ReformPlan/EditCriterion).</summary>
public sealed class ReformSchemePages(IPage page)
{
    public ILocator Criteria => page.GetByTestId("criteria");

    public ILocator CriterionRow(string code) => Criteria.Locator("tbody tr").Filter(new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($@"^\s*{System.Text.RegularExpressions.Regex.Escape(code)}\s*$") }) });

    public async Task CreateAsync(int year, bool copyPrevious)
    {
        await page.GotoAsync("/ReformPlan/Schemes");
        var form = page.GetByTestId("create-scheme");
        await form.GetByLabel("Năm", new() { Exact = true }).FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var copy = form.GetByLabel("Sao chép tiêu chí của năm trước");
        if (await copy.IsCheckedAsync() != copyPrevious)
        {
            await copy.ClickAsync();
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Tạo bộ tiêu chí" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task EditAsync(string code, string? title = null, string? maxPoints = null, bool? evidenceRequired = null)
    {
        await CriterionRow(code).GetByRole(AriaRole.Link, new() { Name = "Sửa" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var form = page.GetByTestId("criterion-form");
        if (title is not null)
        {
            await form.GetByLabel("Tên tiêu chí").FillAsync(title);
        }

        if (maxPoints is not null)
        {
            await form.GetByLabel("Điểm tối đa").FillAsync(maxPoints);
        }

        if (evidenceRequired is { } e && await form.GetByLabel("Bắt buộc có minh chứng").IsCheckedAsync() != e)
        {
            await form.GetByLabel("Bắt buộc có minh chứng").ClickAsync();
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public ILocator ErrorSummary => page.GetByTestId("error-summary");
}

/// <summary>Page object for /ReformPlan/Plan's targets table and /ReformPlan/EditTarget's manual figure.</summary>
public sealed class ReformTargetPages(IPage page)
{
    public ILocator Targets => page.GetByTestId("targets");

    public ILocator TargetRow(string code) => Targets.Locator("tbody tr").Filter(new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($@"^\s*{System.Text.RegularExpressions.Regex.Escape(code)}\s*$") }) });

    public async Task EnterFigureAsync(string code, string value, string source, string? fileName, byte[]? content)
    {
        await TargetRow(code).GetByRole(AriaRole.Link, new() { Name = "Sửa" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var figure = page.GetByTestId("manual-figure");
        await figure.GetByLabel("Số liệu mới").FillAsync(value);
        await figure.GetByLabel("Nguồn số liệu").FillAsync(source);
        if (fileName is not null)
        {
            await figure.GetByLabel("Tệp minh chứng").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = content! });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public ILocator ErrorSummary => page.GetByTestId("error-summary");
}
