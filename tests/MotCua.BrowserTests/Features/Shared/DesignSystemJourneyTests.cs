using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Shared;

/// <summary>Issue 21.1, measured in Chromium on a 360 px phone and a 1366 px desktop with an en-US browser locale.</summary>
public sealed class DesignSystemJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    // An English-speaking browser: a native date box would show 12/07/2026 for 7 December.
    private async Task<IPage> EnglishBrowserAsync(ViewportSize size)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "en-US", ViewportSize = size });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    private void Today() => browser.App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_receive_page_fits_both_widths_with_labels_above_and_finds_a_procedure_typed_without_diacritics()
    {
        Today();
        foreach (var size in new[] { Desktop, Phone })
        {
            var page = await EnglishBrowserAsync(size);
            await new LoginPage(page).SignInAsync("motcua.bacai");
            await page.GotoAsync("/Dossiers/Receive");
            await DesignChecks.AssertNoSideScrollAsync(page, $"Receive without a procedure at {size.Width} px");

            // Typed without diacritics, the combobox still finds the procedure; choosing it opens its form.
            var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Thủ tục" });
            // The long-named <select> is replaced, not shown beside the search box.
            await Assertions.Expect(page.Locator("#procedure-select")).ToBeHiddenAsync();
            await search.FillAsync("dang ky khai sinh");
            var option = page.GetByRole(AriaRole.Option, new() { Name = "1.001193 — Thủ tục đăng ký khai sinh", Exact = true });
            await Assertions.Expect(option).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "Thủ tục cấp bản sao từ sổ gốc" })).ToHaveCountAsync(0);
            await DesignChecks.AssertNoSideScrollAsync(page, $"Receive with the procedure list open at {size.Width} px");
            await search.FillAsync("đăng ký khai sinh lưu động");
            await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
            await search.FillAsync("khai sinh luu dong");
            await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
            await search.FillAsync("dang ky khai sinh");
            await option.ClickAsync();
            await page.WaitForURLAsync(new Regex("procedure=1\\.001193"));
            await Assertions.Expect(page.GetByTestId("receive-form")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Thủ tục" })).ToHaveValueAsync("1.001193 — Thủ tục đăng ký khai sinh");

            await DesignChecks.AssertNoSideScrollAsync(page, $"Receive form at {size.Width} px");
            await DesignChecks.AssertLabelsAboveAsync(page, "[data-testid=receive-form]", $"Receive form at {size.Width} px");
            await BrowserFixture.ScreenshotAsync(page, size == Phone ? "receive-phone" : "receive-desktop");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_date_picker_shows_and_takes_day_first_dates_in_an_english_browser_and_the_server_keeps_them()
    {
        Today();
        var page = await EnglishBrowserAsync(Desktop);
        await new LoginPage(page).SignInAsync("motcua.bacai");
        await page.GotoAsync("/Dossiers/Receive?procedure=1.001193");
        var birth = page.Locator("#applicant-BirthDate");
        Assert.Equal("text", await birth.GetAttributeAsync("type"));

        // 05/03/1990 is 5 March: the picker opens on March 1990, not May.
        await birth.FillAsync("05/03/1990");
        await page.GetByTestId("date-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("datepicker-month")).ToHaveTextAsync("03/1990");
        await page.GetByTestId("datepicker").GetByRole(AriaRole.Button, new() { Name = "20/03/1990", Exact = true }).ClickAsync();
        await Assertions.Expect(birth).ToHaveValueAsync("20/03/1990");
        await Assertions.Expect(page.GetByTestId("datepicker")).ToHaveCountAsync(0);

        // Keyboard: open, move a week on, choose.
        await page.GetByTestId("date-button").ClickAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(birth).ToHaveValueAsync("27/03/1990");

        // Posted with the rest missing: the form comes back with the date as typed, read day first by the server.
        await page.Locator("#applicant-FullName").FillAsync("Katơr Thị Mai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và cấp giấy hẹn" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#applicant-BirthDate")).ToHaveValueAsync("27/03/1990");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_citizen_submit_form_fits_both_widths_with_labels_above()
    {
        Today();
        foreach (var size in new[] { Phone, Desktop })
        {
            var page = await EnglishBrowserAsync(size);
            await new LoginPage(page).SignInAsync("congdan");
            await page.GotoAsync("/Portal/Submit?procedure=1.001193");
            await Assertions.Expect(page.GetByTestId("submit-form")).ToBeVisibleAsync();
            await DesignChecks.AssertNoSideScrollAsync(page, $"Submit form at {size.Width} px");
            await DesignChecks.AssertLabelsAboveAsync(page, "[data-testid=submit-form]", $"Submit form at {size.Width} px");

            // The error summary links to the fields and the fields repeat their message.
            await page.GetByTestId("submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
            await DesignChecks.AssertNoSideScrollAsync(page, $"Submit form with errors at {size.Width} px");
            await DesignChecks.AssertLabelsAboveAsync(page, "[data-testid=submit-form]", $"Submit form with errors at {size.Width} px");
            await BrowserFixture.ScreenshotAsync(page, size == Phone ? "portal-submit-phone" : "portal-submit-desktop");
            await page.Context.CloseAsync();
        }
    }
}
