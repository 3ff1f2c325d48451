using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Issue 26.5: a deprecated operation answers with Deprecation, Sunset and Link headers and is marked in the contract.</summary>
public sealed class ApiDeprecationTests
{
    [Fact]
    public async Task A_deprecated_operation_says_so_in_its_headers_and_in_the_contract()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddOpenApi();
        await using var app = builder.Build();
        app.UseApiDeprecation();
        var since = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var sunset = new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero);
        app.MapGet("/api/v1/old", () => TypedResults.Ok("cũ")).Deprecated(since, sunset, "https://motcua.example/docs/api#changelog");
        app.MapGet("/api/v1/new", () => TypedResults.Ok("mới"));
        app.MapOpenApi();
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        var old = await http.GetAsync("/api/v1/old", ct);
        Assert.Equal("@" + since.ToUnixTimeSeconds(), old.Headers.GetValues("Deprecation").Single());
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", old.Headers.GetValues("Sunset").Single());
        Assert.Equal("<https://motcua.example/docs/api#changelog>; rel=\"deprecation\"; type=\"text/html\"", old.Headers.GetValues("Link").Single());
        var current = await http.GetAsync("/api/v1/new", ct);
        Assert.False(current.Headers.Contains("Deprecation"));
        Assert.False(current.Headers.Contains("Sunset"));

        var paths = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", ct)).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/old").GetProperty("get").GetProperty("deprecated").GetBoolean());
        Assert.False(paths.GetProperty("/api/v1/new").GetProperty("get").TryGetProperty("deprecated", out _));
        await app.StopAsync(ct);
    }
}
