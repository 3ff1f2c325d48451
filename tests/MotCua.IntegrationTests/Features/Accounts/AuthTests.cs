using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Accounts;

public sealed class AuthTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string> DemoAccounts => new()
    {
        { "admin", "admin" },
        { "lanhdao", "leader" },
        { "motcua", "desk" },
        { "chuyenvien", "specialist" },
        { "noivu", "reform" },
        { "motcua.phuocbinh", "desk" },
        { "motcua.phuoctien", "desk" },
        { "congdan", "citizen" },
    };

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Every_demo_account_gets_a_token_with_its_role(string userName, string role)
    {
        var client = await app.ClientFor(userName);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(userName, me.GetProperty("username").GetString());
        Assert.Contains(role, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Token_answers_expiry_and_wrong_password_is_401()
    {
        var client = app.CreateClient();
        var ok = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "noivu", password = AppFactory.DemoPassword }, TestContext.Current.CancellationToken);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > app.Clock.GetUtcNow());

        var bad = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "noivu", password = "sai-mat-khau" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var own = new AppFactory(); // the lock would leak into the other tests of this class
        var client = own.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "motcua.phuoctien", password = "wrong-" + i }, TestContext.Current.CancellationToken);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "motcua.phuoctien", password = AppFactory.DemoPassword }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        var client = await app.ClientFor("chuyenvien");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(9));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode);
    }
}
