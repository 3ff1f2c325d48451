using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page objects for the intake form and the dossier page.</summary>
public sealed class ReceivePage(IPage page)
{
    public async Task<string> ReceiveAsync(string procedureCode, string fullName, string idNumber, string phone)
    {
        await page.GotoAsync($"/Dossiers/Receive?procedure={procedureCode}");
        await page.GetByLabel("Họ và tên").FillAsync(fullName);
        await page.GetByLabel("Số định danh cá nhân (12 số)").FillAsync(idNumber);
        await page.GetByLabel("Số điện thoại").FillAsync(phone);
        foreach (var box in await page.GetByTestId("documents").Locator("input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và cấp giấy hẹn" }).ClickAsync();
        await page.WaitForURLAsync("**/Dossiers/Details?**");
        return await page.GetByTestId("dossier-code").InnerTextAsync();
    }
}

public sealed class DossierPage(IPage page)
{
    public async Task OpenAsync(string code) => await page.GotoAsync($"/Dossiers/Details?code={Uri.EscapeDataString(code)}");

    public Task<string> StatusAsync() => page.GetByTestId("status").InnerTextAsync();

    /// <summary>Fills the action's form (the select or date first when given) and submits it.</summary>
    public async Task ActAsync(string action, string? note = null, string? toUnitCode = null, string? resultFileName = null, string? reasonCode = null)
    {
        var form = page.Locator("form.action").Filter(new() { Has = page.Locator($"button[data-action='{action}']") });
        var reason = form.Locator("select[name=ReasonCode]");
        if (await reason.CountAsync() > 0)
        {
            // The first listed reason unless the test names one.
            await reason.SelectOptionAsync(reasonCode is null ? new SelectOptionValue { Index = 1 } : new SelectOptionValue { Value = reasonCode });
        }

        if (toUnitCode is not null)
        {
            await form.Locator("select[name=ToUnitCode]").SelectOptionAsync(toUnitCode);
        }

        if (resultFileName is not null)
        {
            // The result is recorded by uploading its PDF (issue 20 item 1).
            await form.Locator("input[name=ResultFile]").SetInputFilesAsync(new FilePayload { Name = resultFileName, MimeType = "application/pdf", Buffer = MotCua.Testing.TestPdf.Bytes() });
        }

        if (note is not null)
        {
            await form.Locator("input[name=Note]").FillAsync(note);
        }

        await form.Locator($"button[data-action='{action}']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
