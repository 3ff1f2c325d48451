using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Webhooks;

/// <summary>Issue 26.3: dossier events reach a subscribed system through the outbox, signed, retried with backoff, logged and replayable.</summary>
public sealed class WebhookTests(WebhookTests.Factory app) : IClassFixture<WebhookTests.Factory>, IAsyncLifetime
{
    /// <summary>Only the test dispatches: the scheduled dispatcher could deliver a message before the test queues its receiver's failure (a CI flake under load).</summary>
    public sealed class Factory : AppFactory
    {
        public Factory() => Settings["Notifications:Dispatcher:Enabled"] = "false";
    }

    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ConcurrentQueue<int> answers = new();
    private LocalHttpServer? receiver;

    private string BaseUrl => receiver!.BaseAddress.ToString().TrimEnd('/');

    private IReadOnlyList<LocalHttpServer.Received> Received => [.. receiver!.Requests];

    public async ValueTask InitializeAsync()
    {
        // A real HTTP receiver on a free port: the product posts over the network as it would to an integrator.
        receiver = await LocalHttpServer.StartAsync();
        receiver.Handler = (http, _) =>
        {
            http.Response.StatusCode = answers.TryDequeue(out var status) ? status : 200;
            return Task.CompletedTask;
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }
    }

    private async Task<HttpClient> ClientAsync(string unit, params string[] scopes)
    {
        string id, secret;
        using (var scope = app.Services.CreateScope())
        {
            var registered = Assert.IsType<RegisterApiClient.Registered>(await scope.ServiceProvider.GetRequiredService<RegisterApiClient>()
                .HandleAsync(new("Cổng dịch vụ công tỉnh", unit, scopes), "admin", null, Ct));
            (id, secret) = (registered.Client.ClientId, registered.Secret);
        }

        var token = await app.CreateClient().PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = id,
            ["client_secret"] = secret,
        }), Ct);
        var body = await token.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    private async Task DispatchAsync()
    {
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);
    }

    private async Task<List<OutboxMessage>> WebhookMessagesAsync(long subscription)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.WebhookSubscriptionId == subscription).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    /// <summary>The receiver's check, written from the Standard Webhooks recipe rather than with the product's code.</summary>
    private static void AssertSigned(IReadOnlyDictionary<string, string> headers, string body, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = $"{headers["webhook-id"]}.{headers["webhook-timestamp"]}.{body}";
        var expected = "v1," + Convert.ToBase64String(new HMACSHA256(key).ComputeHash(Encoding.UTF8.GetBytes(content)));
        Assert.Equal(expected, headers["webhook-signature"]);
    }

    [Fact]
    public async Task Events_of_the_clients_units_are_delivered_signed_retried_with_backoff_logged_and_replayed()
    {
        app.Clock.SetUtcNow(Today);
        var integrator = await ClientAsync("56.BACAI", ClientScopes.DossiersRead);
        var neighbour = await ClientAsync("56.BACAIDONG", ClientScopes.DossiersRead);
        var subscribed = await integrator.PostAsJsonAsync("/api/v1/webhooks",
            new { url = BaseUrl + "/bacai", events = new[] { "dossier.received", "dossier.status_changed", "dossier.result_returned" } }, Ct);
        var subscription = await subscribed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, subscription.ToString());
        var id = subscription.GetProperty("id").GetInt64();
        var secret = subscription.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await neighbour.PostAsJsonAsync("/api/v1/webhooks", new { url = BaseUrl + "/bacaidong", events = new[] { "dossier.received" } }, Ct)).StatusCode);

        // The secret is never listed again.
        var listed = await integrator.GetFromJsonAsync<JsonElement>("/api/v1/webhooks", Ct);
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.DoesNotContain(secret, listed.ToString(), StringComparison.Ordinal);

        // A dossier received at Xã Bác Ái: one message for the Bác Ái subscription, none for the neighbouring commune.
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        var queued = Assert.Single(await WebhookMessagesAsync(id));
        Assert.Equal("dossier.received", queued.Subject);
        Assert.Equal(code, queued.DossierCode);

        // The receiver fails once: the attempt is logged and the next one waits for the backoff.
        answers.Enqueue(500);
        await DispatchAsync();
        var failed = Assert.Single(await WebhookMessagesAsync(id));
        Assert.Null(failed.SentAtUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("500", failed.LastError, StringComparison.Ordinal);
        Assert.True(failed.NextAttemptAtUtc > Today.UtcDateTime);
        await DispatchAsync();
        Assert.Single(Received);

        app.Clock.SetUtcNow(new DateTimeOffset(failed.NextAttemptAtUtc, TimeSpan.Zero).AddSeconds(1));
        await DispatchAsync();
        Assert.NotNull(Assert.Single(await WebhookMessagesAsync(id)).SentAtUtc);
        var attempts = Received;
        Assert.True(attempts.Count == 2, string.Join("\n", attempts.Select(a => $"{a.Path} {a.Headers["webhook-id"]} {a.Body}")));
        Assert.All(attempts, a => Assert.Equal("/bacai", a.Path));
        Assert.Equal(attempts[0].Headers["webhook-id"], attempts[1].Headers["webhook-id"]);
        foreach (var a in attempts)
        {
            AssertSigned(a.Headers, a.Body, secret);
        }

        var payload = JsonDocument.Parse(attempts[1].Body).RootElement;
        Assert.Equal("dossier.received", payload.GetProperty("type").GetString());
        Assert.Equal(code, payload.GetProperty("data").GetProperty("code").GetString());
        Assert.Equal("Received", payload.GetProperty("data").GetProperty("status").GetString());
        // No personal data in the event: the system reads the dossier with its token.
        Assert.DoesNotContain("Chamaléa", attempts[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("058090001234", attempts[1].Body, StringComparison.Ordinal);
        // A tampered body fails the receiver's check.
        Assert.Throws<Xunit.Sdk.EqualException>(() => AssertSigned(attempts[1].Headers, attempts[1].Body.Replace("Received", "Approved", StringComparison.Ordinal), secret));

        // A change of status is the next event.
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "56.BACAI" });
        await DispatchAsync();
        var last = Received[^1];
        Assert.Equal("dossier.status_changed", JsonDocument.Parse(last.Body).RootElement.GetProperty("type").GetString());
        AssertSigned(last.Headers, last.Body, secret);

        // The delivery log, and a replay with the same event id.
        var log = await integrator.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}/deliveries", Ct);
        var rows = log.EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Equal("delivered", r.GetProperty("state").GetString()));
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("attempts").GetInt32()));
        var first = rows[1].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/webhooks/{id}/deliveries", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"/api/v1/webhooks/deliveries/{first}/replay", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await integrator.PostAsync($"/api/v1/webhooks/deliveries/{first}/replay", null, Ct)).StatusCode);
        await DispatchAsync();
        Assert.Equal(attempts[0].Headers["webhook-id"], Received[^1].Headers["webhook-id"]);
        Assert.Equal(4, Received.Count);
        Assert.DoesNotContain(Received, r => r.Path == "/bacaidong");

        // Ended: nothing more is queued for it.
        Assert.Equal(HttpStatusCode.NoContent, (await integrator.DeleteAsync($"/api/v1/webhooks/{id}", Ct)).StatusCode);
        var before = (await WebhookMessagesAsync(id)).Count;
        await ReceivedAsync(desk, "56.BACAI");
        Assert.Equal(before, (await WebhookMessagesAsync(id)).Count);
        Assert.Equal(HttpStatusCode.Conflict, (await integrator.PostAsync($"/api/v1/webhooks/deliveries/{first}/replay", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Subscriptions_are_for_clients_and_validated()
    {
        app.Clock.SetUtcNow(Today);
        var integrator = await ClientAsync("56.BACAI", ClientScopes.DossiersRead);
        var invalid = await integrator.PostAsJsonAsync("/api/v1/webhooks", new { url = "ftp://example.org/x", events = new[] { "dossier.deleted" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out _));
        Assert.True(errors.TryGetProperty("events", out _));

        // People do not subscribe, and a client without dossiers:read cannot either.
        var desk = await app.ClientFor("motcua.bacai");
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsJsonAsync("/api/v1/webhooks", new { url = BaseUrl + "/x", events = new[] { "dossier.received" } }, Ct)).StatusCode);
        var indicatorsOnly = await ClientAsync("56.BACAI", ClientScopes.IndicatorsRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await indicatorsOnly.PostAsJsonAsync("/api/v1/webhooks", new { url = BaseUrl + "/x", events = new[] { "dossier.received" } }, Ct)).StatusCode);
    }
}
