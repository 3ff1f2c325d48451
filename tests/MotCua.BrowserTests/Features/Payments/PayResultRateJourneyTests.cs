using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Payments;

public sealed class PayResultRateJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Citizen_pays_the_fee_in_the_sandbox_downloads_the_signed_result_and_rates_the_service()
    {
        var code = await DossierAwaitingFeeAsync();

        var citizen = await browser.NewPageAsync(phone: true);
        await new LoginPage(citizen).SignInAsync("congdan");
        var fee = new FeePage(citizen);
        await fee.OpenAsync(code);
        Assert.Equal("Chờ thanh toán", await fee.StatusAsync());
        await BrowserFixture.ScreenshotAsync(citizen, "payment-phone");
        await fee.PayOnlineAsync();
        var gateway = new SandboxGatewayPage(citizen);
        Assert.Contains("2.000", await gateway.AmountAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(citizen, "sandbox-gateway-phone");
        await gateway.PayAsync();
        Assert.Contains("Thanh toán thành công", await citizen.GetByTestId("payment-outcome").InnerTextAsync(), StringComparison.Ordinal);
        await citizen.GetByTestId("back-to-dossier").ClickAsync();
        Assert.Equal("Đã tiếp nhận", await fee.StatusAsync());
        Assert.Single(await fee.ReceiptLinksAsync());

        await ProcessToResultAsync(code);

        var result = new ResultPage(citizen);
        await result.OpenAsync(code);
        Assert.Equal("Có kết quả chưa nhận", await result.StatusAsync());
        var pdf = await result.DownloadAsync();
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("/ByteRange", text, StringComparison.Ordinal);
        Assert.Contains("/SubFilter", text, StringComparison.Ordinal);
        await result.OpenAsync(code);
        Assert.Equal("Đã trả kết quả", await result.StatusAsync());
        await BrowserFixture.ScreenshotAsync(citizen, "result-phone");

        await citizen.GetByTestId("rate-link").ClickAsync();
        await new RatingPage(citizen).RateAsync(overall: 5, time: 5, attitude: 4, transparency: 5, contacts: 1);
        Assert.Contains("5/5", await new RatingPage(citizen).ThanksAsync(), StringComparison.Ordinal);
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

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode} {json}");
        return json;
    }

    /// <summary>The citizen files online at Phước Bình; the desk accepts and asks for the fee.</summary>
    private async Task<string> DossierAwaitingFeeAsync()
    {
        var citizen = await ClientFor("congdan");
        var procedure = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/procedures/2.000815", Ct);
        var documents = procedure.GetProperty("documents").EnumerateArray().Select(d => new { name = d.GetProperty("name").GetString(), kind = "original", count = 1 }).ToArray();
        var created = await PostOkAsync(citizen, "/api/v1/dossiers", new
        {
            procedureCode = "2.000815",
            unitCode = "22783",
            channel = "online",
            applicant = new { fullName = "Chamaléa Thị Dân", idNumber = "058090001234", phone = "0912345678", address = "Thôn Ma Hoa, xã Phước Bình" },
            documents,
        });
        var code = created.GetProperty("code").GetString()!;
        var desk = await ClientFor("motcua.phuocbinh");
        await PostOkAsync(desk, $"/api/v1/dossiers/{code}/actions", new { action = "accept" });
        await PostOkAsync(desk, $"/api/v1/dossiers/{code}/actions", new { action = "request-fee", note = "Lệ phí chứng thực" });
        return code;
    }

    private async Task ProcessToResultAsync(string code)
    {
        var desk = await ClientFor("motcua.phuocbinh");
        var specialist = await ClientFor("chuyenvien");
        await PostOkAsync(desk, $"/api/v1/dossiers/{code}/actions", new { action = "forward", toUnitCode = "584.TCKH" });
        await PostOkAsync(specialist, $"/api/v1/dossiers/{code}/actions", new { action = "submit-for-approval" });
        await PostOkAsync(await ClientFor("lanhdao"), $"/api/v1/dossiers/{code}/actions", new { action = "approve" });
        await PostOkAsync(specialist, $"/api/v1/dossiers/{code}/actions", new { action = "record-result", resultFileId = "ket-qua-demo" });
    }
}
