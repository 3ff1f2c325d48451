using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;
using MotCua.Web.Features.Signing;
using PdfSharp.Pdf;

namespace MotCua.BrowserTests.Features.Signing;

/// <summary>Issue 23.4: anyone uploads a signed PDF at /Verify and reads, in Vietnamese, who signed and whether it is intact, on a phone and a desktop.</summary>
public sealed class VerifyPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<byte[]> SignedPdfAsync()
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var output = new MemoryStream();
        await document.SaveAsync(output, false);
        return await browser.App.Services.GetRequiredService<PdfSigner>().SignPdfAsync(output.ToArray(), new SignOptions("Phát hành văn bản", "Xã Bác Ái"), Ct);
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1366, 768)]
    public async Task A_signed_pdf_uploaded_shows_its_signer_integrity_and_coverage_without_sideways_scroll(int width, int height)
    {
        var pdf = await SignedPdfAsync();
        var page = await browser.NewPageAsync(new ViewportSize { Width = width, Height = height });
        var verify = new VerifyPage(page);
        await verify.OpenAsync();
        await DesignChecks.AssertNoSideScrollAsync(page, $"/Verify at {width}");

        await verify.CheckAsync("van-ban-da-ky.pdf", pdf);

        await Assertions.Expect(verify.Result).ToBeVisibleAsync();
        await Assertions.Expect(verify.Signatures).ToHaveCountAsync(1);
        await Assertions.Expect(verify.Signatures.First).ToContainTextAsync("Không bị sửa đổi");
        await Assertions.Expect(verify.Signatures.First).ToContainTextAsync("Toàn bộ tệp");
        await Assertions.Expect(verify.Signatures.First).ToContainTextAsync("Bác Ái");
        // Signed by the demo certificate but not issued as a result: intact, yet not trusted and not the system's file.
        await Assertions.Expect(verify.Verdict).ToContainTextAsync("Cần lưu ý");
        await Assertions.Expect(verify.Issued).ToContainTextAsync("không khớp với tệp nào hệ thống đã cấp");
        await DesignChecks.AssertNoSideScrollAsync(page, $"/Verify with a report at {width}");
        await BrowserFixture.ScreenshotAsync(page, $"verify-{width}");

        // A file that is not a PDF: the error summary, in Vietnamese, and the form again.
        await verify.CheckAsync("anh.pdf", "không phải PDF"u8.ToArray());
        await Assertions.Expect(verify.Error).ToContainTextAsync("không phải là PDF");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_QR_link_with_an_unknown_code_says_so_and_still_offers_the_upload()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        var verify = new VerifyPage(page);

        await verify.OpenAsync("KQ-KHONG-TON-TAI");

        await Assertions.Expect(verify.CodeMissing).ToContainTextAsync("KQ-KHONG-TON-TAI");
        await Assertions.Expect(verify.File).ToBeVisibleAsync();
        await DesignChecks.AssertNoSideScrollAsync(page, "/Verify?code at 360");
        await page.Context.CloseAsync();
    }
}
