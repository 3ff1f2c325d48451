using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Notifications;

namespace MotCua.IntegrationTests.Features.Portal;

public sealed class SignUpTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, string Id)> StartAsync(string idNumber, string phone)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Đàng Văn Sơn",
            idNumber,
            phone,
            channel = "sms",
            password = "Son@2025abc",
        }, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.DoesNotContain(phone, json.GetProperty("sentTo").GetString(), StringComparison.Ordinal);
        return (client, json.GetProperty("signUpId").GetString()!);
    }

    private static Task<HttpResponseMessage> VerifyAsync(HttpClient client, string id, string code) =>
        client.PostAsJsonAsync($"/api/v1/portal/sign-up/{id}/verify", new { code }, Ct);

    private static string WrongCode(string right) => right == "000000" ? "111111" : "000000";

    [Fact]
    public async Task The_code_from_the_outbox_creates_a_citizen_account_that_can_sign_in()
    {
        var (client, id) = await StartAsync("058095001111", "0905111111");
        var code = await app.LatestCodeAsync("0905111111");

        var verified = await VerifyAsync(client, id, code);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "058095001111", password = "Son@2025abc" }, Ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "058095001111", Ct));
        Assert.True(user.PhoneNumberConfirmed);
        Assert.False(user.ElectronicallyIdentified);
    }

    [Fact]
    public async Task Only_a_salted_hash_of_the_code_is_stored()
    {
        var (_, id) = await StartAsync("058095002222", "0905222222");
        var code = await app.LatestCodeAsync("0905222222");

        var pending = await app.WithDbAsync(db => db.PendingSignUps.SingleAsync(p => p.Id == Guid.Parse(id), Ct));
        var stored = await app.WithDbAsync(db => db.Set<OneTimeCodeRecord>().SingleAsync(c => c.Id == pending.CodeId, Ct));

        Assert.DoesNotContain(code, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(64, stored.Hash.Length);
        Assert.DoesNotContain("Son@2025abc", pending.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_creates_no_account()
    {
        var (client, id) = await StartAsync("058095003333", "0905333333");
        var code = await app.LatestCodeAsync("0905333333");

        var wrong = await VerifyAsync(client, id, WrongCode(code));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var json = await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(4, json.GetProperty("attemptsLeft").GetInt32());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "058095003333", Ct)));
    }

    [Fact]
    public async Task An_expired_code_is_refused_even_when_right()
    {
        var (client, id) = await StartAsync("058095004444", "0905444444");
        var code = await app.LatestCodeAsync("0905444444");
        var codeId = await app.WithDbAsync(db => db.PendingSignUps.Where(p => p.Id == Guid.Parse(id)).Select(p => p.CodeId).SingleAsync(Ct));
        var created = await app.WithDbAsync(db => db.Set<OneTimeCodeRecord>().Where(c => c.Id == codeId).Select(c => c.ExpiresAtUtc).SingleAsync(Ct));
        await app.WithDbAsync(db => db.Set<OneTimeCodeRecord>().Where(c => c.Id == codeId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAtUtc, created.AddMinutes(-11)), Ct));

        var response = await VerifyAsync(client, id, code);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "058095004444", Ct)));
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_sign_up_even_for_the_right_code()
    {
        var (client, id) = await StartAsync("058095005555", "0905555555");
        var code = await app.LatestCodeAsync("0905555555");

        var wrong = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => VerifyAsync(client, id, WrongCode(code))));
        var right = await VerifyAsync(client, id, code);

        Assert.Equal(5, wrong.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(3, wrong.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "058095005555", Ct)));
    }

    [Fact]
    public async Task A_resent_code_replaces_the_old_one()
    {
        var (client, id) = await StartAsync("058095006666", "0905666666");
        var first = await app.LatestCodeAsync("0905666666");

        var resent = await client.PostAsync($"/api/v1/portal/sign-up/{id}/resend", null, Ct);
        var second = await app.LatestCodeAsync("0905666666");

        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        if (first != second)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await VerifyAsync(client, id, first)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(client, id, second)).StatusCode);
    }

    [Theory]
    [InlineData("citizen", "05809500123", null, "idNumber")]
    [InlineData("citizen", "999095001234", null, "idNumber")]
    [InlineData("business", null, "5800123457", "taxCode")]
    [InlineData("business", null, "58001234", "taxCode")]
    public async Task Identifiers_are_checked_before_any_code_is_sent(string type, string? idNumber, string? taxCode, string field)
    {
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = type,
            fullName = "Công ty TNHH Phước Bình",
            idNumber,
            taxCode,
            email = "lienhe@phuocbinh.example",
            channel = "email",
            password = "Cty@2025abc",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.ToString());
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == "lienhe@phuocbinh.example", Ct)));
    }

    [Fact]
    public async Task A_business_signs_up_with_a_valid_tax_code_by_email()
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "business",
            fullName = "HTX Nông nghiệp Phước Tiến",
            taxCode = "5800123458",
            email = "htx@phuoctien.example",
            channel = "email",
            password = "Htx@2025abc",
        }, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var verified = await VerifyAsync(client, json.GetProperty("signUpId").GetString()!, await app.LatestCodeAsync("htx@phuoctien.example"));

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "5800123458", Ct));
        Assert.Equal("5800123458", user.TaxCode);
        Assert.True(user.EmailConfirmed);
    }

    [Fact]
    public async Task An_id_that_already_has_an_account_is_told_to_sign_in()
    {
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Chamaléa Thị Dân",
            idNumber = "058090001234",
            phone = "0905777777",
            channel = "sms",
            password = "Dan@2025abc",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("idNumber", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_demo_password_is_refused()
    {
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Pinăng Thị Lan",
            idNumber = "058095008888",
            phone = "0905888888",
            channel = "sms",
            password = "MotCua@Demo2025",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("password", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
