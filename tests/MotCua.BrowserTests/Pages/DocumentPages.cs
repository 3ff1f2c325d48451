using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>The documents pages (issue 23): register an incoming document, its page (assign, reply, sign, return, issue), and the draft form.</summary>
public sealed class DocumentPages(IPage page)
{
    public ILocator Status => page.GetByTestId("status");

    public ILocator Notation => page.GetByTestId("notation");

    public ILocator History => page.GetByTestId("document-history");

    public ILocator ActionError => page.GetByTestId("action-error");

    /// <summary>/Documents/Register: the sender's header as printed; lands on the document's page.</summary>
    public async Task RegisterIncomingAsync(string notation, string issuedOn, string issuer, string subject, string signer)
    {
        await page.GotoAsync("/Documents/Register");
        await page.GetByLabel("Số và ký hiệu của văn bản").FillAsync(notation);
        await page.Locator("#issuedOn").FillAsync(issuedOn);
        await page.GetByLabel("Loại văn bản").SelectOptionAsync("CV");
        await page.GetByLabel("Cơ quan ban hành").FillAsync(issuer);
        await page.GetByLabel("Trích yếu").FillAsync(subject);
        await page.GetByLabel("Người ký").FillAsync(signer);
        await page.GetByTestId("register-form").Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Documents/Details?id=*");
    }

    /// <summary>The leader's direction on the document's page: the chủ trì (picked in the combobox) and a number of working days.</summary>
    public async Task AssignAsync(string leadUserName, int workingDays)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Người chủ trì" }).FillAsync(leadUserName);
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = leadUserName }).First.ClickAsync();
        await page.Locator("#workingDays").FillAsync(workingDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("assign-form").Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>From an incoming document's page: "Soạn văn bản trả lời", the draft written as text, sent to the leader.</summary>
    public async Task DraftReplyAsync(string signer, string text)
    {
        await page.GetByTestId("reply-link").ClickAsync();
        await page.WaitForURLAsync("**/Documents/Draft?repliesToId=*");
        await page.GetByLabel("Người ký").FillAsync(signer);
        await page.Locator("#text").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Trình lãnh đạo ký" }).ClickAsync();
        await page.WaitForURLAsync("**/Documents/Details?id=*");
    }

    public async Task SignAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Ký số", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task ReturnAsync(string note)
    {
        await page.GetByLabel("Lý do trả lại").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Trả lại người soạn" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task IssueAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Cấp số, phát hành" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>The document's main file (the issued PDF once issued), downloaded with the page's session.</summary>
    public async Task<byte[]> MainFileAsync()
    {
        var href = await page.Locator("main a[href^='/api/v1/files/']").First.GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        return await response.BodyAsync();
    }
}
