using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Features.Dossiers;
using MotCua.Web.Features.Security;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Security;

public sealed class RateLimitAndAuditTests
{
    [Fact]
    public async Task Tracking_is_rate_limited_per_client_with_a_vietnamese_problem()
    {
        using var app = new SecurityApp();
        app.Settings["Security:TrackingPermitLimit"] = "4";
        var client = app.Raw();
        var ct = TestContext.Current.CancellationToken;

        var tracking = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            tracking.Add((await client.GetAsync("/api/v1/tracking/584.MC-250603-0001?verifier=1234", ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], tracking);
        var limited = await client.GetAsync("/api/v1/tracking/584.MC-250603-0001?verifier=1234", ct);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Contains("quá nhiều lần", (await limited.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString());
        // Everything else is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/procedures/2.000815", ct)).StatusCode);
    }

    [Fact]
    public async Task Every_sign_in_and_every_view_of_personal_data_leaves_an_audit_record_that_admins_read()
    {
        using var app = new SecurityApp();
        var ct = TestContext.Current.CancellationToken;
        var anonymous = app.Raw();
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "lanhdao", password = "sai-mat-khau" }, ct);
        var desk = await app.As(Principals.Desk);
        var code = (await DossierApi.ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        var leader = await app.As(Principals.Leader);

        await leader.GetAsync($"/api/v1/dossiers/{code}", ct);
        await leader.GetAsync($"/Dossiers/Details?code={code}", ct);
        await leader.GetAsync($"/api/v1/dossiers/{code}/forms/01.pdf", ct);
        var outsider = await app.As(Principals.OtherCommune);
        await outsider.GetAsync($"/api/v1/dossiers/{code}", ct);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var records = await db.AuditRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
            Assert.Contains(records, r => r.Kind == AuditKind.SignInFailed && r.UserName == "lanhdao");
            Assert.Contains(records, r => r.Kind == AuditKind.SignIn && r.UserName == "lanhdao");
            Assert.Contains(records, r => r.Kind == AuditKind.SignIn && r.UserName == "motcua");
            var views = records.Where(r => r.Kind == AuditKind.PersonalDataViewed && r.Subject == code).ToList();
            Assert.Equal(["GET /api/v1/dossiers/{code}", "/Dossiers/Details", "form 01.pdf"], views.Where(v => v.UserName == "lanhdao").Select(v => v.Detail));
            // A refused look is not a view: nothing was shown.
            Assert.DoesNotContain(views, v => v.UserName == "motcua.phuoctien");
        }

        var admin = await app.As(Principals.Admin);
        var page = await admin.GetStringAsync($"/Security?subject={Uri.EscapeDataString(code)}", ct);
        Assert.Equal(3, page.Split("data-kind=\"PersonalDataViewed\"").Length - 1);
        Assert.Contains("lanhdao", page);
    }
}
