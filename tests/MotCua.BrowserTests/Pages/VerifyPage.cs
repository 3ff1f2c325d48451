using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>The public signature check, /Verify (issue 23.4).</summary>
public sealed class VerifyPage(IPage page)
{
    public ILocator File => page.GetByLabel("Tệp PDF cần kiểm tra");

    public ILocator Result => page.GetByTestId("verify-result");

    public ILocator Verdict => page.GetByTestId("verify-verdict");

    public ILocator Issued => page.GetByTestId("verify-issued");

    public ILocator Signatures => page.GetByTestId("verify-signature");

    public ILocator Error => page.GetByTestId("verify-error");

    public ILocator CodeMissing => page.GetByTestId("verify-code-missing");

    public async Task OpenAsync(string? code = null) =>
        await page.GotoAsync(code is null ? "/Verify" : $"/Verify?code={Uri.EscapeDataString(code)}");

    public async Task CheckAsync(string fileName, byte[] pdf)
    {
        await File.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra", Exact = true }).ClickAsync();
    }
}
