using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;
using static MotCua.IntegrationTests.Features.Procedures.CatalogueClient;

namespace MotCua.IntegrationTests.Features.Procedures;

/// <summary>Moves the clock forward, so it keeps its own app.</summary>
public sealed class VersioningTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static object EditOf(JsonElement p, int days, long fee) => new
    {
        name = p.Str("name"),
        field = p.Str("field"),
        levels = string.Join(';', p.GetProperty("levels").EnumerateArray().Select(l => l.GetString())),
        processingDays = days,
        onlineMode = "full",
        fees = new[] { new { kind = "fixed", name = "Lệ phí", amount = fee } },
        documents = p.GetProperty("documents").EnumerateArray().Select(d => new { name = d.Str("name"), kind = d.Str("kind"), count = d.Int("count") }),
        steps = new[]
        {
            new { name = "Tiếp nhận", unitKind = "commune", role = "desk", workingDays = 1 },
            new { name = "Xử lý", unitKind = "commune", role = "specialist", workingDays = days - 1 },
        },
    };

    [Fact]
    public async Task An_edit_creates_version_2_and_a_past_date_still_returns_version_1()
    {
        var anonymous = app.CreateClient();
        var v1 = await GetJsonAsync(anonymous, "/api/v1/procedures/1.001193");
        Assert.Equal(1, v1.Int("versionNo"));
        Assert.Equal("2021-01-01", v1.Str("validFrom")); // the demo catalogue serves the whole plan period

        app.Clock.SetUtcNow(new DateTimeOffset(2025, 7, 9, 18, 30, 0, TimeSpan.Zero)); // 01:30 on 10/07 local
        var admin = await app.ClientFor("admin");
        var response = await admin.PutAsJsonAsync("/api/v1/procedures/1.001193", EditOf(v1, 4, 9000), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var v2 = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(2, v2.Int("versionNo"));
        Assert.Equal("2025-07-10", v2.Str("validFrom"));
        Assert.NotEqual(v1.Int("id"), v2.Int("id"));

        var current = await GetJsonAsync(anonymous, "/api/v1/procedures/1.001193");
        Assert.Equal((2, 4), (current.Int("versionNo"), current.Int("processingDays")));
        var past = await GetJsonAsync(anonymous, "/api/v1/procedures/1.001193?on=2025-07-09");
        Assert.Equal(v1.Int("id"), past.Int("id"));
        Assert.Equal("2025-07-09", past.Str("validTo"));
        Assert.False(past.GetProperty("canReceive").GetBoolean());
        Assert.Equal(2, (await GetJsonAsync(anonymous, "/api/v1/procedures/1.001193?on=2025-07-10")).Int("versionNo"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/procedures/1.001193?on=2020-01-01", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/procedures/1.001193?on=10/07/2025", TestContext.Current.CancellationToken)).StatusCode);

        var search = await GetJsonAsync(anonymous, "/api/v1/procedures?q=dang%20ky%20khai%20sinh");
        Assert.Equal(v2.Int("id"), search.GetProperty("items")[0].Int("id"));
    }

    [Fact]
    public async Task A_changed_import_row_opens_a_new_version_and_closes_the_old()
    {
        var admin = await app.ClientFor("admin");
        await ImportOkAsync(admin, Header + "\nT.400001,Thủ tục đổi phí,Thử nghiệm,xã,3,1000,,Đơn [1 bản chính],\n");
        var before = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/T.400001");
        app.Clock.Advance(TimeSpan.FromDays(40));
        admin = await app.ClientFor("admin");
        var result = await ImportOkAsync(admin, Header + "\nT.400001,Thủ tục đổi phí,Thử nghiệm,xã,3,2000,,Đơn [1 bản chính],\n");
        Assert.Equal((0, 1, 0), (result.Int("imported"), result.Int("updated"), result.Int("skipped")));

        var after = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/T.400001");
        Assert.Equal(2, after.Int("versionNo"));
        Assert.Equal(2000, after.GetProperty("fees")[0].GetProperty("amount").GetInt64());
        var old = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/T.400001?on=" + before.Str("validFrom"));
        Assert.Equal(before.Int("id"), old.Int("id"));
        Assert.Equal(1000, old.GetProperty("fees")[0].GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task Invalid_edits_get_Vietnamese_field_messages_and_only_administrators_edit()
    {
        var v = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/2.000908");
        var leader = await app.ClientFor("lanhdao");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync("/api/v1/procedures/2.000908", EditOf(v, 3, 0), TestContext.Current.CancellationToken)).StatusCode);

        var admin = await app.ClientFor("admin");
        var bad = await admin.PutAsJsonAsync("/api/v1/procedures/2.000908", new
        {
            name = "",
            processingDays = 2,
            fees = new[] { new { kind = "fixed", name = "Lệ phí", amount = -5 } },
            steps = new[] { new { name = "Xử lý", unitKind = "commune", role = "specialist", workingDays = 5 } },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Contains("Tên thủ tục", errors.GetProperty("Name")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("Fees[0].Amount", out _));
        Assert.Equal(1, (await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/2.000908")).Int("versionNo"));

        var created = await admin.PostAsJsonAsync("/api/v1/procedures", new { code = "2.000908", name = "Trùng mã" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/procedures/9.999999", EditOf(v, 3, 0), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_demo_catalogue_does_not_depend_on_the_day_it_was_seeded()
    {
        using var late = new AppFactory();
        late.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)); // seeded long after the dossiers below
        var desk = await late.ClientFor("motcua.phuocbinh");

        late.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 3, 2, 0, 0, TimeSpan.Zero));
        var response = await Dossiers.DossierApi.ReceiveAsync(desk, "22783");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
