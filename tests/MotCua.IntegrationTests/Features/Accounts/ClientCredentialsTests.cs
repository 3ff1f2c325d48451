using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Security;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Accounts;

/// <summary>Issue 26.2: machine clients get tokens with the OAuth 2.0 client-credentials grant, scoped by unit and scope, audited, rotated and revoked.</summary>
public sealed class ClientCredentialsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Id, string Secret)> RegisterAsync(string unit, params string[] scopes)
    {
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RegisterApiClient>()
            .HandleAsync(new("Nền tảng chia sẻ dữ liệu tỉnh (LGSP)", unit, scopes), "admin", null, Ct);
        var registered = Assert.IsType<RegisterApiClient.Registered>(outcome);
        return (registered.Client.ClientId, registered.Secret);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private async Task<HttpResponseMessage> TokenAsync(string id, string secret, string? scope = null) =>
        await app.CreateClient().PostAsync("/api/v1/auth/token", scope is null
            ? Form(("grant_type", "client_credentials"), ("client_id", id), ("client_secret", secret))
            : Form(("grant_type", "client_credentials"), ("client_id", id), ("client_secret", secret), ("scope", scope)), Ct);

    private async Task<HttpClient> BearerAsync(string id, string secret)
    {
        var response = await TokenAsync(id, secret);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    [Fact]
    public async Task Token_answers_rfc6749_json_and_errors()
    {
        app.Clock.SetUtcNow(Today);
        var (id, secret) = await RegisterAsync("56.BACAI", ClientScopes.DossiersRead, ClientScopes.IndicatorsRead);

        var ok = await TokenAsync(id, secret, "dossiers:read");
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(8 * 3600, body.GetProperty("expires_in").GetInt64());
        Assert.Equal("dossiers:read", body.GetProperty("scope").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.Equal("no-store", ok.Headers.CacheControl?.ToString());

        // HTTP Basic client authentication, both parts form-urlencoded (RFC 6749 §2.3.1).
        var basic = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = Form(("grant_type", "client_credentials")) };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(id)}:{Uri.EscapeDataString(secret)}")));
        var viaBasic = await app.CreateClient().SendAsync(basic, Ct);
        Assert.Equal(HttpStatusCode.OK, viaBasic.StatusCode);
        Assert.Equal("dossiers:read indicators:read", (await viaBasic.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("scope").GetString());

        await AssertErrorAsync(await TokenAsync(id, secret + "x"), HttpStatusCode.Unauthorized, "invalid_client");
        await AssertErrorAsync(await TokenAsync("mc_0000000000000000", secret), HttpStatusCode.Unauthorized, "invalid_client");
        await AssertErrorAsync(await TokenAsync(id, secret, "dossiers:write"), HttpStatusCode.BadRequest, "invalid_scope");
        await AssertErrorAsync(await app.CreateClient().PostAsync("/api/v1/auth/token", Form(("grant_type", "password"), ("username", "admin"), ("password", "x")), Ct), HttpStatusCode.BadRequest, "unsupported_grant_type");
        await AssertErrorAsync(await app.CreateClient().PostAsync("/api/v1/auth/token", Form(("client_id", id), ("client_secret", secret)), Ct), HttpStatusCode.BadRequest, "invalid_request");

        // The JSON user name and password body still works for people.
        var person = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "lanhdao.bacai", password = AppFactory.DemoPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.True((await person.Content.ReadFromJsonAsync<JsonElement>(Ct)).TryGetProperty("accessToken", out _));
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
    }

    [Fact]
    public async Task A_client_reads_within_its_scope_and_unit_only_is_audited_and_dies_on_rotation_and_revocation()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;

        var (id, secret) = await RegisterAsync("56.BACAI", ClientScopes.DossiersRead);
        var (otherId, otherSecret) = await RegisterAsync("56.BACAIDONG", ClientScopes.DossiersRead, ClientScopes.IndicatorsRead);
        var client = await BearerAsync(id, secret);
        var other = await BearerAsync(otherId, otherSecret);

        // Within scope and unit: the same dossiers as a leader of the same commune.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/dossiers/{code}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/dossiers/{code}/history", Ct)).StatusCode);
        var leader = await app.ClientFor("lanhdao.bacai");
        var leaderTotal = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/dossiers", Ct)).GetProperty("total").GetInt32();
        Assert.Equal(leaderTotal, (await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers", Ct)).GetProperty("total").GetInt32());

        // Outside its unit: not found, as for a staff member of another commune.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/dossiers/{code}", Ct)).StatusCode);
        Assert.DoesNotContain(code, (await other.GetStringAsync("/api/v1/dossiers?q=" + code, Ct)));

        // Outside its scope, or on an endpoint that declares no client scope: 403.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/indicators?from=2026-01-01&to=2026-12-31", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/indicators?from=2026-01-01&to=2026-12-31", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/units", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/workspace", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/actions", new { action = "forward", toUnitCode = "56.BACAI" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Staff/Users", Ct)).StatusCode);

        // Every call is in the audit trail, with its answer.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var calls = await db.AuditRecords.AsNoTracking().Where(r => r.Kind == AuditKind.ClientCall && r.UserName == "client:" + id).ToListAsync(Ct);
            Assert.Contains(calls, r => r.Detail == $"GET /api/v1/dossiers/{code}" && r.Subject == "200");
            Assert.Contains(calls, r => r.Detail == "GET /api/v1/indicators" && r.Subject == "403");
            Assert.Contains(calls, r => r.Detail == "POST /api/v1/dossiers/" + code + "/actions" && r.Subject == "403");
            Assert.Equal(9, calls.Count);
            Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKind.ClientToken && r.Subject == id, Ct));
            Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKind.ClientRegistered && r.Subject == id && r.UserName == "admin", Ct));
            // Only the hash of the secret is stored.
            var stored = await db.ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == id, Ct);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored.SecretHash);
        }

        // Rotation: the old secret and the tokens issued under it stop; the new secret works.
        string newSecret;
        using (var scope = app.Services.CreateScope())
        {
            var rotated = Assert.IsType<RotateApiClientSecret.Rotated>(await scope.ServiceProvider.GetRequiredService<RotateApiClientSecret>().HandleAsync(id, "admin", null, Ct));
            newSecret = rotated.Secret;
        }

        Assert.NotEqual(secret, newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(id, secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/dossiers/{code}", Ct)).StatusCode);
        var renewed = await BearerAsync(id, newSecret);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync($"/api/v1/dossiers/{code}", Ct)).StatusCode);

        // Revocation: the live token is refused from the next request, and no new token is issued.
        using (var scope = app.Services.CreateScope())
        {
            Assert.IsType<RevokeApiClient.Done>(await scope.ServiceProvider.GetRequiredService<RevokeApiClient>().HandleAsync(id, "admin", null, Ct));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.GetAsync($"/api/v1/dossiers/{code}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(id, newSecret)).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKind.ClientRevoked && r.Subject == id, Ct));
            Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKind.ClientCall && r.UserName == "client:" + id && r.Subject == "401", Ct));
        }
    }

    [Fact]
    public async Task A_client_with_dossiers_write_receives_and_acts_as_its_units_desk_and_is_named_in_the_history()
    {
        app.Clock.SetUtcNow(Today);
        var (id, secret) = await RegisterAsync("56.BACAI", ClientScopes.DossiersRead, ClientScopes.DossiersWrite);
        var (readerId, readerSecret) = await RegisterAsync("56.BACAI", ClientScopes.DossiersRead);
        var writer = await BearerAsync(id, secret);
        var reader = await BearerAsync(readerId, readerSecret);

        // The public catalogue is open to any client; writing needs dossiers:write.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/procedures/" + Certification, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReceiveAsync(reader, "56.BACAI", channel: "online")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/files", new MultipartFormDataContent(), Ct)).StatusCode);

        // Outside its unit: refused like a desk officer of another commune.
        Assert.Equal(HttpStatusCode.BadRequest, (await ReceiveAsync(writer, "56.BACAIDONG", channel: "online")).StatusCode);

        var fileId = await UploadAsync(writer);
        var procedure = await ProcedureAsync(writer, Certification);
        var documents = procedure.GetProperty("documents").EnumerateArray()
            .Select(d => (object)new { name = d.GetProperty("name").GetString(), kind = "original", count = 1, fileId }).ToArray();
        var response = await ReceiveAsync(writer, "56.BACAI", channel: "online", documents: documents);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        var code = body.GetProperty("code").GetString()!;
        await ActOkAsync(writer, code, new { action = "accept" });

        var history = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}/history", Ct);
        Assert.All(history.EnumerateArray(), e => Assert.Equal("Nền tảng chia sẻ dữ liệu tỉnh (LGSP)", e.GetProperty("actor").GetString()));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKind.ClientCall && r.UserName == "client:" + id && r.Detail == "POST /api/v1/dossiers" && r.Subject == "201", Ct));
    }

    [Fact]
    public async Task Registration_refuses_unknown_units_and_scopes()
    {
        app.Clock.SetUtcNow(Today);
        using var scope = app.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<RegisterApiClient>();
        var invalid = Assert.IsType<RegisterApiClient.Invalid>(await handler.HandleAsync(new("", "XXX", ["admin:all"]), "admin", null, Ct));
        Assert.Equal(["name", "scopes", "unitCode"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
