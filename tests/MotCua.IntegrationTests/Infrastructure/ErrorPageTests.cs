using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Issue 21.5: people in a browser get a Vietnamese page that says what to do; the API keeps problem details.</summary>
public sealed class ErrorPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Browser(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.AcceptLanguage.ParseAdd("vi-VN");
        return request;
    }

    [Fact]
    public async Task A_rate_limited_browser_request_gets_a_vietnamese_page_with_the_wait_and_the_api_keeps_problem_details()
    {
        using var app = new AppFactory();
        app.Settings["Security:TrackingPermitLimit"] = "2";
        app.Settings["Security:WindowSeconds"] = "300";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.SendAsync(Browser("/Tracking?code=56.BACAI-261207-0001&verifier=1234"), Ct);
            statuses.Add(last.StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bạn đã thử quá nhiều lần", html, StringComparison.Ordinal);
        // A five-minute window: the page says how many minutes to wait, and Retry-After says it to scripts.
        Assert.Matches(@"thử lại sau [1-5] phút", html);
        Assert.Contains("data-testid=\"error-page\"", html, StringComparison.Ordinal);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.DoesNotContain("\"status\"", html, StringComparison.Ordinal);

        var api = await client.GetAsync("/api/v1/tracking/56.BACAI-261207-0001?verifier=1234", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await api.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32());

        // An API call that says it takes HTML is still the API.
        var apiAsBrowser = await client.SendAsync(Browser("/api/v1/tracking/56.BACAI-261207-0001?verifier=1234"), Ct);
        Assert.Equal("application/problem+json", apiAsBrowser.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_failed_browser_request_gets_a_vietnamese_page_with_an_error_code_and_the_api_keeps_problem_details()
    {
        using var app = new FailingApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.SendAsync(Browser("/test-failure"), Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Hệ thống đang gặp sự cố", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng thử lại sau ít phút", html, StringComparison.Ordinal);
        Assert.Contains("Mã lỗi:", html, StringComparison.Ordinal);
        // The exception's own text (which may hold data) never reaches the page.
        Assert.DoesNotContain(FailingApp.Secret, html, StringComparison.Ordinal);

        var api = await client.GetAsync("/api/test-failure", Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _));

        // A script that asks for JSON on a page address gets problem details too.
        var script = await client.GetAsync("/test-failure", Ct);
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_page_in_a_browser_gets_a_vietnamese_page_and_a_missing_api_resource_gets_problem_details()
    {
        using var app = new AppFactory();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.SendAsync(Browser("/khong-co-trang-nay"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);

        var api = await client.GetAsync("/api/v1/procedures/KHONG-CO", Ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The app with one address that throws, behind the app's own exception handler.</summary>
    private sealed class FailingApp : AppFactory
    {
        public const string Secret = "058090001234 secret detail";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        }
    }

    // After the app's pipeline: requests no endpoint matched reach this, still inside UseExceptionHandler.
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext ctx, RequestDelegate after) => ctx.Request.Path.Value is "/test-failure" or "/api/test-failure"
                ? throw new InvalidOperationException(FailingApp.Secret)
                : after(ctx));
        };
    }
}
