using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Features.Portal;
using MotCua.Web.Features.Tracking;
using static MotCua.IntegrationTests.Features.Portal.PortalFactory;
using static MotCua.IntegrationTests.Features.Portal.PortalFlow;

namespace MotCua.IntegrationTests.Features.Tracking;

public sealed class TrackingTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> AcceptedDossierAsync(string idNumber, string phone)
    {
        var citizen = await app.NewCitizenAsync(idNumber, phone);
        var code = await SubmitAsync(citizen, Certification, "22783", idNumber, [await UploadedIdAsync(citizen)]);
        await Dossiers.DossierApi.ActOkAsync(await app.ClientFor("motcua.phuocbinh"), code, new { action = "accept" });
        return code;
    }

    [Fact]
    public async Task Code_and_last_four_digits_show_status_appointment_with_its_reason_and_public_steps_masked()
    {
        var code = await AcceptedDossierAsync("058098001001", "0908001001");
        var anonymous = app.CreateClient();

        var json = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}?verifier=1001", Ct);

        Assert.Equal("Received", json.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, json.GetProperty("appointmentDate").ValueKind);
        Assert.NotEmpty(json.GetProperty("explanation").EnumerateArray());
        var plan = json.GetProperty("plan").EnumerateArray().ToArray();
        Assert.NotEmpty(plan);
        Assert.Equal("Đang thực hiện", plan[0].GetProperty("state").GetString());
        Assert.DoesNotContain("Mấu Thị Hoa", json.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("058098001001", json.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0906000000", json.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_shows_each_new_event_at_once()
    {
        var code = await AcceptedDossierAsync("058098001077", "0908001077");
        var anonymous = app.CreateClient();
        var before = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}?verifier=1077", Ct);
        Assert.Equal(before.ToString(), (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}?verifier=1077", Ct)).ToString());

        await Dossiers.DossierApi.ActOkAsync(await app.ClientFor("motcua.phuocbinh"), code, new { action = "request-supplement", note = "Thiếu bản chính để đối chiếu" });
        var after = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}?verifier=1077", Ct);

        Assert.Equal("Received", before.GetProperty("status").GetString());
        Assert.Equal("AwaitingSupplement", after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("steps").GetArrayLength() + 1, after.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Ten_wrong_verifiers_lock_the_code_even_for_the_right_digits()
    {
        var code = await AcceptedDossierAsync("058098001002", "0908001002");
        var anonymous = app.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/tracking/{code}?verifier={9000 + i}", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync($"/api/v1/tracking/{code}?verifier=1002", Ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/tracking/{code}?verifier=1002", Ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(-61));
    }

    [Fact]
    public async Task Form_01_QR_carries_the_receipt_link_that_opens_the_masked_dossier_without_an_account()
    {
        var code = await AcceptedDossierAsync("058098001003", "0908001003");
        var citizen = await app.NewCitizenAsync("058098001005", "0908001005");
        var desk = await app.ClientFor("motcua.phuocbinh");
        var pdf = await desk.GetByteArrayAsync($"/api/v1/dossiers/{code}/forms/01.pdf", Ct);

        var url = Forms.FormReading.QrInPdf(pdf);

        Assert.NotNull(url);
        Assert.StartsWith($"http://localhost/Tracking?code={code}&t=", url, StringComparison.Ordinal);
        var anonymous = app.CreateClient();
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri(url).PathAndQuery, Ct));
        Assert.Contains("data-testid=\"tracking-result\"", page, StringComparison.Ordinal);
        Assert.Contains("Đã tiếp nhận", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Mấu Thị Hoa", page, StringComparison.Ordinal);
        Assert.DoesNotContain("058098001003", page, StringComparison.Ordinal);
        var token = new Uri(url).Query.Split("&t=")[1];
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/tracking/{code}?t={token}", Ct)).StatusCode);
        var owner = await app.ClientFor("058098001003", "Cong@dan2025");
        var receipt = WebUtility.HtmlDecode(await owner.GetStringAsync($"/Portal/Receipt?code={code}", Ct));
        Assert.Contains($"href=\"{url}\"", receipt, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/dossiers/{code}/forms/01.pdf", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_gets_the_wrong_verifier_answer_and_counts_toward_the_lock()
    {
        var code = await AcceptedDossierAsync("058098001006", "0908001006");
        var other = await AcceptedDossierAsync("058098001007", "0908001007");
        var tokens = app.Services.GetRequiredService<TrackingTokens>();
        var anonymous = app.CreateClient();
        var wrongVerifierPage = await anonymous.GetStringAsync($"/Tracking?code={code}&verifier=9999", Ct);

        var otherToken = await anonymous.GetAsync($"/api/v1/tracking/{code}?t={tokens.For(other)}", Ct);
        var wrongTokenPage = await anonymous.GetStringAsync($"/Tracking?code={code}&t={tokens.For(other)}", Ct);
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/tracking/{code}?t=AAAAAAAAAAAAAAAAAAAA{i:D2}", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, otherToken.StatusCode);
        Assert.Contains("data-testid=\"tracking-error\"", wrongVerifierPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"tracking-error\"", wrongTokenPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync($"/api/v1/tracking/{code}?verifier=1006", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync($"/api/v1/tracking/{code}?t={tokens.For(other)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/tracking/{code}?t={tokens.For(code)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/tracking/{other}?verifier=1007", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_change_committed_outside_this_instance_shows_at_once()
    {
        var code = await AcceptedDossierAsync("058098001008", "0908001008");
        var anonymous = app.CreateClient();
        var before = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}?verifier=1008", Ct);

        // Another instance's commit: straight to the database, past every hook of this process.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Infrastructure.AppDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE \"Dossiers\" SET \"Status\" = 'InProcess', \"Version\" = \"Version\" + 1 WHERE \"Code\" = {code}", Ct);
        }

        var after = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}?verifier=1008", Ct);
        Assert.Equal("Received", before.GetProperty("status").GetString());
        Assert.Equal("InProcess", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Concurrent_look_ups_each_get_their_own_dossiers_head()
    {
        for (var i = 1; i <= 4; i++)
        {
            await AcceptedDossierAsync($"05809800200{i}", $"090800200{i}");
        }

        Dictionary<string, (long Id, int Version)> expected;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Infrastructure.AppDbContext>();
            expected = (await db.Dossiers.AsNoTracking().OrderBy(d => d.Id).Take(40).Select(d => new { d.Code, d.Id, d.Version }).ToListAsync(Ct))
                .ToDictionary(d => d.Code, d => (d.Id, d.Version), StringComparer.Ordinal);
        }

        Assert.True(expected.Count >= 4);
        // On PostgreSQL, concurrent requests are read in shared batches: every answer must still be its own code's.
        var codes = expected.Keys.Concat(Enumerable.Range(0, 10).Select(i => $"56.BACAI-000000-{i:D4}")).ToArray();
        var asked = Enumerable.Range(0, 600).Select(i => codes[(i * 7919) % codes.Length]).ToArray();
        var cache = app.Services.GetRequiredService<TrackingCache>();
        var heads = await Task.WhenAll(asked.Select(code => Task.Run(() => cache.HeadAsync(code, Ct), Ct)));

        for (var i = 0; i < asked.Length; i++)
        {
            if (expected.TryGetValue(asked[i], out var e))
            {
                Assert.Equal(e, (heads[i]!.Id, heads[i]!.Version));
            }
            else
            {
                Assert.Null(heads[i]);
            }
        }
    }
}
