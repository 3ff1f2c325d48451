using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Issue 20 items 2 and 3: routing as it happened and identified applicants, recomputed from hand-built dossiers at today's commune.</summary>
public sealed class RoutingAndIdentityTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> IndicatorsAsync(string day)
    {
        var leader = await app.ClientFor("lanhdao.bacai");
        var json = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?unit=56.BACAI&from={day}&to={day}", Ct);
        return json.GetProperty("indicators");
    }

    private async Task ApproveAsync(string code)
    {
        await ActOkAsync(await app.ClientFor("chuyenvien.bacai"), code, new { action = "submit-for-approval" });
        await ActOkAsync(await app.ClientFor("lanhdao.bacai"), code, new { action = "approve" });
    }

    [Fact]
    public async Task Electronic_routing_counts_finished_dossiers_transferred_between_units_and_one_paper_transfer_makes_a_dossier_not_electronic()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var specialist = await app.ClientFor("chuyenvien.bacai");

        // A: to another commune on paper, back electronically: not electronic.
        var a = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        var forwarded = await ActOkAsync(desk, a, new { action = "forward", toUnitCode = "56.BACAIDONG", medium = "paper" });
        Assert.False(forwarded.GetProperty("routedElectronically").GetBoolean());
        await ActOkAsync(specialist, a, new { action = "forward", toUnitCode = "56.BACAI", medium = "electronic" });
        await ApproveAsync(a);

        // B: there and back, both electronic (the first without a medium: the default).
        var b = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, b, new { action = "forward", toUnitCode = "56.BACAIDONG" });
        await ActOkAsync(specialist, b, new { action = "forward", toUnitCode = "56.BACAI", medium = "electronic" });
        await ApproveAsync(b);

        // C: handed on paper inside the commune only: never transferred between units, outside the rate.
        var c = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, c, new { action = "forward", toUnitCode = "56.BACAI", medium = "paper" });
        await ApproveAsync(c);
        Assert.Equal(JsonValueKind.Null, (await GetAsync(desk, c)).GetProperty("routedElectronically").ValueKind);

        // D: transferred electronically, not decided yet: not in the finished population.
        var d = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, d, new { action = "forward", toUnitCode = "56.BACAIDONG", medium = "electronic" });

        var i = await IndicatorsAsync("2026-12-02");
        Assert.Equal(0.5, i.GetProperty("electronicRoutingRate").GetDouble());

        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{a}/history", Ct);
        Assert.Equal(["paper", "electronic"], history!.Where(e => e.GetProperty("action").GetString() == "forward").Select(e => e.GetProperty("medium").GetString()));
        Assert.False((await GetAsync(desk, a)).GetProperty("routedElectronically").GetBoolean());
        Assert.True((await GetAsync(desk, b)).GetProperty("routedElectronically").GetBoolean());

        // The rebuild from the dossiers gives the same figure (no default fills the gaps).
        using (var scope = app.Services.CreateScope())
        {
            await MotCua.Web.Features.Indicators.RebuildAggregates.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Ct);
        }

        Assert.Equal(0.5, (await IndicatorsAsync("2026-12-02")).GetProperty("electronicRoutingRate").GetDouble());

        var page = await PageClient.SignedInAsync(app, "motcua.bacai");
        var html = await page.GetStringAsync($"/Dossiers/Details?code={d}", Ct);
        Assert.DoesNotContain("data-testid=\"forward-medium\"", html, StringComparison.Ordinal); // already forwarded: no forward form
        var fresh = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        html = await page.GetStringAsync($"/Dossiers/Details?code={fresh}", Ct);
        Assert.Contains("data-testid=\"forward-medium\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"electronic\" checked", html, StringComparison.Ordinal);
        Assert.Contains("value=\"paper\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_medium_other_than_electronic_or_paper_or_on_another_action_is_a_400_in_vietnamese()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        foreach (var body in new object[]
        {
            new { action = "forward", toUnitCode = "56.BACAIDONG", medium = "fax" },
            new { action = "forward", toUnitCode = "56.BACAIDONG", medium = "giấy" },
            new { action = "request-supplement", note = "Thiếu bản sao", medium = "paper" },
        })
        {
            var response = await ActAsync(desk, code, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains("Hình thức chuyển", problem.GetProperty("errors").GetProperty("medium")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("Received", (await GetAsync(desk, code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Identified_rate_counts_vneid_accounts_and_desk_chip_checks_over_all_received()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var documents = AllDocuments(await ProcedureAsync(desk, Certification));
        object Body(bool? verified, string? idNumber = "058090001234") => new
        {
            procedureCode = Certification,
            unitCode = "56.BACAI",
            channel = "direct",
            identityVerified = verified,
            applicant = new { fullName = "Pinăng Thị Hoa", idNumber, taxCode = idNumber is null ? "4500123456" : null, phone = "0912345678" },
            documents,
        };

        var verifiedResponse = await desk.PostAsJsonAsync("/api/v1/dossiers", Body(true), Ct);
        Assert.Equal(HttpStatusCode.Created, verifiedResponse.StatusCode);
        var verified = (await verifiedResponse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;
        var plain = (await (await desk.PostAsJsonAsync("/api/v1/dossiers", Body(false), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

        // A citizen signed in through the identity provider files online; the desk accepts it the same day.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Users.Where(u => u.UserName == "congdan").ExecuteUpdateAsync(s => s.SetProperty(u => u.ElectronicallyIdentified, true), Ct);
        }

        var citizen = await app.ClientFor("congdan");
        var online = await citizen.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = Certification,
            unitCode = "56.BACAI",
            channel = "online",
            applicant = new { fullName = "Nguyễn Văn Công Dân", idNumber = "058090001234", phone = "0912345678" },
            documents,
        }, Ct);
        var onlineJson = await online.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(online.IsSuccessStatusCode, onlineJson.ToString());
        var eid = onlineJson.GetProperty("code").GetString()!;
        await ActOkAsync(desk, eid, new { action = "accept" });

        Assert.True((await GetAsync(desk, verified)).GetProperty("identified").GetBoolean());
        Assert.False((await GetAsync(desk, plain)).GetProperty("identified").GetBoolean());
        Assert.True((await GetAsync(desk, eid)).GetProperty("identified").GetBoolean());
        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{verified}/history", Ct);
        Assert.Equal(ReceiveDossier.IdentityVerifiedNote, history![0].GetProperty("note").GetString());

        var i = await IndicatorsAsync("2026-12-04");
        Assert.Equal(2.0 / 3, i.GetProperty("identifiedRate").GetDouble(), 9);

        // 400s: a citizen cannot declare a desk check; a check needs the personal ID it was made against.
        var selfDeclared = await citizen.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = Certification,
            unitCode = "56.BACAI",
            channel = "online",
            identityVerified = true,
            applicant = new { fullName = "Nguyễn Văn Công Dân", idNumber = "058090001234" },
            documents,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, selfDeclared.StatusCode);
        var withoutId = await desk.PostAsJsonAsync("/api/v1/dossiers", Body(true, idNumber: null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, withoutId.StatusCode);
        Assert.Contains("identityVerified", (await withoutId.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").ToString(), StringComparison.Ordinal);

        // The dashboard, the Excel report and the open-data CSV carry the new indicator.
        var leader = await app.ClientFor("lanhdao.bacai");
        var csv = await leader.GetStringAsync("/api/v1/open-data/indicators.csv?from=2026-12-01&to=2026-12-31", Ct);
        Assert.Contains("identifiedRate", csv.Split('\n')[0], StringComparison.Ordinal);
        var dashboard = await (await PageClient.SignedInAsync(app, "lanhdao.bacai")).GetStringAsync("/Indicators?unit=56.BACAI&from=2026-12-04&to=2026-12-04", Ct);
        Assert.Contains("data-indicator=\"identifiedRate\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("66", dashboard[dashboard.IndexOf("data-indicator=\"identifiedRate\"", StringComparison.Ordinal)..][..400], StringComparison.Ordinal);

        var receivePage = await (await PageClient.SignedInAsync(app, "motcua.bacai")).GetStringAsync($"/Dossiers/Receive?procedure={Certification}", Ct);
        Assert.Contains("data-testid=\"identity-verified\"", receivePage, StringComparison.Ordinal);
    }
}
