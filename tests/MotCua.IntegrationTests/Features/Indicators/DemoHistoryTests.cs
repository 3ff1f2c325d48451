using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Indicators;

public sealed class DemoHistoryFactory : AppFactory
{
    public DemoHistoryFactory() => Settings["Demo:HistoryDossiers"] = "400";
}

public sealed class DemoHistoryTests(DemoHistoryFactory app) : IClassFixture<DemoHistoryFactory>
{
    [Fact]
    public async Task A_fresh_demo_shows_invented_history_on_the_dashboard_loaded_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await app.ClientFor("admin");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var url = $"/api/v1/indicators?from={today.Year - 2}-01-01&to={today:yyyy-MM-dd}";
        var report = await admin.GetFromJsonAsync<JsonElement>(url, ct);
        Assert.Equal(400, report.GetProperty("received").GetInt64());
        Assert.Equal(JsonValueKind.Number, report.GetProperty("indicators").GetProperty("onTimeRate").ValueKind);

        // A second start over the same database adds nothing.
        await MotCua.Web.Features.Demo.DemoSeed.SeedAsync(app.Services, ct: ct);
        Assert.Equal(400, (await admin.GetFromJsonAsync<JsonElement>(url, ct)).GetProperty("received").GetInt64());
    }
}
