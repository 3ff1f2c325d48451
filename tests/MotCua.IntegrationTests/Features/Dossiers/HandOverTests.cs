using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Issue 20 item 5: the open dossiers of a commune that ended on 30/06/2025 are handed over to its successor.</summary>
public sealed class HandOverTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset BeforeEnd = new(2025, 6, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterEnd = new(2025, 7, 2, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HandOverDossiers.Outcome> HandOverAsync(string from, string? to = null, ClaimsPrincipal? user = null)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HandOverDossiers>().HandleAsync(from, to, user, Ct);
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<JsonElement[]> HistoryAsync(HttpClient client, string code) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}/history", Ct)).EnumerateArray()];

    [Fact]
    public async Task Open_dossiers_move_to_the_successor_with_one_event_each_old_events_and_deadlines_unchanged_and_a_rerun_changes_nothing()
    {
        _ = app.Services;
        app.Clock.SetUtcNow(BeforeEnd);
        var phuocBinh = await app.ClientFor("motcua.phuocbinh");
        var open1 = (await ReceivedAsync(phuocBinh, "22783")).GetProperty("code").GetString()!;
        var open2 = (await ReceivedAsync(phuocBinh, "22783")).GetProperty("code").GetString()!;
        var withdrawn = (await ReceivedAsync(phuocBinh, "22783")).GetProperty("code").GetString()!;
        await DbAsync(async db => await db.Dossiers.Where(d => d.Code == withdrawn).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, MotCua.Domain.Dossiers.DossierStatus.Withdrawn), Ct));
        var elsewhere = (await ReceivedAsync(await app.ClientFor("motcua.phuoctien"), "22792")).GetProperty("code").GetString()!;

        // Before the unit ends nothing is handed over.
        var early = Assert.IsType<HandOverDossiers.Invalid>(await HandOverAsync("22783"));
        Assert.Equal("from", early.Field);

        app.Clock.SetUtcNow(AfterEnd);
        var admin = await app.ClientFor("admin");
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{open1}", Ct);
        var historyBefore = await HistoryAsync(admin, open1);

        var done = Assert.IsType<HandOverDossiers.HandedOver>(await HandOverAsync("22783"));
        Assert.Equal(("22783", "56.BACAITAY", 2), (done.FromCode, done.ToCode, done.Count));

        foreach (var code in new[] { open1, open2 })
        {
            var d = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}", Ct);
            Assert.Equal("56.BACAITAY", d.GetProperty("currentUnitCode").GetString());
            Assert.Equal("22783", d.GetProperty("receivingUnitCode").GetString());
            var last = (await HistoryAsync(admin, code))[^1];
            Assert.Equal("hand-over", last.GetProperty("action").GetString());
            Assert.Equal("22783", last.GetProperty("unitCode").GetString());
            Assert.Equal("56.BACAITAY", last.GetProperty("toUnitCode").GetString());
            Assert.Equal(last.GetProperty("stateBefore").GetString(), last.GetProperty("stateAfter").GetString());
            Assert.Contains("30/06/2025", last.GetProperty("note").GetString(), StringComparison.Ordinal);
        }

        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{open1}", Ct);
        foreach (var field in new[] { "legalDueDate", "appointmentDate", "status", "receivedOn" })
        {
            Assert.Equal(before.GetProperty(field).ToString(), after.GetProperty(field).ToString());
        }

        // Nothing rewritten: the earlier events are the same rows with the old unit, and one event was appended.
        var historyAfter = await HistoryAsync(admin, open1);
        Assert.Equal(historyBefore.Length + 1, historyAfter.Length);
        for (var i = 0; i < historyBefore.Length; i++)
        {
            Assert.Equal(historyBefore[i].GetRawText(), historyAfter[i].GetRawText());
        }

        // Scoping: a closed dossier and another commune's dossier stay where they were.
        Assert.Equal("22783", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{withdrawn}", Ct)).GetProperty("currentUnitCode").GetString());
        Assert.Equal("22792", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{elsewhere}", Ct)).GetProperty("currentUnitCode").GetString());

        // Idempotent: a second run finds nothing and appends nothing.
        var eventsBefore = await DbAsync(db => db.DossierEvents.CountAsync(Ct));
        Assert.Equal(0, Assert.IsType<HandOverDossiers.HandedOver>(await HandOverAsync("22783")).Count);
        Assert.Equal(eventsBefore, await DbAsync(db => db.DossierEvents.CountAsync(Ct)));

        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/history/verify", Ct);
        Assert.Empty(verify.GetProperty("broken").EnumerateArray());
    }

    [Fact]
    public async Task Only_an_administrator_hands_over_and_the_page_does_it_for_a_unit_without_a_successor()
    {
        _ = app.Services;
        app.Clock.SetUtcNow(BeforeEnd);
        var code = (await ReceivedAsync(await app.ClientFor("motcua"), "584.MC")).GetProperty("code").GetString()!;
        app.Clock.SetUtcNow(AfterEnd);

        var leader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Leader), new Claim(AppClaims.UnitPath, "58/584/")], "test"));
        Assert.IsType<HandOverDossiers.Forbidden>(await HandOverAsync("584.MC", "56.BACAI", leader));
        // The district desk names no successor: the receiver must be chosen.
        Assert.Equal("to", Assert.IsType<HandOverDossiers.Invalid>(await HandOverAsync("584.MC")).Field);
        // An ended unit cannot receive.
        Assert.Equal("to", Assert.IsType<HandOverDossiers.Invalid>(await HandOverAsync("584.MC", "22792")).Field);

        var page = await PageClient.SignedInAsync(app, "admin");
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/Dossiers/Admin/HandOver", Ct));
        Assert.Contains("data-code=\"584.MC\"", html, StringComparison.Ordinal);
        var posted = await page.PostAsync("/Dossiers/Admin/HandOver", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["from"] = "584.MC",
            ["to"] = "56.BACAI",
            ["__RequestVerificationToken"] = await PageClient.TokenAsync(page, "/Dossiers/Admin/HandOver"),
        }), Ct);
        var answer = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-testid=\"handed-over\"", answer, StringComparison.Ordinal);

        var admin = await app.ClientFor("admin");
        Assert.Equal("56.BACAI", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}", Ct)).GetProperty("currentUnitCode").GetString());
        // Today's commune desk now acts on it: forwarding inside the commune is allowed.
        app.Clock.SetUtcNow(AfterEnd.AddHours(1));
        await ActOkAsync(await app.ClientFor("motcua.bacai"), code, new { action = "forward", toUnitCode = "56.BACAI" });
    }
}
