using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>Issue 19, item 8: the multipart API endpoints need an antiforgery token from a caller signed in by cookie; bearer clients stay exempt.</summary>
public sealed class MultipartAntiforgeryTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8];

    // Every multipart endpoint, with route values that bind (the check comes before the handler looks anything up).
    private static readonly string[] Multipart =
    [
        "/api/v1/files",
        "/api/v1/dossiers/584.MC-250603-0001/result-file",
        "/api/v1/occurrences/1/entries",
        "/api/v1/reform/reports",
        "/api/v1/reform/evaluation/schemes/1/self-assessments",
        "/api/v1/plans/1/targets/1/measurements",
    ];

    private static MultipartFormDataContent Form(string? token = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "to-khai.pdf");
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return form;
    }

    [Fact]
    public async Task A_cookie_upload_needs_an_antiforgery_token_and_a_bearer_upload_does_not()
    {
        using var app = new SecurityApp();
        var ct = TestContext.Current.CancellationToken;
        var cookie = await PageClient.SignedInAsync(app, "admin");
        async Task<int> FilesAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().UploadedFiles.CountAsync(ct);
        }

        var before = await FilesAsync();

        // Cookie without a token: 400 with a Vietnamese problem on every multipart endpoint, nothing stored.
        foreach (var url in Multipart)
        {
            var refused = await cookie.PostAsync(url, Form(), ct);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync(ct)}");
            Assert.Contains("chống giả mạo", (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString());
        }

        // A token from a page of another session is no good either: tokens are bound to the cookie and the user.
        var stranger = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var foreignToken = await PageClient.TokenAsync(stranger, "/Account/Login");
        Assert.Equal(HttpStatusCode.BadRequest, (await cookie.PostAsync("/api/v1/files", Form(foreignToken), ct)).StatusCode);
        Assert.Equal(before, await FilesAsync());

        // Cookie with the token of its own page (form field, or the header a script would send): stored.
        var token = await PageClient.TokenAsync(cookie, "/Staff");
        Assert.False(string.IsNullOrEmpty(token));
        var accepted = await cookie.PostAsync("/api/v1/files", Form(token), ct);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/files") { Content = Form() })
        {
            request.Headers.Add("RequestVerificationToken", token);
            Assert.Equal(HttpStatusCode.Created, (await cookie.SendAsync(request, ct)).StatusCode);
        }

        // Bearer token, no antiforgery token: stored (a browser cannot make a page send someone's bearer token).
        var bearer = await app.As(Principals.Admin);
        Assert.Equal(HttpStatusCode.Created, (await bearer.PostAsync("/api/v1/files", Form(), ct)).StatusCode);
        Assert.Equal(before + 3, await FilesAsync());

        // Past the check, a cookie caller with a token reaches each handler (it answers for itself: never the antiforgery 400).
        foreach (var url in Multipart.Skip(1))
        {
            var reached = await cookie.PostAsync(url, Form(token), ct);
            var body = await reached.Content.ReadAsStringAsync(ct);
            Assert.False(body.Contains("chống giả mạo", StringComparison.Ordinal), $"{url}: {(int)reached.StatusCode} {body}");
        }
    }

    [Fact]
    public async Task Every_endpoint_that_turns_the_framework_check_off_for_forms_puts_the_cookie_check_back()
    {
        using var app = new SecurityApp();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false })
            .ToList();
        var withoutCheck = endpoints
            .Where(e => e.Metadata.GetMetadata<CookieAntiforgery.Required>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        // The streamed ndjson import is the one exception: its content type cannot be sent by a cross-site form.
        Assert.Equal(["/api/v1/dossiers/import/"], withoutCheck);
        Assert.Equal(Multipart.Length, endpoints.Count - withoutCheck.Count);
    }
}
