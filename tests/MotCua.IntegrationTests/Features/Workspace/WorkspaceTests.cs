using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Workspace;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Workspace;

/// <summary>
/// Issue 21.2: "Việc của tôi", the officer's first page. Today's commune (Xã Bác Ái, 56.BACAI) on Monday 07/12/2026: each
/// officer sees the dossiers waiting for their role in their subtree, in the group of the next step, with counts that match.
/// </summary>
public sealed class WorkspaceTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Monday 07/12/2026, 09:00 local time.
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Bac_Ai_desk_sees_the_online_submission_to_accept_and_the_ready_result_to_return()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var before = await WorkspaceAsync(desk);

        var online = await SubmitOnlineAsync("56.BACAI");
        var ready = await ResultReadyAsync();

        var after = await WorkspaceAsync(desk);
        var toAccept = Group(after, "to-accept");
        Assert.Equal(Count(before, "to-accept") + 1, toAccept.GetProperty("count").GetInt32());
        Assert.Contains(online, Codes(toAccept));
        Assert.Equal("accept", toAccept.GetProperty("nextAction").GetString());
        var item = Items(toAccept).Single(i => i.GetProperty("code").GetString() == online);
        Assert.Equal("online", item.GetProperty("channel").GetString());
        Assert.Equal("Trong hạn", item.GetProperty("deadline").GetString()); // 8 working hours to acknowledge, from 09:00 today
        Assert.True(DateOnly.Parse(item.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= new DateOnly(2026, 12, 7));

        var toReturn = Group(after, "to-return");
        Assert.Equal(Count(before, "to-return") + 1, toReturn.GetProperty("count").GetInt32());
        Assert.Contains(ready, Codes(toReturn));
        Assert.Equal("return-result", toReturn.GetProperty("nextAction").GetString());
        var readyItem = Items(toReturn).Single(i => i.GetProperty("code").GetString() == ready);
        Assert.Equal("2026-12-09", readyItem.GetProperty("due").GetString()); // the appointment given at intake
        Assert.Equal("Còn hạn", readyItem.GetProperty("deadline").GetString());
        Assert.DoesNotContain(ready, Codes(Group(after, "to-accept")));

        // Neither is in a group of another step, and no specialist's or leader's group is the desk's.
        Assert.Single(Groups(after), g => Codes(g).Contains(online));
        Assert.Single(Groups(after), g => Codes(g).Contains(ready));
        Assert.DoesNotContain(Groups(after), g => g.GetProperty("key").GetString() is "to-process" or "to-approve");
        AssertCountsMatchRows(after);

        var page = await PageClient.SignedInAsync(app, "motcua.bacai");
        var html = await page.GetStringAsync("/Staff", Ct);
        Assert.Contains("<h1>Việc của tôi</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"group-to-accept\"", html, StringComparison.Ordinal);
        Assert.Contains($"/Dossiers/Details?code={online}", html, StringComparison.Ordinal);
        Assert.Contains($"/Dossiers/Details?code={ready}", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"scope-units\"", html, StringComparison.Ordinal); // the units in scope stay on the page
    }

    [Fact]
    public async Task A_specialist_sees_only_what_is_at_their_step_and_the_leader_what_waits_for_approval()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var atMyStep = await ReceivedCodeAsync(desk);
        await ActOkAsync(desk, atMyStep, new { action = "forward", toUnitCode = "56.BACAI" });
        var stillAtDesk = await ReceivedCodeAsync(desk);
        var elsewhere = await ReceivedCodeAsync(desk);
        await ActOkAsync(desk, elsewhere, new { action = "forward", toUnitCode = "56.BACAIDONG" }); // received here, processed in another commune

        var specialist = await app.ClientFor("chuyenvien.bacai");
        var mine = await WorkspaceAsync(specialist);
        var toProcess = Group(mine, "to-process");
        Assert.Contains(atMyStep, Codes(toProcess));
        Assert.Equal("submit-for-approval", toProcess.GetProperty("nextAction").GetString());
        Assert.DoesNotContain(Groups(mine), g => Codes(g).Contains(stillAtDesk));
        Assert.DoesNotContain(Groups(mine), g => Codes(g).Contains(elsewhere));
        Assert.DoesNotContain(Groups(mine), g => g.GetProperty("key").GetString() is "to-accept" or "to-route" or "to-return" or "to-approve");
        Assert.Empty(mine.GetProperty("queue").EnumerateArray());
        AssertCountsMatchRows(mine);
        Assert.Equal(await CountAsync("InProcess", current: "56.BACAI"), toProcess.GetProperty("count").GetInt32());

        // The desk has the dossier it has not forwarded yet; the one processed in another commune waits for nobody here.
        var deskView = await WorkspaceAsync(desk);
        Assert.Contains(stillAtDesk, Codes(Group(deskView, "to-route")));
        Assert.DoesNotContain(Groups(deskView), g => Codes(g).Contains(elsewhere));

        await ActOkAsync(specialist, atMyStep, new { action = "submit-for-approval" });
        var leader = await WorkspaceAsync(await app.ClientFor("lanhdao.bacai"));
        Assert.Contains(atMyStep, Codes(Group(leader, "to-approve")));
        Assert.Equal("approve", Group(leader, "to-approve").GetProperty("nextAction").GetString());
        Assert.DoesNotContain(Groups(await WorkspaceAsync(specialist)), g => Codes(g).Contains(atMyStep));
        AssertCountsMatchRows(leader);
    }

    [Fact]
    public async Task A_supplement_request_moves_the_dossier_to_the_paused_group_without_a_running_deadline()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var code = await ReceivedCodeAsync(desk);
        Assert.Contains(code, Codes(Group(await WorkspaceAsync(desk), "to-route")));

        await ActOkAsync(desk, code, new { action = "request-supplement", note = "Thiếu bản sao sổ hộ khẩu" });
        var view = await WorkspaceAsync(desk);
        var waiting = Group(view, "awaiting-supplement");
        Assert.Equal("receive-supplement", waiting.GetProperty("nextAction").GetString());
        var item = Items(waiting).Single(i => i.GetProperty("code").GetString() == code);
        Assert.True(item.GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("deadline").ValueKind);
        Assert.DoesNotContain(code, Codes(Group(view, "to-route")));
        Assert.Equal(await CountAsync("AwaitingSupplement", receiving: "56.BACAI"), waiting.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Nothing_from_another_communes_subtree_reaches_the_Bac_Ai_desk()
    {
        app.Clock.SetUtcNow(Today);
        await CreateDeskAsync("motcua.bacaidong", "56.BACAIDONG");
        var theirs = await SubmitOnlineAsync("56.BACAIDONG");
        var ours = await SubmitOnlineAsync("56.BACAI");

        var bacai = await WorkspaceAsync(await app.ClientFor("motcua.bacai"));
        Assert.DoesNotContain(Groups(bacai), g => Codes(g).Contains(theirs));
        Assert.Contains(ours, Codes(Group(bacai, "to-accept")));
        Assert.Equal(await CountAsync("AwaitingReception", receiving: "56.BACAI"), Count(bacai, "to-accept"));

        var dong = await WorkspaceAsync(await app.ClientFor("motcua.bacaidong"));
        Assert.Contains(theirs, Codes(Group(dong, "to-accept")));
        Assert.DoesNotContain(Groups(dong), g => Codes(g).Contains(ours));
        Assert.Equal(await CountAsync("AwaitingReception", receiving: "56.BACAIDONG"), Count(dong, "to-accept"));
    }

    [Fact]
    public async Task The_desk_sees_todays_queue_at_its_counters()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var counter = await Queue.QueueApi.CounterAsync(desk, "56.BACAI", "A");
        var before = Counter(await WorkspaceAsync(desk), counter);
        await Queue.QueueApi.IssueAsync(desk, new { counterId = counter });
        await Queue.QueueApi.IssueAsync(desk, new { counterId = counter });
        var called = await Queue.QueueApi.CallNextAsync(desk, counter);
        await Queue.QueueApi.ActAsync(desk, called.GetProperty("id").GetInt64(), "close");

        var after = Counter(await WorkspaceAsync(desk), counter);
        Assert.Equal(before.GetProperty("waiting").GetInt32() + 1, after.GetProperty("waiting").GetInt32());
        Assert.Equal(before.GetProperty("served").GetInt32() + 1, after.GetProperty("served").GetInt32());
        Assert.Equal($"/Queue/Desk?counter={counter}", after.GetProperty("deskUrl").GetString());

        var page = await PageClient.SignedInAsync(app, "motcua.bacai");
        var html = await page.GetStringAsync("/Staff", Ct);
        Assert.Contains("data-testid=\"queue-today\"", html, StringComparison.Ordinal);
        Assert.Contains($"/Queue/Desk?counter={counter}&amp;handler=Call", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reform_officer_finds_the_reform_section_the_menu_points_to_and_no_dossier_groups()
    {
        var reform = await WorkspaceAsync(await app.ClientFor("noivu"));
        Assert.Empty(reform.GetProperty("groups").EnumerateArray());
        Assert.Equal(JsonValueKind.Object, reform.GetProperty("reform").ValueKind);
        Assert.True(reform.GetProperty("reform").GetProperty("lateReportCount").GetInt32() >= reform.GetProperty("reform").GetProperty("lateReports").GetArrayLength());

        var html = await (await PageClient.SignedInAsync(app, "noivu")).GetStringAsync("/Staff", Ct);
        Assert.Contains("id=\"cai-cach\"", html, StringComparison.Ordinal);

        var admin = await WorkspaceAsync(await app.ClientFor("admin"));
        Assert.Empty(admin.GetProperty("groups").EnumerateArray()); // administrators administer, they decide no dossier
        Assert.Equal(JsonValueKind.Null, admin.GetProperty("reform").ValueKind);
    }

    [Fact]
    public async Task Citizens_and_anonymous_callers_get_no_workspace()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/workspace", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("congdan")).GetAsync("/api/v1/workspace", Ct)).StatusCode);
    }

    private static async Task<JsonElement> WorkspaceAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/workspace", Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static JsonElement[] Groups(JsonElement view) => [.. view.GetProperty("groups").EnumerateArray()];

    private static JsonElement Group(JsonElement view, string key) => Groups(view).Single(g => g.GetProperty("key").GetString() == key);

    private static int Count(JsonElement view, string key) => Group(view, key).GetProperty("count").GetInt32();

    private static JsonElement[] Items(JsonElement group) => [.. group.GetProperty("items").EnumerateArray()];

    private static string[] Codes(JsonElement group) => [.. Items(group).Select(i => i.GetProperty("code").GetString()!)];

    private static JsonElement Counter(JsonElement view, int id) => view.GetProperty("queue").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id);

    /// <summary>Each group lists its first rows; while a group has no more than that, its count is exactly its rows.</summary>
    private static void AssertCountsMatchRows(JsonElement view)
    {
        foreach (var g in Groups(view))
        {
            var count = g.GetProperty("count").GetInt32();
            Assert.Equal(Math.Min(count, ReadWorkspace.RowsPerGroup), Items(g).Length);
            Assert.Equal(Items(g).Length, Codes(g).Distinct().Count());
        }
    }

    /// <summary>The same count read independently from the table: dossiers in a status received in, or now at, a unit's subtree.</summary>
    private async Task<int> CountAsync(string status, string? receiving = null, string? current = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var path = await db.Units.Where(u => u.Code == (receiving ?? current)).Select(u => u.Path).SingleAsync(Ct);
        var wanted = Enum.Parse<MotCua.Domain.Dossiers.DossierStatus>(status);
        var rows = await db.Dossiers.Where(d => d.Status == wanted).Select(d => new { d.ReceivingUnitPath, d.CurrentUnitPath }).ToListAsync(Ct);
        return rows.Count(d => (receiving is null ? d.CurrentUnitPath : d.ReceivingUnitPath).StartsWith(path, StringComparison.Ordinal));
    }

    private async Task<string> SubmitOnlineAsync(string unit)
    {
        var response = await ReceiveAsync(await app.ClientFor("congdan"), unit, channel: "online");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal("AwaitingReception", body.GetProperty("status").GetString());
        return body.GetProperty("code").GetString()!;
    }

    private static async Task<string> ReceivedCodeAsync(HttpClient desk) => (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;

    /// <summary>Received at the Bác Ái desk, processed and approved in the commune, result recorded: ready to hand over.</summary>
    private async Task<string> ResultReadyAsync()
    {
        var desk = await app.ClientFor("motcua.bacai");
        var code = await ReceivedCodeAsync(desk);
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "56.BACAI" });
        var specialist = await app.ClientFor("chuyenvien.bacai");
        await ActOkAsync(specialist, code, new { action = "submit-for-approval" });
        await ActOkAsync(await app.ClientFor("lanhdao.bacai"), code, new { action = "approve" });
        var ready = await RecordResultAsync(specialist, code);
        Assert.Equal("ResultReady", ready.GetProperty("status").GetString());
        return code;
    }

    private async Task CreateDeskAsync(string userName, string unitCode)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode, Ct);
        var user = new AppUser { UserName = userName, FullName = "Katơr Thị Một Cửa", UnitId = unit.Id, EmailConfirmed = true };
        var created = await users.CreateAsync(user, AppFactory.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Desk);
    }
}
