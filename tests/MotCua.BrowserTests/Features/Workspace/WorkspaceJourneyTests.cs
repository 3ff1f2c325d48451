using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Workspace;

/// <summary>Issue 21.2: the desk officer of today's commune signs in and lands on "Việc của tôi" with their work grouped.</summary>
public sealed class WorkspaceJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Monday 07/12/2026, 09:00 local time: the two-tier structure, Xã Bác Ái (56.BACAI).
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_Bac_Ai_desk_officer_lands_on_my_work_with_groups_at_1366_and_360_px()
    {
        browser.App.Clock.SetUtcNow(Today);
        var online = await SubmitOnlineAsync();
        var ready = await ResultReadyAsync();
        await TakeTicketAsync();

        var page = await browser.NewPageAsync(new ViewportSize { Width = 1366, Height = 900 });
        await new LoginPage(page).SignInAsync("motcua.bacai");
        Assert.EndsWith("/Staff", page.Url, StringComparison.Ordinal);
        var workspace = new WorkspacePage(page);
        Assert.Equal("Việc của tôi", await workspace.Heading.InnerTextAsync());
        Assert.True(await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Việc của tôi", Exact = true }).IsVisibleAsync());

        Assert.True(await workspace.CountAsync("to-accept") >= 1);
        Assert.Contains("Trong hạn", await workspace.Row("to-accept", online).InnerTextAsync());
        Assert.True(await workspace.CountAsync("to-return") >= 1);
        Assert.Equal(1, await workspace.Row("to-return", ready).CountAsync());
        Assert.Contains("1 đang chờ", await workspace.Queue.GetByTestId("counter-A").InnerTextAsync());
        Assert.True(await workspace.Queue.GetByTestId("counter-A").GetByRole(AriaRole.Button, new() { Name = "Gọi số tiếp theo" }).IsEnabledAsync());
        Assert.True(await workspace.FitsWidthAsync(), "the workspace scrolls sideways at 1366 px");
        await BrowserFixture.ScreenshotAsync(page, "workspace-desk-bacai");

        await page.SetViewportSizeAsync(360, 800);
        await page.ReloadAsync();
        Assert.True(await workspace.Row("to-accept", online).IsVisibleAsync());
        Assert.True(await workspace.FitsWidthAsync(), "the workspace scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(page, "workspace-desk-bacai-phone");

        await workspace.Row("to-accept", online).GetByRole(AriaRole.Link, new() { Name = online }).ClickAsync();
        await page.WaitForURLAsync("**/Dossiers/Details?code=*");
        Assert.Contains(online, page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private async Task<string> SubmitOnlineAsync()
    {
        var citizen = await browser.App.ClientFor("congdan");
        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", await IntakeAsync(citizen, "online"), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("code").GetString()!;
    }

    /// <summary>A citizen takes a number at counter A of the Bác Ái desk (the kiosk's call, made by the officer's client).</summary>
    private async Task TakeTicketAsync()
    {
        var desk = await browser.App.ClientFor("motcua.bacai");
        var counters = await desk.GetFromJsonAsync<JsonElement>("/api/v1/queue/counters?unit=56.BACAI", TestContext.Current.CancellationToken);
        var counter = counters.EnumerateArray().Single(c => c.GetProperty("letter").GetString() == "A").GetProperty("id").GetInt32();
        var response = await desk.PostAsJsonAsync("/api/v1/queue/tickets", new { counterId = counter }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<string> ResultReadyAsync()
    {
        var desk = await browser.App.ClientFor("motcua.bacai");
        var response = await desk.PostAsJsonAsync("/api/v1/dossiers", await IntakeAsync(desk, "direct"), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var code = body.GetProperty("code").GetString()!;
        var specialist = await browser.App.ClientFor("chuyenvien.bacai");
        await ActAsync(desk, code, new { action = "forward", toUnitCode = "56.BACAI" });
        await ActAsync(specialist, code, new { action = "submit-for-approval" });
        await ActAsync(await browser.App.ClientFor("lanhdao.bacai"), code, new { action = "approve" });
        using var resultForm = new MultipartFormDataContent { { new ByteArrayContent(MotCua.Testing.TestPdf.Bytes()), "file", "ket-qua.pdf" } };
        var uploaded = await specialist.PostAsync("/api/v1/files", resultForm, TestContext.Current.CancellationToken);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var resultFileId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("fileId").GetString();
        await ActAsync(specialist, code, new { action = "record-result", resultFileId });
        return code;
    }

    private static async Task ActAsync(HttpClient client, string code, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/actions", body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<object> IntakeAsync(HttpClient client, string channel)
    {
        var procedure = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/2.000815", TestContext.Current.CancellationToken);
        return new
        {
            procedureCode = "2.000815",
            unitCode = "56.BACAI",
            channel,
            applicant = new { fullName = "Pinăng Thị Hạnh", idNumber = "058090001234", phone = "0912345678", address = "Thôn Ma Oai, xã Bác Ái" },
            documents = procedure.GetProperty("documents").EnumerateArray().Select(d => new { name = d.GetProperty("name").GetString(), kind = "original", count = 1 }).ToArray(),
        };
    }
}
