using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using static MotCua.IntegrationTests.Features.Portal.PortalFactory;
using static MotCua.IntegrationTests.Features.Portal.PortalFlow;

namespace MotCua.IntegrationTests.Features.Portal;

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
    public async Task The_receipt_link_token_opens_tracking_without_digits_and_a_forged_one_does_not()
    {
        var code = await AcceptedDossierAsync("058098001003", "0908001003");
        var other = await AcceptedDossierAsync("058098001004", "0908001004");
        var guard = app.Services.CreateScope().ServiceProvider.GetRequiredService<MotCua.Web.Features.Portal.TrackingGuard>();
        var token = guard.QrToken(code);
        var anonymous = app.CreateClient();

        var opened = await anonymous.GetAsync($"/api/v1/tracking/{code}?token={Uri.EscapeDataString(token)}", Ct);
        var otherCode = await anonymous.GetAsync($"/api/v1/tracking/{other}?token={Uri.EscapeDataString(token)}", Ct);
        var forged = await anonymous.GetAsync($"/api/v1/tracking/{code}?token=abc{Uri.EscapeDataString(token[3..])}", Ct);
        var page = await anonymous.GetStringAsync($"/Tracking?code={code}&k={Uri.EscapeDataString(token)}", Ct);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("data-testid=\"tracking-result\"", page, StringComparison.Ordinal);
        _ = app.Services.GetRequiredService<IDataProtectionProvider>();
    }
}
