using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.CitizenData;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.CitizenData;

/// <summary>
/// The population-database check at the desk and at sign-up: the fake's every behaviour (match, mismatch, not found, a
/// service that never answers in time, one that fails), the consent asked first and recorded, and the HTTP adapter.
/// </summary>
public sealed class CitizenCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AppFactory App(string provider = "Fake")
    {
        var app = new AppFactory();
        app.Settings["CitizenData:Provider"] = provider;
        // Long enough for a cold first call on a loaded CI machine; the slow answers below wait far longer.
        app.Settings["CitizenData:TimeoutMilliseconds"] = "3000";
        app.Settings["CitizenData:Fake:LatencyMilliseconds"] = "20";
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        return app;
    }

    private static async Task<JsonElement> CheckAsync(HttpClient desk, string idNumber, string name, string birth, bool consent = true)
    {
        var response = await desk.PostAsJsonAsync("/api/v1/citizen-checks", new { idNumber, fullName = name, birthDate = birth, consent }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static T Db<T>(AppFactory app, Func<AppDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task At_the_desk_each_answer_of_the_register_is_shown_and_a_match_with_consent_verifies_the_intake()
    {
        using var app = App();
        var desk = await app.ClientFor("motcua.bacai");

        // No consent, no lookup: nothing is asked and nothing stored.
        var refused = await desk.PostAsJsonAsync("/api/v1/citizen-checks", new { idNumber = "058090001234", fullName = "Chamaléa Thị Dân", birthDate = "1990-05-12" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("consent", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Db(app, db => db.CitizenChecks.Count()));

        // Case and spacing do not matter; diacritics and the date do.
        var match = await CheckAsync(desk, "058090001234", "  chamaléa thị   DÂN ", "1990-05-12");
        Assert.Equal("match", match.GetProperty("result").GetString());
        var wrongBirth = await CheckAsync(desk, "058090001234", "Chamaléa Thị Dân", "1990-12-05");
        Assert.Equal(("mismatch", "birthDate"), (wrongBirth.GetProperty("result").GetString(), wrongBirth.GetProperty("mismatches")[0].GetString()));
        var wrongName = await CheckAsync(desk, "058090001234", "Chamalea Thi Dan", "1990-05-12");
        Assert.Equal(["fullName"], wrongName.GetProperty("mismatches").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Họ tên", wrongName.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("not-found", (await CheckAsync(desk, "058190009999", "Lê Văn Không", "1990-01-01")).GetProperty("result").GetString());

        // The register does not answer in time, or fails: "unavailable", within the time limit, never an error page.
        var started = DateTime.UtcNow;
        Assert.Equal("unavailable", (await CheckAsync(desk, FakeCitizenRegistry.SlowId, "Người Chậm", "1990-01-01")).GetProperty("result").GetString());
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(10));
        Assert.Equal("unavailable", (await CheckAsync(desk, FakeCitizenRegistry.FailingId, "Người Lỗi", "1990-01-01")).GetProperty("result").GetString());

        var checks = Db(app, db => db.CitizenChecks.AsNoTracking().OrderBy(c => c.CheckedAtUtc).ToList());
        Assert.Equal(6, checks.Count);
        Assert.All(checks, c => Assert.Equal(("desk", "motcua.bacai", "fake"), (c.Purpose, c.CheckedBy, c.Provider)));
        Assert.All(checks, c => Assert.NotEqual(default, c.ConsentAtUtc));

        // The intake names the matching check: identified, and the consent is in the first history event.
        var documents = AllDocuments(await ProcedureAsync(desk, Certification));
        object Body(Guid checkId, string idNumber = "058090001234") => new
        {
            procedureCode = Certification,
            unitCode = "56.BACAI",
            channel = "direct",
            citizenCheckId = checkId,
            applicant = new { fullName = "Chamaléa Thị Dân", idNumber, birthDate = "1990-05-12", phone = "0912345678" },
            documents,
        };
        var matchId = match.GetProperty("id").GetGuid();
        var received = await desk.PostAsJsonAsync("/api/v1/dossiers", Body(matchId), Ct);
        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        var code = (await received.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;
        Assert.True((await GetAsync(desk, code)).GetProperty("identified").GetBoolean());
        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", Ct);
        var note = history![0].GetProperty("note").GetString()!;
        Assert.Contains("đồng ý tra cứu Cơ sở dữ liệu quốc gia về dân cư lúc 09:00 07/12/2026", note, StringComparison.Ordinal);
        Assert.Contains(matchId.ToString(), note, StringComparison.Ordinal);

        // A mismatch, another person's ID, another officer or an old check verify nothing.
        async Task Refused(HttpClient client, object body)
        {
            var response = await client.PostAsJsonAsync("/api/v1/dossiers", body, Ct);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem.ToString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("citizenCheckId", out _), problem.ToString());
        }

        await Refused(desk, Body(wrongBirth.GetProperty("id").GetGuid()));
        await Refused(desk, Body(matchId, idNumber: "058190004321"));
        await Refused(await app.ClientFor("motcua.phuocbinh"), Body(matchId));
        app.Clock.Advance(TimeSpan.FromHours(3));
        await Refused(desk, Body(matchId));
    }

    [Fact]
    public async Task The_receive_page_offers_the_check_and_shows_its_answer()
    {
        using var app = App();
        var page = await PageClient.SignedInAsync(app, "motcua.bacai");
        var form = await page.GetStringAsync($"/Dossiers/Receive?procedure={Certification}", Ct);
        Assert.Contains("data-testid=\"citizen-check-button\"", form, StringComparison.Ordinal);
        var token = await PageClient.TokenAsync(page, $"/Dossiers/Receive?procedure={Certification}");
        var answer = await page.PostAsync($"/Dossiers/Receive?handler=CitizenCheck&procedure={Certification}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Applicant.FullName"] = "Chamaléa Thị Dân",
            ["Applicant.IdNumber"] = "058090001234",
            ["Applicant.BirthDate"] = "12/05/1990",
            ["CitizenDataConsent"] = "true",
        }), Ct);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("class=\"notice\" data-testid=\"citizen-check-result\"", html, StringComparison.Ordinal);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode("Thông tin khớp với Cơ sở dữ liệu quốc gia về dân cư"), html, StringComparison.Ordinal);
        Assert.Contains("name=\"CitizenCheckId\"", html, StringComparison.Ordinal);

        using var off = new AppFactory();
        var plain = await (await PageClient.SignedInAsync(off, "motcua.bacai")).GetStringAsync($"/Dossiers/Receive?procedure={Certification}", Ct);
        Assert.DoesNotContain("citizen-check-button", plain, StringComparison.Ordinal);
        var api = await (await off.ClientFor("motcua.bacai")).PostAsJsonAsync("/api/v1/citizen-checks", new { idNumber = "058090001234", fullName = "A", birthDate = "1990-05-12", consent = true }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
    }

    [Fact]
    public async Task Sign_up_needs_consent_and_a_matching_record_and_keeps_the_check_under_the_account_name()
    {
        using var app = App();
        var client = app.CreateClient();
        object Body(string name, string birth, bool? consent) => new
        {
            accountType = "citizen",
            fullName = name,
            idNumber = "058190004321",
            birthDate = birth,
            citizenDataConsent = consent,
            phone = "0906004321",
            channel = "sms",
            password = "Binh@2026xyz",
        };

        async Task<JsonElement> Refused(object body)
        {
            var response = await client.PostAsJsonAsync("/api/v1/portal/sign-up", body, Ct);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem.ToString());
            return problem.GetProperty("errors");
        }

        Assert.True((await Refused(Body("Trần Thị Bình", "1990-11-03", null))).TryGetProperty("citizenDataConsent", out _));
        Assert.True((await Refused(Body("Trần Thị Bình", "1991-11-03", true))).TryGetProperty("birthDate", out _));
        var started = await client.PostAsJsonAsync("/api/v1/portal/sign-up", Body("Trần Thị Bình", "1990-11-03", true), Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);

        var checks = Db(app, db => db.CitizenChecks.AsNoTracking().Where(c => c.Purpose == "sign-up").OrderBy(c => c.CheckedAtUtc).ToList());
        Assert.Equal(["mismatch", "match"], checks.Select(c => c.Result));
        Assert.All(checks, c => Assert.Equal("058190004321", c.CheckedBy));
    }

    [Fact]
    public async Task The_http_adapter_reads_the_gateways_answers_and_a_slow_gateway_is_unavailable()
    {
        await using var gateway = await LocalHttpServer.StartAsync();
        gateway.Handler = async (context, body) =>
        {
            var q = JsonSerializer.Deserialize<Dictionary<string, string>>(body)!;
            if (q["soDinhDanh"] == "058090000408")
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            }

            if (context.Request.Headers.Authorization != "Bearer key-1")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            object answer = q["soDinhDanh"] switch
            {
                "058090001234" when q["ngaySinh"] == "1990-05-12" => new { ketQua = "KHOP" },
                "058090001234" => new { ketQua = "KHONG_KHOP", truongKhongKhop = new[] { "ngaySinh" } },
                _ => new { ketQua = "KHONG_TIM_THAY" },
            };
            await context.Response.WriteAsJsonAsync(answer, context.RequestAborted);
        };
        using var app = App("Http");
        app.Settings["CitizenData:Http:Url"] = new Uri(gateway.BaseAddress, "/dan-cu/xac-thuc").ToString();
        app.Settings["CitizenData:Http:ApiKey"] = "key-1";
        var desk = await app.ClientFor("motcua.bacai");

        Assert.Equal("match", (await CheckAsync(desk, "058090001234", "Chamaléa Thị Dân", "1990-05-12")).GetProperty("result").GetString());
        var mismatch = await CheckAsync(desk, "058090001234", "Chamaléa Thị Dân", "1990-05-13");
        Assert.Equal(("mismatch", "birthDate"), (mismatch.GetProperty("result").GetString(), mismatch.GetProperty("mismatches")[0].GetString()));
        Assert.Equal("not-found", (await CheckAsync(desk, "058190009999", "Lê Văn Không", "1990-01-01")).GetProperty("result").GetString());
        Assert.Equal("unavailable", (await CheckAsync(desk, "058090000408", "Người Chậm", "1990-01-01")).GetProperty("result").GetString());
        Assert.Equal("http", Db(app, db => db.CitizenChecks.Select(c => c.Provider).Distinct().Single()));
        Assert.Equal("/dan-cu/xac-thuc", gateway.Requests.First().Path);
    }

    [Fact]
    public void Production_refuses_the_fake_and_an_unauthenticated_gateway_naming_the_setting()
    {
        static IReadOnlyList<string> Problems(params (string, string)[] extra)
        {
            var settings = ProductionGuardTests.Complete();
            foreach (var (k, v) in extra)
            {
                settings[k] = v;
            }

            return ProductionGuard.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        }

        Assert.StartsWith("CitizenData:Provider: ", Assert.Single(Problems(("CitizenData:Provider", "Fake"))), StringComparison.Ordinal);
        Assert.Equal(["CitizenData:Http:Url", "CitizenData:Http:ApiKey"], Problems(("CitizenData:Provider", "Http"), ("CitizenData:Http:Url", "http://lgsp.example.vn/x")).Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)]));
        Assert.Empty(Problems(("CitizenData:Provider", "Http"), ("CitizenData:Http:Url", "https://lgsp.ninhthuan.gov.vn/dan-cu"), ("CitizenData:Http:ApiKey", "issued-key")));
    }
}
