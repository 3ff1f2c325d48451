using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Portal;

/// <summary>Issue 6, shown end to end by one citizen on a small phone (360×740).</summary>
public sealed class CitizenJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8];
    private static readonly ViewportSize SmallPhone = new() { Width = 360, Height = 740 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Citizen_signs_up_submits_pays_tracks_receives_the_result_reuses_a_stored_document_and_rates()
    {
        var citizen = await browser.NewPageAsync(SmallPhone);
        var portal = new PortalPages(citizen, browser.App);

        // Sign-up proven by the code the (fake) phone received.
        await portal.SignUpAsync("Mấu Thị Hoa", "058093004567", "0936004567", "Hoa@2025abc");
        await Assertions.Expect(citizen.GetByTestId("welcome")).ToBeVisibleAsync();

        // A failed submission keeps what was typed and the file already sent.
        await citizen.GotoAsync("/Portal/Submit?procedure=2.000815");
        await citizen.GetByLabel("Địa chỉ").FillAsync("Thôn Ma Hoa, xã Phước Bình");
        await citizen.Locator("#file_0").SetInputFilesAsync(new FilePayload { Name = "ban-chinh.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await citizen.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByLabel("Địa chỉ")).ToHaveValueAsync("Thôn Ma Hoa, xã Phước Bình");
        await Assertions.Expect(citizen.GetByTestId("uploaded")).ToContainTextAsync("ban-chinh.pdf");
        await BrowserFixture.ScreenshotAsync(citizen, "portal-kept-after-error-phone");
        var first = await portal.SubmitAsync("22783");
        await Assertions.Expect(citizen.GetByTestId("receipt-status")).ToHaveTextAsync("Chờ tiếp nhận");
        var trackingLink = await citizen.GetByTestId("tracking-link").GetAttributeAsync("href");
        await BrowserFixture.ScreenshotAsync(citizen, "portal-submitted-phone");

        // The desk accepts and asks for the fee; the citizen pays in the sandbox.
        var desk = await ClientFor("motcua.phuocbinh");
        await PostOkAsync(desk, $"/api/v1/dossiers/{first}/actions", new { action = "accept" });
        await PostOkAsync(desk, $"/api/v1/dossiers/{first}/actions", new { action = "request-fee", note = "Lệ phí chứng thực" });
        var fee = new FeePage(citizen);
        await fee.OpenAsync(first);
        await Assertions.Expect(citizen.GetByTestId("status")).ToHaveTextAsync("Chờ thanh toán");
        await BrowserFixture.ScreenshotAsync(citizen, "payment-phone");
        await fee.PayOnlineAsync();
        var gateway = new SandboxGatewayPage(citizen);
        Assert.Contains("2.000", await gateway.AmountAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(citizen, "sandbox-gateway-phone");
        await gateway.PayAsync();
        await Assertions.Expect(citizen.GetByTestId("payment-outcome")).ToContainTextAsync("Thanh toán thành công");
        await citizen.GetByTestId("back-to-dossier").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("status")).ToHaveTextAsync("Đã tiếp nhận");
        Assert.Single(await fee.ReceiptLinksAsync());

        // Anyone holding the receipt tracks it without an account: the receipt's link (also form 01's QR).
        var stranger = await browser.NewPageAsync(SmallPhone);
        await stranger.GotoAsync(trackingLink!);
        await Assertions.Expect(stranger.GetByTestId("tracking-status")).ToHaveTextAsync("Đã tiếp nhận");
        Assert.DoesNotContain("Mấu Thị Hoa", await stranger.GetByTestId("tracking-result").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(stranger, "portal-tracking-phone");
        await stranger.Context.CloseAsync();

        // Officers process it and record an electronic result; the citizen downloads the signed PDF.
        var specialist = await ClientFor("chuyenvien");
        await PostOkAsync(desk, $"/api/v1/dossiers/{first}/actions", new { action = "forward", toUnitCode = "584.TCKH" });
        await PostOkAsync(specialist, $"/api/v1/dossiers/{first}/actions", new { action = "submit-for-approval" });
        await PostOkAsync(await ClientFor("lanhdao"), $"/api/v1/dossiers/{first}/actions", new { action = "approve" });
        using (var resultForm = new MultipartFormDataContent { { new ByteArrayContent(MotCua.Testing.TestPdf.Bytes()), "file", "ket-qua.pdf" } })
        {
            var uploaded = await specialist.PostAsync("/api/v1/files", resultForm, TestContext.Current.CancellationToken);
            Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var resultFileId = (await uploaded.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("fileId").GetString();
            await PostOkAsync(specialist, $"/api/v1/dossiers/{first}/actions", new { action = "record-result", resultFileId });
        }
        var result = new ResultPage(citizen);
        await result.OpenAsync(first);
        await Assertions.Expect(citizen.GetByTestId("status")).ToHaveTextAsync("Có kết quả chưa nhận");
        var pdf = Encoding.Latin1.GetString(await result.DownloadAsync());
        Assert.StartsWith("%PDF-", pdf, StringComparison.Ordinal);
        Assert.Contains("/ByteRange", pdf, StringComparison.Ordinal);
        await result.OpenAsync(first);
        await Assertions.Expect(citizen.GetByTestId("status")).ToHaveTextAsync("Đã trả kết quả");
        await BrowserFixture.ScreenshotAsync(citizen, "result-phone");

        // A second dossier offers, and reuses, the document the desk accepted in the first.
        await citizen.GotoAsync("/Portal/Submit?procedure=2.000815");
        await Assertions.Expect(citizen.GetByTestId("offer").First.Locator("input")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(citizen, "portal-reuse-offer-phone");
        var second = await portal.SubmitAsync("22783");
        Assert.NotEqual(first, second);
        await Assertions.Expect(citizen.GetByTestId("reused")).ToBeVisibleAsync();

        // Finally the citizen rates the service received on the first dossier.
        await result.OpenAsync(first);
        await citizen.GetByTestId("rate-link").ClickAsync();
        var rating = new RatingPage(citizen);
        await rating.RateAsync(overall: 5, time: 5, attitude: 4, transparency: 5, contacts: 1);
        Assert.Contains("5/5", await rating.ThanksAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(citizen, "rating-phone");
    }

    private async Task<HttpClient> ClientFor(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = "MotCua@Demo2025" }, Ct);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task PostOkAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
