using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>Page objects for the booking page, the ticket kiosk, the officer's counter page and the hall display.</summary>
public sealed class BookingPage(IPage page)
{
    public async Task<string> BookAsync(string unitCode, string procedureCode, string date, string fullName, string phone)
    {
        await page.GotoAsync("/Queue/Book");
        await page.GetByLabel("Bộ phận một cửa").SelectOptionAsync(unitCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem giờ còn chỗ" }).ClickAsync();
        // The procedure list is the combobox (docs/design.md): type the code, pick the option.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Thủ tục" }).FillAsync(procedureCode);
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = procedureCode }).First.ClickAsync();
        await page.GetByLabel("Ngày đến").SelectOptionAsync(date);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem giờ còn chỗ" }).ClickAsync();
        await page.GetByTestId("booking-form").Locator("input[type=radio]:not([disabled])").First.CheckAsync();
        await page.GetByLabel("Họ và tên").FillAsync(fullName);
        await page.GetByLabel("Số điện thoại (để nhận tin nhắc lịch)").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt lịch", Exact = true }).ClickAsync();
        return await page.GetByTestId("booking-code").InnerTextAsync();
    }
}

public sealed class KioskPage(IPage page)
{
    public async Task<string> CheckInAsync(string bookingCode)
    {
        await page.GotoAsync("/Queue/Kiosk");
        await page.GetByLabel("Mã đặt lịch", new() { Exact = true }).FillAsync(bookingCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lấy số theo lịch hẹn" }).ClickAsync();
        return await page.GetByTestId("ticket-number").InnerTextAsync();
    }
}

public sealed class CounterPage(IPage page)
{
    public async Task<string> CallNextAsync()
    {
        await page.GotoAsync("/Queue/Desk");
        await page.GetByTestId("call-next").ClickAsync();
        return await page.GetByTestId("current-number").First.InnerTextAsync();
    }

    public Task StartIntakeAsync() => page.GetByTestId("start-intake").First.ClickAsync();

    public async Task CloseCurrentAsync()
    {
        await page.GotoAsync("/Queue/Desk");
        await page.GetByTestId("close").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
