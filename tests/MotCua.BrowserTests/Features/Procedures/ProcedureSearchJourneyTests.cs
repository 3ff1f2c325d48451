using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Procedures;

public sealed class ProcedureSearchJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_citizen_finds_birth_registration_from_the_home_page_without_diacritics_and_sees_its_documents()
    {
        var page = await browser.NewPageAsync(phone: true);
        var catalogue = new ProceduresPage(page);

        await catalogue.SearchFromHomeAsync("khai sinh");

        Assert.Contains("/Procedures?q=khai", page.Url, StringComparison.Ordinal);
        var names = await catalogue.ResultNamesAsync();
        Assert.Equal("Thủ tục đăng ký khai sinh", names[0]);
        Assert.All(names, n => Assert.Contains("khai sinh", n, StringComparison.OrdinalIgnoreCase));

        await catalogue.OpenAsync("Thủ tục đăng ký khai sinh");
        Assert.Equal("Thủ tục đăng ký khai sinh", await catalogue.TitleAsync());
        Assert.Contains("Tờ khai đăng ký khai sinh", await catalogue.DocumentsAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await catalogue.SubmitOnline.CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "procedure-details-phone");
        await page.Context.CloseAsync();
    }
}
