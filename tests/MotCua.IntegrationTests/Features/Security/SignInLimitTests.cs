using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>Issue 19, item 8: sign-in failures are limited per account and per client, successes never; a limited browser gets a Vietnamese page.</summary>
public sealed class SignInLimitTests
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static SecurityApp App(int perAccount, int perClient)
    {
        var app = new SecurityApp();
        app.Settings["Security:SignInAccountFailureLimit"] = perAccount.ToString(CultureInfo.InvariantCulture);
        app.Settings["Security:SignInClientFailureLimit"] = perClient.ToString(CultureInfo.InvariantCulture);
        app.Settings["Security:SignInFailureWindowSeconds"] = "900";
        return app;
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_office_behind_one_address_signing_in_correctly_is_never_limited_but_failures_are_per_account_and_per_client()
    {
        using var app = App(perAccount: 3, perClient: 5);
        var client = app.Raw(); // every request comes from one address, like an office behind NAT
        var ct = TestContext.Current.CancellationToken;
        string[] office = ["motcua", "lanhdao", "chuyenvien", "noivu", "motcua.phuocbinh", "motcua.phuoctien", "admin"];

        // 70 correct sign-ins from one address within a minute: none limited (the old limit was 10 requests a minute).
        for (var i = 0; i < 70; i++)
        {
            var ok = await TokenAsync(client, office[i % office.Length], AppFactory.DemoPassword);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"sign-in {i} of {office[i % office.Length]}: {(int)ok.StatusCode}");
        }

        // Three wrong passwords for one account: that account is limited, even with the right password now ...
        var firstFailure = app.Clock.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, "chuyenvien", "sai-mat-khau")).StatusCode);
        }

        var limited = await TokenAsync(client, "chuyenvien", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(15), limited.Headers.RetryAfter?.Delta);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>(ct);
        var retryAt = firstFailure.AddMinutes(15);
        Assert.Equal(retryAt, problem.GetProperty("retryAt").GetDateTimeOffset());
        Assert.Contains($"Thử lại sau {TimeZoneInfo.ConvertTime(retryAt, Vietnam):HH:mm} (khoảng 15 phút nữa)", problem.GetProperty("detail").GetString());

        // ... while the rest of the office goes on signing in from the same address.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client, "lanhdao", AppFactory.DemoPassword)).StatusCode);

        // Failures for other (here unknown) names add up per address: at 5 the address is limited for every account.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, "khong-co-1", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, "khong-co-2", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(client, "lanhdao", AppFactory.DemoPassword)).StatusCode);

        // The window slides: 15 minutes after the failures everyone signs in again, the limited account too.
        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client, "lanhdao", AppFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client, "chuyenvien", AppFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task A_limited_browser_gets_a_vietnamese_page_with_the_time_to_try_again_and_the_api_shares_the_count()
    {
        using var app = App(perAccount: 2, perClient: 100);
        var ct = TestContext.Current.CancellationToken;
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        async Task<HttpResponseMessage> PostAsync(string password)
        {
            var token = await PageClient.TokenAsync(browser, "/Account/Login");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "noivu", ["Password"] = password, ["__RequestVerificationToken"] = token }),
            };
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
            return await browser.SendAsync(request, ct);
        }

        var firstFailure = app.Clock.GetUtcNow();
        var wrong = await PostAsync("sai-mat-khau");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        // Razor writes Vietnamese letters as character references: compare decoded text.
        Assert.Contains("không đúng", System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(ct)));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("sai-mat-khau")).StatusCode);

        var limited = await PostAsync(AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(13), limited.Headers.RetryAfter?.Delta);
        var html = await limited.Content.ReadAsStringAsync(ct);
        var at = TimeZoneInfo.ConvertTime(firstFailure.AddMinutes(15), Vietnam);
        Assert.Contains($"Bạn đã đăng nhập sai quá nhiều lần. Thử lại sau {at:HH:mm} (khoảng 13 phút nữa).", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("<form method=\"post\"", html); // the sign-in form is still there for later
        Assert.False(limited.Headers.Contains("Set-Cookie") && limited.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));

        // The token endpoint counts the same failures: a script cannot switch doors.
        var api = await TokenAsync(app.Raw(), "noivu", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(AppFactory.DemoPassword)).StatusCode);
    }
}
