using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Notifications;

/// <summary>The HTTP SMS gateway against a real HTTP server on a loopback port: what it sends, and that every failure is a failure.</summary>
public sealed class HttpSmsGatewayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpSmsGateway Gateway(Uri url, int timeoutSeconds = 10)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(HttpSmsGateway.HttpClientName);
        var clients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new HttpSmsGateway(clients, Options.Create(new NotificationOptions
        {
            Sms = { Provider = "Http", Url = new Uri(url, "/v1/sms").ToString(), ApiKey = "key-123", Sender = "MOTCUA-BACAI", TimeoutSeconds = timeoutSeconds },
        }));
    }

    [Fact]
    public async Task A_message_is_posted_as_json_with_the_key_and_the_sender()
    {
        await using var provider = await LocalHttpServer.StartAsync();

        await Gateway(provider.BaseAddress).SendAsync("0912345678", "Mã xác nhận: 123456", Ct);

        var request = Assert.Single(provider.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/sms", request.Path);
        Assert.Equal("Bearer key-123", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("0912345678", body.GetProperty("to").GetString());
        Assert.Equal("Mã xác nhận: 123456", body.GetProperty("text").GetString());
        Assert.Equal("MOTCUA-BACAI", body.GetProperty("sender").GetString());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(401)]
    [InlineData(302)]
    public async Task A_non_2xx_answer_throws_without_the_number_or_the_text(int status)
    {
        await using var provider = await LocalHttpServer.StartAsync();
        provider.Handler = (context, _) =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        };

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => Gateway(provider.BaseAddress).SendAsync("0912345678", "bí mật 654321", Ct));

        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("654321", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_slower_than_the_timeout_is_a_failure()
    {
        await using var provider = await LocalHttpServer.StartAsync();
        provider.Handler = (context, _) => Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => Gateway(provider.BaseAddress, timeoutSeconds: 1).SendAsync("0912345678", "x", Ct));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"gave up after {watch.Elapsed}");
    }

    [Fact]
    public async Task Through_the_outbox_a_refused_message_stays_queued_and_the_next_pass_delivers_it_once()
    {
        await using var provider = await LocalHttpServer.StartAsync();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        provider.Handler = (context, _) =>
        {
            context.Response.StatusCode = (int)answers.Dequeue();
            return Task.CompletedTask;
        };
        using var app = new AppFactory();
        app.Settings["Notifications:Dispatcher:Enabled"] = "false";
        app.Settings["Notifications:Sms:Provider"] = "Http";
        app.Settings["Notifications:Sms:Url"] = new Uri(provider.BaseAddress, "/send").ToString();
        app.Settings["Notifications:Sms:ApiKey"] = "outbox-key";
        app.Settings["Notifications:Sms:Sender"] = "MOTCUA";
        var start = new DateTimeOffset(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(start);
        Assert.IsType<HttpSmsGateway>(app.Services.GetRequiredService<ISmsGateway>());
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(Ct) > 0)
        {
            // Messages the template left behind: out of the way first (they would reach the provider too).
        }

        provider.Requests.Clear();
        answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        var desk = await app.ClientFor("motcua.phuocbinh");
        var code = await ReceiveWithPhoneAsync(desk, "0911222333");

        await dispatcher.DispatchOnceAsync(Ct);
        var failed = Message(app, code);
        Assert.Null(failed.SentAtUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("0911222333", failed.LastError, StringComparison.Ordinal);

        app.Clock.SetUtcNow(start.AddMinutes(5));
        await dispatcher.DispatchOnceAsync(Ct);
        app.Clock.SetUtcNow(start.AddHours(1));
        await dispatcher.DispatchOnceAsync(Ct);

        var sent = Message(app, code);
        Assert.NotNull(sent.SentAtUtc);
        Assert.Equal(2, sent.Attempts);
        var posts = provider.Requests.ToArray();
        Assert.Equal(2, posts.Length);
        Assert.All(posts, p =>
        {
            Assert.Equal("Bearer outbox-key", p.Headers["Authorization"]);
            var body = JsonDocument.Parse(p.Body).RootElement;
            Assert.Equal("0911222333", body.GetProperty("to").GetString());
            Assert.Contains(code, body.GetProperty("text").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    private static async Task<string> ReceiveWithPhoneAsync(HttpClient desk, string phone)
    {
        var response = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = Certification,
            unitCode = "22783",
            channel = "direct",
            applicant = new { fullName = "Chamaléa Thị Mỹ Hường", idNumber = "058090001234", phone, address = "Thôn Ma Hoa, xã Phước Bình" },
            documents = AllDocuments(await ProcedureAsync(desk, Certification)),
        }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return body.GetProperty("code").GetString()!;
    }

    private static OutboxMessage Message(AppFactory app, string code)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
            .Single(m => m.DossierCode == code && m.Channel == NotificationChannel.Sms);
    }
}
