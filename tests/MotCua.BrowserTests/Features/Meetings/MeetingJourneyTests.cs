using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Meetings;

/// <summary>
/// Issue 24, in the browser at today's commune (Xã Bác Ái): the leader schedules a meeting with a document, the specialist
/// finds the invitation in "Việc của tôi" and accepts, their personal link sends them into the Jitsi room in the window,
/// the leader writes and signs the minutes, and the dashboard counts the meeting as online — at 1366 px and 360 px.
/// </summary>
public sealed class MeetingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Schedule_invite_respond_join_minutes_and_counted_at_1366_and_360_px()
    {
        browser.App.Clock.SetUtcNow(Local(7, 9));
        var leader = await browser.NewPageAsync(new ViewportSize { Width = 1366, Height = 900 });
        await new LoginPage(leader).SignInAsync("lanhdao.bacai");
        var pages = new MeetingPages(leader);
        await DesignChecks.AssertNoSideScrollAsync(leader, "the workspace");
        await pages.ScheduleAsync("Họp triển khai chuyển đổi số", "2026-12-08T08:00", "60", "chuyenvien.bacai", "Kế hoạch chuyển đổi số 2027", MotCua.Testing.TestPdf.Bytes("Dự thảo"));
        Assert.Equal("Họp triển khai chuyển đổi số", await pages.Heading.InnerTextAsync());
        Assert.Contains("Pinăng Văn Xử", await leader.GetByTestId("invitees").InnerTextAsync());
        Assert.Contains("du-thao.pdf", await leader.GetByTestId("agenda").InnerTextAsync());
        var meetingUrl = leader.Url;
        await DesignChecks.AssertNoSideScrollAsync(leader, "the meeting page at 1366 px");
        await BrowserFixture.ScreenshotAsync(leader, "meeting-scheduled");

        // The invitee, on a phone: the invitation waits in "Việc của tôi"; they accept.
        var specialist = await browser.NewPageAsync(new ViewportSize { Width = 360, Height = 800 });
        await new LoginPage(specialist).SignInAsync("chuyenvien.bacai");
        var mine = specialist.GetByTestId("my-meetings");
        Assert.Contains("Họp triển khai chuyển đổi số", await mine.InnerTextAsync());
        await DesignChecks.AssertNoSideScrollAsync(specialist, "the workspace with meetings at 360 px");
        await mine.GetByRole(AriaRole.Link, new() { Name = "Họp triển khai chuyển đổi số" }).ClickAsync();
        await specialist.WaitForURLAsync("**/Meetings/Details?id=*");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Tham dự", Exact = true }).ClickAsync();
        Assert.Equal("Đã xác nhận tham dự.", await new MeetingPages(specialist).Message.InnerTextAsync());
        await DesignChecks.AssertNoSideScrollAsync(specialist, "the meeting page at 360 px");
        await BrowserFixture.ScreenshotAsync(specialist, "meeting-invitation-phone");

        // The personal link: refused before the window, a signed Jitsi entry inside it (the room itself is not run here).
        var join = await new MeetingPages(specialist).JoinLink.GetAttributeAsync("href");
        Assert.NotNull(join);
        var early = await specialist.APIRequest.GetAsync(join!, new() { MaxRedirects = 0 });
        Assert.Equal(409, early.Status);
        browser.App.Clock.SetUtcNow(Local(8, 7, 50));
        var entry = await specialist.APIRequest.GetAsync(join!, new() { MaxRedirects = 0 });
        Assert.Equal(302, entry.Status);
        Assert.StartsWith("https://meet.motcua.local/motcua-", entry.Headers["location"], StringComparison.Ordinal);
        Assert.Contains("?jwt=", entry.Headers["location"], StringComparison.Ordinal);

        // After the meeting the leader writes the minutes with one conclusion; they are signed and the meeting counts as online.
        browser.App.Clock.SetUtcNow(Local(8, 9, 30));
        await leader.Context.CloseAsync();
        leader = await browser.NewPageAsync(new ViewportSize { Width = 1366, Height = 900 });
        await new LoginPage(leader).SignInAsync("lanhdao.bacai");
        await leader.GotoAsync(meetingUrl);
        Assert.Contains("Tham dự trực tuyến", await leader.GetByTestId("invitees").InnerTextAsync());
        await leader.Locator("#text").FillAsync("Thống nhất kế hoạch chuyển đổi số năm 2027.");
        await leader.Locator("#tasks").FillAsync("Hoàn thiện dự thảo kế hoạch | chuyenvien.bacai | 2026-12-15");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ghi và ký số biên bản" }).ClickAsync();
        pages = new MeetingPages(leader);
        Assert.Equal("Đã ghi và ký số biên bản.", await pages.Message.InnerTextAsync());
        Assert.Contains("tính là họp trực tuyến", await pages.Status.InnerTextAsync());
        Assert.True(await leader.GetByRole(AriaRole.Link, new() { Name = "Biên bản đã ký số (PDF)" }).IsVisibleAsync());
        Assert.Contains("Hoàn thiện dự thảo kế hoạch", await leader.GetByTestId("tasks").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(leader, "meeting-minutes");

        // Counted on the dashboard, beside the plan's 95 % target.
        var dashboard = new IndicatorsPage(leader);
        await dashboard.OpenAsync("56.BACAI", "2026-12-08", "2026-12-08");
        Assert.Equal("100,00 %", await dashboard.IndicatorAsync("meetingsOnlineRate"));
        await DesignChecks.AssertNoSideScrollAsync(leader, "the dashboard at 1366 px");
        await leader.SetViewportSizeAsync(360, 800);
        await leader.GotoAsync(meetingUrl);
        await DesignChecks.AssertNoSideScrollAsync(leader, "the held meeting page at 360 px");
        await leader.GotoAsync("/Meetings/Week?unit=56.BACAI&date=2026-12-08");
        Assert.Contains("Họp triển khai chuyển đổi số", await leader.GetByTestId("week").InnerTextAsync());
        await DesignChecks.AssertNoSideScrollAsync(leader, "the weekly schedule at 360 px");
        await leader.Context.CloseAsync();
        await specialist.Context.CloseAsync();
    }
}
