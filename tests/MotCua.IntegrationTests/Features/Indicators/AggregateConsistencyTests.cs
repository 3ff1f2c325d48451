using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Indicators;
using MotCua.Testing;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Indicators;

public sealed class AggregateConsistencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Actions =
    [
        "forward", "request-supplement", "receive-supplement", "submit-for-approval", "approve", "refuse", "stop", "withdraw",
        "record-result", "return-result", "request-fee", "confirm-fee",
    ];

    [Fact]
    public async Task Incremental_aggregates_equal_a_rebuild_from_the_dossiers_after_random_actions()
    {
        var ct = TestContext.Current.CancellationToken;
        var rng = new Random(77);
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero));
        var clients = new[] { await app.ClientFor("motcua"), await app.ClientFor("chuyenvien"), await app.ClientFor("lanhdao") };
        var commune = await app.ClientFor("motcua.phuocbinh");
        async Task SignInAgainAsync()
        {
            // Tokens expire as the test clock moves on.
            clients = [await app.ClientFor("motcua"), await app.ClientFor("chuyenvien"), await app.ClientFor("lanhdao")];
            commune = await app.ClientFor("motcua.phuocbinh");
        }

        List<string> codes = [];
        var done = 0;
        for (var step = 0; step < 160; step++)
        {
            if (rng.Next(4) == 0 || codes.Count == 0)
            {
                var (client, unit) = rng.Next(3) == 0 ? (commune, "22783") : (clients[0], "584.MC");
                var channel = rng.Next(4) == 0 ? "postal" : "direct";
                var r = await ReceiveAsync(client, unit, channel: channel, tracking: channel == "postal" ? "EB1234" : null);
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
                codes.Add((await r.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString()!);
                continue;
            }

            var code = codes[rng.Next(codes.Count)];
            var action = Actions[rng.Next(Actions.Length)];
            var actor = code.StartsWith("22783", StringComparison.Ordinal) ? commune : clients[rng.Next(clients.Length)];
            var response = await ActAsync(actor, code, new
            {
                action,
                note = "Ghi chú kiểm thử",
                toUnitCode = code.StartsWith("22783", StringComparison.Ordinal) ? "22783" : "584.TCKH",
                resultFileId = action == "record-result" ? await UploadAsync(actor, name: "ket-qua.pdf") : null,
                returnChannel = "desk",
            });
            done += response.IsSuccessStatusCode ? 1 : 0;
            if (rng.Next(5) == 0)
            {
                await SetFactsDirectlyAsync(code, rng);
            }

            if (rng.Next(6) == 0)
            {
                app.Clock.Advance(TimeSpan.FromDays(rng.Next(1, 5)));
                await SignInAgainAsync();
            }
        }

        Assert.True(done > 15, $"only {done} actions succeeded");
        var incremental = await RowsAsync();
        Assert.NotEmpty(incremental);
        using (var scope = app.Services.CreateScope())
        {
            await RebuildAggregates.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        }

        var rebuilt = await RowsAsync();
        Assert.Equal(rebuilt, incremental);
    }

    [Fact]
    public async Task Indicator_endpoint_equals_the_definitions_applied_to_the_dossiers_of_the_subtree()
    {
        var ct = TestContext.Current.CancellationToken;
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 5, 1, 2, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 6; i++)
        {
            var desk = await app.ClientFor("motcua");
            var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
            if (i % 2 == 0)
            {
                await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
            }

            await SetFactsDirectlyAsync(code, new Random(i));
            app.Clock.Advance(TimeSpan.FromDays(3));
        }

        app.Clock.Advance(TimeSpan.FromDays(40));
        var leader = await app.ClientFor("lanhdao");
        foreach (var (from, to) in new[] { ("2025-01-01", "2025-12-31"), ("2025-05-01", "2025-05-10"), ("2025-03-01", "2025-05-31") })
        {
            var json = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?from={from}&to={to}&unit=584", ct);
            var f = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
            var z = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
            var expected = IndicatorSet.From(IndicatorCounts.FromDossiers(await FactsAsync("58/584/"), f, z));
            Assert.Equal(IndicatorCounts.FromDossiers(await FactsAsync("58/584/"), f, z).Received, json.GetProperty("received").GetInt64());
            var indicators = json.GetProperty("indicators");
            foreach (var (key, value) in expected.ByKey().Where(k => !k.Key.Contains("Procedure", StringComparison.Ordinal) && k.Key != "postalGrowth"))
            {
                var actual = indicators.GetProperty(key);
                if (value is null)
                {
                    Assert.Equal(JsonValueKind.Null, actual.ValueKind);
                }
                else
                {
                    Assert.Equal(value.Value, actual.GetDouble(), 9);
                }
            }

            // Every drill-down list has as many dossiers as the number it explains.
            var counts = IndicatorCounts.FromDossiers(await FactsAsync("58/584/"), f, z);
            Assert.Equal(counts.Population, await DrillTotalAsync(leader, "onTimeRate", "population", from, to));
            Assert.Equal(counts.Population - counts.OnTime, await DrillTotalAsync(leader, "onTimeRate", "late", from, to));
            Assert.Equal(counts.ReceivedOnline, await DrillTotalAsync(leader, "onlineRate", "numerator", from, to));
            Assert.Equal(counts.Digitized, await DrillTotalAsync(leader, "digitizationRate", "numerator", from, to));
            Assert.Equal(counts.FeeBearing, await DrillTotalAsync(leader, "onlinePaymentRate", "denominator", from, to));
            Assert.Equal(counts.Rated, await DrillTotalAsync(leader, "satisfactionRate", "denominator", from, to));
            Assert.Equal(counts.TransferredBetweenUnits, await DrillTotalAsync(leader, "electronicRoutingRate", "denominator", from, to));
            Assert.Equal(counts.RoutedElectronically, await DrillTotalAsync(leader, "electronicRoutingRate", "numerator", from, to));
            Assert.Equal(counts.Identified, await DrillTotalAsync(leader, "identifiedRate", "numerator", from, to));
            Assert.Equal(counts.Received - counts.Identified, await DrillTotalAsync(leader, "identifiedRate", "complement", from, to));
        }
    }

    [Fact]
    public async Task Indicators_refuse_bad_dates_unknown_units_and_units_outside_the_callers_subtree()
    {
        var ct = TestContext.Current.CancellationToken;
        var commune = await app.ClientFor("motcua.phuocbinh");
        foreach (var query in new[] { "from=2025-13-01", "from=2025-05-01&to=2025-04-01", "unit=NOPE", "unit=584", "breakdown=street", "by=week" })
        {
            var response = await commune.GetAsync($"/api/v1/indicators?{query}", ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.OK, (await commune.GetAsync("/api/v1/indicators?unit=22783", ct)).StatusCode);
        var citizen = await app.ClientFor("congdan");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/indicators", ct)).StatusCode);
    }

    private static async Task<long> DrillTotalAsync(HttpClient client, string indicator, string part, string from, string to) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/dossiers?indicator={indicator}&part={part}&from={from}&to={to}&unit=584", TestContext.Current.CancellationToken))
            .GetProperty("total").GetInt64();

    private async Task SetFactsDirectlyAsync(string code, Random rng)
    {
        // What the portal, payment and feedback features do to a dossier: plain EF updates the hook must see.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var d = await db.Dossiers.SingleAsync(x => x.Code == code, TestContext.Current.CancellationToken);
        d.Rating = rng.Next(3) == 0 ? null : rng.Next(1, 6);
        d.PaidOnline = rng.Next(2) == 0;
        d.FeeVnd = rng.Next(2) == 0 ? 0 : 20_000;
        d.Digitized = rng.Next(2) == 0;
        d.Complaint = rng.Next(5) == 0;
        d.ElectronicResult = rng.Next(2) == 0;
        d.ReusedDocuments = rng.Next(2);
        d.RoutedElectronically = rng.Next(3) switch { 0 => null, 1 => false, _ => true };
        d.IdentityVerified = rng.Next(2) == 0;
        d.ReturnedOn ??= rng.Next(3) == 0 ? d.ReceivedOn.AddDays(5) : null;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<DossierFacts>> FactsAsync(string path)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.Pauses).Where(d => d.ReceivingUnitPath.StartsWith(path)).ToListAsync(TestContext.Current.CancellationToken);
        return [.. dossiers.Select(d => AggregateContribution.FactsOf(d, d.Pauses.Where(p => p.To == null).Select(p => (DateOnly?)p.From).Min())).OfType<DossierFacts>()];
    }

    private async Task<List<string>> RowsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.IndicatorAggregates.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows.Where(r => !r.ToVector().IsZero)
            .Select(r => $"{r.ProcedureCode}|{r.Grain}|{r.Day:yyyy-MM-dd}|{r.UnitPath}|{string.Join(',', r.ToVector().ToArray())}")
            .Order(StringComparer.Ordinal)];
    }
}
