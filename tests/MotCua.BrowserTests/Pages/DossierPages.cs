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

    /// <summary>Receives a dossier with a scanned PDF uploaded for every document component, so that it is digitized (issue 20 item 1).</summary>
    public async Task<string> ReceiveDigitizedAsync(string procedureCode, string fullName, string idNumber, string phone)
    {
        await page.GotoAsync($"/Dossiers/Receive?procedure={procedureCode}");
        await page.GetByLabel("Họ và tên").FillAsync(fullName);
        await page.GetByLabel("Số định danh cá nhân (12 số)").FillAsync(idNumber);
        await page.GetByLabel("Số điện thoại").FillAsync(phone);
        var components = await page.GetByTestId("documents").Locator("[data-testid^='component-']").AllAsync();
        Assert.NotEmpty(components);
        for (var i = 0; i < components.Count; i++)
        {
            await components[i].GetByRole(AriaRole.Checkbox).First.CheckAsync();
            await components[i].GetByLabel("Tệp quét / ảnh chụp").SetInputFilesAsync(new FilePayload
            {
                Name = $"thanh-phan-{i + 1}.pdf",
                MimeType = "application/pdf",
                Buffer = MotCua.Testing.TestPdf.Bytes(),
            });
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

    /// <summary>Whether the page says every component has a file (digitized).</summary>
    public Task<string> DigitizedAsync() => page.GetByTestId("digitized").InnerTextAsync();

    /// <summary>Forwards to a unit, choosing the medium by its label: paper ("Hồ sơ giấy") or electronic (issue 20 item 2).</summary>
    public async Task ForwardAsync(string toUnitCode, bool paper)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Group, new() { Name = "Hình thức chuyển hồ sơ" }) });
        await form.GetByLabel("Chuyển đến đơn vị").SelectOptionAsync(toUnitCode);
        await form.GetByLabel(paper ? "Hồ sơ giấy" : "Điện tử (trên hệ thống)").CheckAsync();
        await form.Locator("button[type=submit], button:not([type])").Last.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
