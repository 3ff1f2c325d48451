using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Queue;

public sealed class QueueJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Booking_then_kiosk_ticket_then_call_then_intake_then_close_records_the_dossier_on_the_ticket()
    {
        // The test clock is 09:00 on Tuesday 03/06/2025: the citizen books a later slot the same day.
        var citizen = await browser.NewPageAsync(phone: true);
        var booking = await new BookingPage(citizen).BookAsync("584.MC", "2.000815", "2025-06-03", "Đàng Văn Hẹn", "0987000123");
        Assert.Equal(8, booking.Length);
        await BrowserFixture.ScreenshotAsync(citizen, "queue-booked-phone");

        var desk = await browser.NewPageAsync();
        await new LoginPage(desk).SignInAsync("motcua");
        var ticket = await new KioskPage(desk).CheckInAsync(booking);
        Assert.Equal("A-001", ticket);

        var counter = new CounterPage(desk);
        Assert.Equal(ticket, await counter.CallNextAsync());
        Assert.Contains(booking, await desk.GetByTestId("current-ticket").First.InnerTextAsync());

        var display = await browser.NewPageAsync();
        await display.GotoAsync("/Queue/Display?unit=584.MC");
        Assert.Equal(ticket, await display.GetByTestId("called-number").InnerTextAsync());
        Assert.Equal("5", await display.Locator("meta[http-equiv=refresh]").GetAttributeAsync("content"));
        await BrowserFixture.ScreenshotAsync(display, "queue-display");

        await counter.StartIntakeAsync();
        await desk.WaitForURLAsync("**/Dossiers/Receive?**");
        Assert.Equal("Đàng Văn Hẹn", await desk.GetByLabel("Họ và tên").InputValueAsync());
        await desk.GetByLabel("Số định danh cá nhân (12 số)").FillAsync("058190006789");
        foreach (var box in await desk.GetByTestId("documents").Locator("input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }

        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và cấp giấy hẹn" }).ClickAsync();
        await desk.WaitForURLAsync("**/Dossiers/Details?**");
        var code = await desk.GetByTestId("dossier-code").InnerTextAsync();

        await desk.GotoAsync("/Queue/Desk");
        Assert.Equal(code, await desk.GetByTestId("ticket-dossier").InnerTextAsync());
        await counter.CloseCurrentAsync();
        var row = await desk.GetByTestId("tickets").Locator("tbody tr").Filter(new() { HasText = ticket }).InnerTextAsync();
        Assert.Contains(code, row);
        Assert.Contains("Đã xong", row);
        await BrowserFixture.ScreenshotAsync(desk, "queue-counter");
    }
}
