using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;
using MotCua.Testing;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.BrowserTests.Features.Documents;

/// <summary>
/// Issue 23's journey in the browser at today's commune (Xã Bác Ái, 56.BACAI), at 1366 px and 360 px: the desk registers an
/// incoming document → the leader assigns it → the holder drafts a reply → the leader signs → the clerk numbers and issues it
/// → it is sent as edXML to Xã Bác Ái Tây, whose clerk finds it in the incoming register → the file received there,
/// uploaded to /Verify, shows two valid signatures and "issued by the system".
/// </summary>
public sealed class DraftJourneyTests(DraftJourneyTests.ExchangeFixture browser) : IClassFixture<DraftJourneyTests.ExchangeFixture>
{
    /// <summary>The demo's folder transport with one folder for both ways, so that one instance's units reach each other.</summary>
    public sealed class ExchangeFixture : BrowserFixture
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "motcua-tests", "edxml-browser-" + Guid.NewGuid().ToString("N")[..8]);

        protected override void Configure(AppFactory app)
        {
            app.Settings["Documents:Exchange:Transport"] = "Folder";
            app.Settings["Documents:Exchange:Outbox"] = _folder;
            app.Settings["Documents:Exchange:Inbox"] = _folder;
            app.Settings["Documents:Exchange:InboxEnabled"] = "false";
        }
    }

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
        var receivedFile = await SendAndReceiveAsync(viewport, draftUrl);
        Assert.Equal(issuedFile, receivedFile);
        await VerifyAsync(viewport, receivedFile);
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

    /// <summary>
    /// The clerk sends the issued document to Xã Bác Ái Tây on "Gửi liên thông"; the outbox writes the edXML package and the
    /// inbox reads it (run here rather than waited for); Bác Ái Tây's clerk finds it in the incoming register by its số và ký hiệu. Returns the
    /// PDF received there.
    /// </summary>
    private async Task<byte[]> SendAndReceiveAsync(ViewportSize viewport, string issuedUrl)
    {
        await UsersAtBacAiTayAsync();
        var clerk = await SignedInAsync(viewport, "motcua.bacai");
        await clerk.GotoAsync(issuedUrl);
        var notation = await new DocumentPages(clerk).Notation.InnerTextAsync();
        await clerk.GetByTestId("exchange-link").ClickAsync();
        await DesignChecks.AssertNoSideScrollAsync(clerk, $"/Documents/Exchange at {viewport.Width} px");
        await clerk.GetByRole(AriaRole.Checkbox, new() { Name = "56.BACAITAY" }).CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi liên thông" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("exchange-done")).ToBeVisibleAsync();

        var ct = TestContext.Current.CancellationToken;
        await browser.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(ct);
        Assert.True(await browser.App.Services.GetRequiredService<ExchangeInbox>().RunOnceAsync(ct) >= 1, "the package did not arrive");
        await clerk.ReloadAsync();
        await Assertions.Expect(clerk.GetByTestId("exchanges")).ToContainTextAsync("56.BACAITAY");
        await clerk.Context.CloseAsync();

        var receiver = await SignedInAsync(viewport, "vanthu.bacaitay");
        // The số và ký hiệu travels with the package: the received copy is found by it, not by its place in the list.
        await receiver.GotoAsync("/Documents?direction=incoming&q=" + Uri.EscapeDataString(notation));
        await receiver.GetByRole(AriaRole.Link, new() { Name = notation, Exact = true }).ClickAsync();
        await Assertions.Expect(receiver.GetByTestId("exchange-link")).ToBeVisibleAsync();
        await DesignChecks.AssertNoSideScrollAsync(receiver, $"the received document at {viewport.Width} px");
        var file = await new DocumentPages(receiver).MainFileAsync();
        await receiver.Context.CloseAsync();
        return file;
    }

    /// <summary>Xã Bác Ái Tây has no demo account: its clerk is created for the journey.</summary>
    private async Task UsersAtBacAiTayAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("vanthu.bacaitay") is not null)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unitId = await db.Units.Where(u => u.Code == "56.BACAITAY").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var clerk = new AppUser { UserName = "vanthu.bacaitay", FullName = "Văn thư Bác Ái Tây", UnitId = unitId };
        Assert.True((await users.CreateAsync(clerk, AppFactory.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(clerk, Roles.Desk);
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
