using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Documents;

/// <summary>
/// Issue 23's journey in the browser at today's commune (Xã Bác Ái, 56.BACAI), at 1366 px and 360 px: the desk registers an
/// incoming document → the leader assigns it → the holder drafts a reply → the leader signs → the clerk numbers and issues it
/// → the issued file, uploaded to /Verify, shows two valid signatures and "issued by the system". The edXML step (send →
/// received at another unit) goes between <see cref="IssueAsync"/> and <see cref="VerifyAsync"/>.
/// </summary>
public sealed class DraftJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(360, 800)]
    public async Task Register_assign_draft_a_reply_sign_issue_and_verify_the_issued_file(int width, int height)
    {
        browser.App.Clock.SetUtcNow(Today);
        var viewport = new ViewportSize { Width = width, Height = height };
        var incomingUrl = await RegisterAndAssignAsync(viewport, $"Về việc báo cáo tình hình chuyển đổi số ({width})");
        var draftUrl = await DraftReplyAsync(viewport, incomingUrl);
        await SignAsync(viewport, draftUrl);
        var issuedFile = await IssueAsync(viewport, draftUrl);

        // The edXML step goes here: send the issued document → received at another unit; verify then checks the file received.
        await VerifyAsync(viewport, issuedFile);
    }

    private async Task<IPage> SignedInAsync(ViewportSize viewport, string userName)
    {
        var page = await browser.NewPageAsync(viewport);
        await new LoginPage(page).SignInAsync(userName);
        return page;
    }

    /// <summary>The desk registers the incoming document; the leader assigns it to the specialist. Returns its page's URL.</summary>
    private async Task<string> RegisterAndAssignAsync(ViewportSize viewport, string subject)
    {
        var desk = await SignedInAsync(viewport, "motcua.bacai");
        await new DocumentPages(desk).RegisterIncomingAsync("412/UBND-KGVX", "2026-12-04", "Ủy ban nhân dân tỉnh Khánh Hòa", subject, "Nguyễn Văn Ký");
        var url = desk.Url;
        await desk.Context.CloseAsync();

        var leader = await SignedInAsync(viewport, "lanhdao.bacai");
        await leader.GotoAsync(url);
        var pages = new DocumentPages(leader);
        await pages.AssignAsync("chuyenvien.bacai", 5);
        Assert.Equal("Đang xử lý", await pages.Status.InnerTextAsync());
        await leader.Context.CloseAsync();
        return url;
    }

    /// <summary>The holder writes the reply on the draft page; it waits for the leader's signature, without a number.</summary>
    private async Task<string> DraftReplyAsync(ViewportSize viewport, string incomingUrl)
    {
        var holder = await SignedInAsync(viewport, "chuyenvien.bacai");
        await holder.GotoAsync(incomingUrl);
        var pages = new DocumentPages(holder);
        await pages.DraftReplyAsync("Chủ tịch UBND xã", "Ủy ban nhân dân xã Bác Ái báo cáo tình hình chuyển đổi số như sau:\nĐã số hóa 100 % hồ sơ một cửa.");
        Assert.Equal("Dự thảo, chờ lãnh đạo ký", await pages.Status.InnerTextAsync());
        Assert.Equal("(chưa cấp số)", await pages.Notation.InnerTextAsync());
        await DesignChecks.AssertNoSideScrollAsync(holder, $"a draft's page at {viewport.Width} px");
        await BrowserFixture.ScreenshotAsync(holder, $"document-draft-{viewport.Width}");
        var url = holder.Url;
        await holder.GotoAsync("/Documents/Draft");
        await DesignChecks.AssertNoSideScrollAsync(holder, $"/Documents/Draft at {viewport.Width} px");
        await holder.Context.CloseAsync();
        return url;
    }

    private async Task SignAsync(ViewportSize viewport, string draftUrl)
    {
        var leader = await SignedInAsync(viewport, "lanhdao.bacai");
        await leader.GotoAsync(draftUrl);
        await DesignChecks.AssertNoSideScrollAsync(leader, $"the draft with the leader's actions at {viewport.Width} px");
        var pages = new DocumentPages(leader);
        await pages.SignAsync();
        Assert.Equal("Lãnh đạo đã ký, chờ phát hành", await pages.Status.InnerTextAsync());
        await leader.Context.CloseAsync();
    }

    /// <summary>The clerk numbers and issues the signed draft; returns the issued PDF.</summary>
    private async Task<byte[]> IssueAsync(ViewportSize viewport, string draftUrl)
    {
        var clerk = await SignedInAsync(viewport, "motcua.bacai");
        await clerk.GotoAsync(draftUrl);
        var pages = new DocumentPages(clerk);
        await pages.IssueAsync();
        Assert.Equal("Đã ban hành", await pages.Status.InnerTextAsync());
        Assert.Matches(@"^\d{2,}/UBND$", await pages.Notation.InnerTextAsync());
        await Assertions.Expect(clerk.GetByTestId("verify-qr")).ToBeVisibleAsync();
        await DesignChecks.AssertNoSideScrollAsync(clerk, $"the issued document at {viewport.Width} px");
        await BrowserFixture.ScreenshotAsync(clerk, $"document-issued-{viewport.Width}");
        var file = await pages.MainFileAsync();
        await clerk.Context.CloseAsync();
        return file;
    }

    /// <summary>Anyone uploads the file to /Verify: two intact signatures, and the system recognises the document it issued.</summary>
    private async Task VerifyAsync(ViewportSize viewport, byte[] file)
    {
        var page = await browser.NewPageAsync(viewport);
        var verify = new VerifyPage(page);
        await verify.OpenAsync();
        await verify.CheckAsync("van-ban-tra-loi.pdf", file);
        await Assertions.Expect(verify.Signatures).ToHaveCountAsync(2);
        await Assertions.Expect(verify.Verdict).ToContainTextAsync("Chữ ký số hợp lệ");
        await Assertions.Expect(verify.Issued).ToContainTextAsync("văn bản do hệ thống phát hành");
        await Assertions.Expect(verify.Issued).ToContainTextAsync("Xã Bác Ái");
        await DesignChecks.AssertNoSideScrollAsync(page, $"/Verify of the issued document at {viewport.Width} px");
        await page.Context.CloseAsync();
    }
}
