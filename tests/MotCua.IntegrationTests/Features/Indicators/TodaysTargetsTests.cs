using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Indicators;

/// <summary>
/// Issue 20 items 4 and 5: today's commune sees its 2026 targets and gaps beside the indicators, and its figures can
/// include the history of the communes it was merged from, summed exactly.
/// </summary>
public sealed class TodaysTargetsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Line(string code, string unit, string channel, string received, string due, string? finished, bool routed = true, int? rating = null) =>
        JsonSerializer.Serialize(new
        {
            code,
            procedureCode = "2.000815",
            unitCode = unit,
            channel,
            receivedAt = received,
            dueDate = due,
            finishedAt = finished,
            finishKind = finished is null ? null : "approved",
            returnedAt = finished,
            routedElectronically = routed,
            rating,
        });

    private async Task<HttpClient> ImportAsync(params string[] lines)
    {
        _ = app.Services;
        app.Clock.SetUtcNow(Today);
        var admin = await app.ClientFor("admin");
        var response = await admin.PostAsync("/api/v1/dossiers/import", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), Ct);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, result.ToString());
        Assert.Equal(lines.Length, result.GetProperty("imported").GetInt64());
        return admin;
    }

    [Fact]
    public async Task Xa_Bac_Ai_gets_per_indicator_the_2026_target_its_plan_and_the_gap_from_the_measured_value()
    {
        await ImportAsync(
            Line("T26-1", "56.BACAI", "online", "2026-02-02", "2026-02-05", "2026-02-04", rating: 5),
            Line("T26-2", "56.BACAI", "online", "2026-03-02", "2026-03-05", "2026-03-05", rating: 5),
            Line("T26-3", "56.BACAI", "direct", "2026-04-01", "2026-04-03", "2026-04-03", routed: false, rating: 4),
            Line("T26-4", "56.BACAI", "direct", "2026-05-04", "2026-05-06", "2026-05-11", rating: 2));
        var leader = await app.ClientFor("lanhdao.bacai");

        var report = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators?unit=56.BACAI&from=2026-01-01&to=2026-12-31", Ct);
        var indicators = report.GetProperty("indicators");
        var targets = report.GetProperty("targets");
        Assert.Equal(4, report.GetProperty("received").GetInt64());

        // 3 of 4 on time against "100 % đúng hạn" (§III.2): not met, 25 points short.
        var onTime = targets.GetProperty("onTimeRate");
        Assert.Equal(0.75, indicators.GetProperty("onTimeRate").GetDouble(), 9);
        Assert.Equal("III.2.2c", onTime.GetProperty("planTargetCode").GetString());
        Assert.Equal(1.0, onTime.GetProperty("planTarget").GetDouble(), 9);
        Assert.Equal("≥", onTime.GetProperty("comparisonSymbol").GetString());
        Assert.Equal(0.25, onTime.GetProperty("planGap").GetDouble(), 9);
        Assert.False(onTime.GetProperty("met").GetBoolean());
        Assert.Equal(2026, onTime.GetProperty("year").GetInt32());
        Assert.Equal(2026, onTime.GetProperty("planPeriodFrom").GetInt32());
        Assert.Equal(2026, onTime.GetProperty("planPeriodTo").GetInt32());
        Assert.Contains("Xã Bác Ái", onTime.GetProperty("planTitle").GetString(), StringComparison.Ordinal);

        // 2 of 4 online against "tối thiểu 50 %": met exactly, no gap.
        var online = targets.GetProperty("onlineRate");
        Assert.Equal(0.5, indicators.GetProperty("onlineRate").GetDouble(), 9);
        Assert.Equal(0.5, online.GetProperty("planTarget").GetDouble(), 9);
        Assert.True(online.GetProperty("met").GetBoolean());
        Assert.Equal(0, online.GetProperty("planGap").GetDouble(), 9);

        // 3 of 4 rated good against "trên 90 %": the strict comparison is kept.
        var satisfaction = targets.GetProperty("satisfactionRate");
        Assert.Equal(0.75, indicators.GetProperty("satisfactionRate").GetDouble(), 9);
        Assert.Equal(">", satisfaction.GetProperty("comparisonSymbol").GetString());
        Assert.False(satisfaction.GetProperty("met").GetBoolean());
        Assert.Equal(0.15, satisfaction.GetProperty("planGap").GetDouble(), 9);

        // Electronic routing: the "cấp xã" 60 % target is preferred to the level-free 80 % one; 3 of 4 routed electronically.
        var routing = targets.GetProperty("electronicRoutingRate");
        Assert.Equal("11b", routing.GetProperty("planTargetCode").GetString());
        Assert.Equal(0.6, routing.GetProperty("planTarget").GetDouble(), 9);
        Assert.True(routing.GetProperty("met").GetBoolean());

        // Reuse: a target (80 %) and a measured 0 of 4.
        Assert.Equal(0.8, targets.GetProperty("reuseRate").GetProperty("planGap").GetDouble(), 9);

        var page = await PageClient.SignedInAsync(app, "lanhdao.bacai");
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/Indicators?unit=56.BACAI&from=2026-01-01&to=2026-12-31", Ct));
        var onTimeRow = html[html.IndexOf("data-indicator=\"onTimeRate\"", StringComparison.Ordinal)..];
        onTimeRow = onTimeRow[..onTimeRow.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("III.2.2c · 2026", onTimeRow, StringComparison.Ordinal);
        Assert.Contains("≥ 100", onTimeRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Including_predecessors_sums_the_three_old_communes_and_the_new_one_exactly()
    {
        var admin = await ImportAsync(
            Line("P-22801-1", "22801", "direct", "2025-03-03", "2025-03-06", "2025-03-05"),
            Line("P-22801-2", "22801", "online", "2025-04-01", "2025-04-03", "2025-04-08"),
            Line("P-22804-1", "22804", "postal", "2025-05-05", "2025-05-07", "2025-05-07", routed: false),
            Line("P-22795-1", "22795", "direct", "2025-06-02", "2025-06-04", null),
            Line("P-BACAI-1", "56.BACAI", "online", "2025-09-03", "2025-09-05", "2025-09-05"),
            Line("P-BACAI-2", "56.BACAI", "direct", "2025-10-01", "2025-10-03", "2025-10-10"),
            // Another lineage: Phước Bình went to Bác Ái Tây and must not count.
            Line("P-22783-1", "22783", "direct", "2025-03-03", "2025-03-06", "2025-03-05"));
        const string period = "from=2025-01-01&to=2025-12-31";

        async Task<JsonElement> Report(HttpClient c, string unit, bool withPredecessors = false) =>
            await c.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?unit={unit}&{period}" + (withPredecessors ? "&includePredecessors=true" : ""), Ct);

        var leader = await app.ClientFor("lanhdao.bacai");
        var own = await Report(leader, "56.BACAI");
        var all = await Report(leader, "56.BACAI", withPredecessors: true);
        Assert.Equal(2, own.GetProperty("received").GetInt64());
        Assert.Empty(own.GetProperty("includedPredecessors").EnumerateArray());
        Assert.Equal(["22795", "22801", "22804"], all.GetProperty("includedPredecessors").EnumerateArray().Select(u => u.GetProperty("code").GetString()));

        var parts = new List<JsonElement> { own };
        foreach (var old in new[] { "22801", "22804", "22795" })
        {
            parts.Add(await Report(admin, old));
        }

        // Every count of the combined report is the sum of the four units' own counts.
        foreach (var count in all.GetProperty("counts").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
        {
            Assert.Equal(parts.Sum(p => p.GetProperty("counts").GetProperty(count.Name).GetInt64()), count.Value.GetInt64());
        }

        Assert.Equal(6, all.GetProperty("received").GetInt64());
        var counts = all.GetProperty("counts");
        Assert.Equal(5, counts.GetProperty("finished").GetInt64());
        Assert.Equal(3, counts.GetProperty("finishedOnTime").GetInt64());
        Assert.Equal(2.0 / 6, all.GetProperty("indicators").GetProperty("onlineRate").GetDouble(), 9);

        var page = await PageClient.SignedInAsync(app, "lanhdao.bacai");
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/Indicators?unit=56.BACAI&{period}&includePredecessors=true", Ct));
        Assert.Contains("data-testid=\"predecessors\"", html, StringComparison.Ordinal);
        Assert.Contains("Xã Phước Đại (22801)", html, StringComparison.Ordinal);
    }
}
