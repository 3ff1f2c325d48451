using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Infrastructure;

public sealed class ApiShellTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Health_checks_the_database()
    {
        var response = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_in_vietnamese_never_a_500()
    {
        var body = new StringContent("{\"username\": ", Encoding.UTF8, "application/json");
        var response = await app.CreateClient().PostAsync("/api/v1/portal/sign-up", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("JSON không hợp lệ", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Problem_messages_follow_the_request_language()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var body = new StringContent("[1,", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/portal/sign-up", body, TestContext.Current.CancellationToken);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad request", problem.GetProperty("title").GetString());
        Assert.Contains("Invalid JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var body = new StringContent("username=a", Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await app.CreateClient().PostAsync("/api/v1/portal/sign-up", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_document_and_reference_page_are_served()
    {
        var client = app.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/auth/token", out _));

        var page = await client.GetAsync("/api-docs/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Home_page_is_vietnamese_by_default_and_light()
    {
        var client = app.CreateClient();
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("lang=\"vi\"", html);
        Assert.Contains("Dịch vụ công một cửa", html);

        // The whole public home page (HTML, CSS, JS) stays under 150 KB for slow rural links.
        var total = Encoding.UTF8.GetByteCount(html);
        foreach (var asset in new[] { "/css/site.css", "/lib/htmx/htmx.min.js" })
        {
            total += (await client.GetByteArrayAsync(asset, TestContext.Current.CancellationToken)).Length;
        }

        Assert.InRange(total, 1, 150 * 1024);
    }

    [Fact]
    public async Task English_is_switchable_with_a_cookie()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        await client.GetAsync("/language?c=en&returnUrl=/", TestContext.Current.CancellationToken);
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("One-stop public services", html);
    }
}
