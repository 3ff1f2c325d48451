using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Indicators;

public sealed class PublicStatisticsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Public_statistics_count_the_dossiers_received_in_the_year()
    {
        var ct = TestContext.Current.CancellationToken;
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 3, 2, 0, 0, TimeSpan.Zero));
        var anonymous = app.CreateClient();
        var before = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public-statistics?year=2025", ct);

        await ReceivedAsync(await app.ClientFor("motcua.phuocbinh"), "22783");
        var after = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public-statistics?year=2025", ct);
        var nextYear = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public-statistics?year=2026", ct);

        Assert.Equal(before.GetProperty("received").GetInt32() + 1, after.GetProperty("received").GetInt32());
        Assert.True(after.GetProperty("byStatus").GetProperty("Received").GetInt32() >= 1);
        Assert.False(after.GetProperty("fromStandby").GetBoolean());
        Assert.Equal(0, nextYear.GetProperty("received").GetInt32());
    }

    [Fact]
    public async Task An_impossible_year_is_a_validation_problem()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/public-statistics?year=1800", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_read_only_context_refuses_to_save()
    {
        var readOnly = app.Services.GetRequiredService<ReadOnlyDb>();
        await using var db = readOnly.Create();
        db.CalendarChanges.Add(new() { Reason = "x", ChangedBy = "test" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
}
