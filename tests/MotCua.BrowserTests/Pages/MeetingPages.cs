using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>The meetings pages (issue 24): scheduling form and meeting page.</summary>
public sealed class MeetingPages(IPage page)
{
    public async Task ScheduleAsync(string title, string start, string minutes, string inviteUsers, string agenda, byte[] document)
    {
        await page.GotoAsync("/Meetings/Schedule");
        await page.Locator("#Title").FillAsync(title);
        await page.Locator("#Start").FillAsync(start);
        await page.Locator("#DurationMinutes").FillAsync(minutes);
        await page.Locator("#InviteUsers").FillAsync(inviteUsers);
        await page.Locator("#Agenda").FillAsync(agenda);
        await page.Locator("#Document").SetInputFilesAsync(new FilePayload { Name = "du-thao.pdf", MimeType = "application/pdf", Buffer = document });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lên lịch và gửi giấy mời" }).ClickAsync();
        await page.WaitForURLAsync("**/Meetings/Details?id=*");
    }

    public ILocator Heading => page.Locator("h1");

    public ILocator Message => page.GetByTestId("message");

    public ILocator Status => page.GetByTestId("status");

    public ILocator JoinLink => page.GetByTestId("join-link");
}
