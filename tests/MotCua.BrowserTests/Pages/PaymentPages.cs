using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page objects for the citizen's fee, sandbox gateway, result and rating pages.</summary>
public sealed class FeePage(IPage page)
{
    public async Task OpenAsync(string code) => await page.GotoAsync($"/Payments?code={Uri.EscapeDataString(code)}");

    public Task<string> StatusAsync() => page.GetByTestId("status").InnerTextAsync();

    public async Task PayOnlineAsync()
    {
        await page.GetByTestId("pay").ClickAsync();
        await page.WaitForURLAsync("**/sandbox-gateway?**");
    }

    public Task<IReadOnlyList<string>> ReceiptLinksAsync() => page.GetByTestId("receipt").AllInnerTextsAsync();
}

public sealed class SandboxGatewayPage(IPage page)
{
    public Task<string> AmountAsync() => page.GetByTestId("amount").InnerTextAsync();

    public async Task PayAsync()
    {
        await page.GetByTestId("sandbox-pay").ClickAsync();
        await page.WaitForURLAsync("**/Payments/Return?**");
    }
}

public sealed class ResultPage(IPage page)
{
    public async Task OpenAsync(string code) => await page.GotoAsync($"/Results?code={Uri.EscapeDataString(code)}");

    public Task<string> StatusAsync() => page.GetByTestId("status").InnerTextAsync();

    /// <summary>Downloads the signed PDF and returns its bytes.</summary>
    public async Task<byte[]> DownloadAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-result").ClickAsync());
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }
}

public sealed class RatingPage(IPage page)
{
    public async Task RateAsync(int overall, int time, int attitude, int transparency, int contacts)
    {
        await page.GetByTestId($"overall-{overall}").CheckAsync();
        await page.GetByTestId($"time-{time}").CheckAsync();
        await page.GetByTestId($"attitude-{attitude}").CheckAsync();
        await page.GetByTestId($"transparency-{transparency}").CheckAsync();
        await page.GetByLabel("Số lần phải liên hệ, đi lại để giải quyết hồ sơ").FillAsync(contacts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("submit-rating").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public Task<string> ThanksAsync() => page.GetByTestId("rated").InnerTextAsync();
}
