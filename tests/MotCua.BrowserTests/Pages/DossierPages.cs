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

    /// <summary>The card with the next legal step (issue 21.3).</summary>
    public ILocator NextStep => page.GetByTestId("next-step");

    /// <summary>The one primary button of the page, in the next-step card.</summary>
    public ILocator PrimaryButton => NextStep.Locator("button.primary");

    /// <summary>The "Thao tác khác" disclosure holding the other allowed actions.</summary>
    public ILocator MoreActions => page.GetByTestId("more-actions");

    /// <summary>The submit button of an action, wherever it is (the next-step card or the disclosure).</summary>
    public ILocator Button(string action) => page.Locator($"button[data-action='{action}']");

    /// <summary>Opens "Thao tác khác" when it is closed.</summary>
    public async Task OpenMoreActionsAsync()
    {
        if (await MoreActions.CountAsync() > 0 && await MoreActions.GetAttributeAsync("open") is null)
        {
            await MoreActions.Locator("summary").ClickAsync();
        }
    }

    /// <summary>Fills the action's form (the select or date first when given) and submits it; secondary actions are opened first.</summary>
    public async Task ActAsync(string action, string? note = null, string? toUnitCode = null, string? resultFileName = null, string? reasonCode = null)
    {
        var form = page.Locator("form.action").Filter(new() { Has = Button(action) });
        if (!await form.IsVisibleAsync())
        {
            await OpenMoreActionsAsync();
        }

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

    /// <summary>True when the element at the centre of the locator's box is the element itself (or inside it): nothing covers it.</summary>
    public static async Task<bool> IsUncoveredAsync(ILocator locator)
    {
        await locator.ScrollIntoViewIfNeededAsync();
        return await locator.EvaluateAsync<bool>(
            "el => { const r = el.getBoundingClientRect(); const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return hit !== null && (hit === el || el.contains(hit)); }");
    }

    /// <summary>No sideways scroll: the document is no wider than the viewport.</summary>
    public Task<bool> FitsWidthAsync() => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>Whether the page says every component has a file (digitized).</summary>
    public Task<string> DigitizedAsync() => page.GetByTestId("digitized").InnerTextAsync();

    /// <summary>Forwards to a unit, choosing the medium by its label: paper ("Hồ sơ giấy") or electronic (issue 20 item 2).</summary>
    public async Task ForwardAsync(string toUnitCode, bool paper)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Group, new() { Name = "Hình thức chuyển hồ sơ" }) });
        if (!await form.IsVisibleAsync())
        {
            await OpenMoreActionsAsync();
        }

        await form.GetByLabel("Chuyển đến đơn vị").SelectOptionAsync(toUnitCode);
        await form.GetByLabel(paper ? "Hồ sơ giấy" : "Điện tử (trên hệ thống)").CheckAsync();
        await form.Locator("button[type=submit], button:not([type])").Last.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
