using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.ReformPlan;

public sealed class LiveTargetTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Line(string code, string unit, string channel, string received, bool routed, long fee = 0, bool paidOnline = false) =>
        JsonSerializer.Serialize(new
        {
            code,
            procedureCode = "2.000815",
            unitCode = unit,
            channel,
            receivedAt = received,
            dueDate = received,
            finishedAt = received,
            finishKind = "approved",
            feeVnd = fee,
            paidOnline,
            routedElectronically = routed,
        });

    [Fact]
    public async Task Targets_measured_by_an_indicator_show_the_live_value_per_level_in_the_target_unit()
    {
        var admin = await app.ClientFor("admin");
        // The plan ran 2022–2023 and the clock is in 2025: its last year, 2023, is measured in full.
        var lines = new[]
        {
            Line("LIVE-C1", "22783", "postal", "2023-03-01", routed: true, fee: 20000, paidOnline: true),
            Line("LIVE-C2", "22783", "postal", "2023-04-03", routed: true, fee: 20000),
            Line("LIVE-C3", "22783", "direct", "2023-05-02", routed: true, fee: 20000),
            Line("LIVE-C4", "22783", "online", "2023-06-01", routed: false),
            Line("LIVE-D1", "584", "direct", "2023-07-03", routed: true, fee: 20000),
            Line("LIVE-D2", "584", "direct", "2023-08-01", routed: false),
            Line("LIVE-B1", "22783", "postal", "2021-05-03", routed: false),
            Line("LIVE-X1", "22783", "postal", "2024-05-03", routed: false),
        };
        var import = await admin.PostAsync("/api/v1/dossiers/import", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), Ct);
        var result = await import.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(import.IsSuccessStatusCode, result.ToString());
        Assert.Equal(8, result.GetProperty("imported").GetInt64());

        var noivu = await app.ClientFor("noivu");
        var created = await noivu.PostAsJsonAsync("/api/v1/plans", new { title = "Kế hoạch thử 2022–2023", issuingUnitCode = "584", periodFrom = 2022, periodTo = 2023 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        async Task Target(string code, string key, string unit, string? scope = null, int? baseYear = null)
        {
            var r = await noivu.PostAsJsonAsync($"/api/v1/plans/{planId}/targets",
                new { code, text = "Chỉ tiêu " + code, value = 50, unit, comparison = "at-least", year = 2023, baseYear, scope, indicatorKey = key }, Ct);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }

        await Target("R", "electronicRoutingRate", "%");
        await Target("R-huyen", "electronicRoutingRate", "%", "district");
        await Target("R-xa", "electronicRoutingRate", "%", "commune");
        await Target("P", "onlinePaymentRate", "%");
        await Target("B", "postalGrowth", "%/năm", baseYear: 2021);
        await Target("S", "satisfactionRate", "%");
        await Target("Q", "payableOnlineProcedureShare", "%");

        var targets = (await noivu.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/targets", Ct))!;
        (string?, decimal?) Current(string code)
        {
            var t = targets.Single(x => x.GetProperty("code").GetString() == code);
            var c = t.GetProperty("current");
            return (t.GetProperty("currentSource").GetString(), c.ValueKind == JsonValueKind.Null ? null : c.GetDecimal());
        }

        Assert.Equal(("indicator", 66.67m), Current("R"));
        Assert.Equal(("indicator", 50m), Current("R-huyen"));
        Assert.Equal(("indicator", 75m), Current("R-xa"));
        Assert.Equal(("indicator", 25m), Current("P"));
        // Two postal dossiers in 2023 against one in the same period of 2021: √2 − 1 a year.
        Assert.Equal(("indicator", 41.42m), Current("B"));
        Assert.Equal(("none", null), Current("S"));
        var dashboard = await admin.GetFromJsonAsync<JsonElement>("/api/v1/indicators?from=2023-01-01&to=2023-12-31&unit=584", Ct);
        var share = dashboard.GetProperty("indicators").GetProperty("payableOnlineProcedureShare").GetDecimal();
        Assert.Equal(("indicator", Math.Round(share * 100, 2)), Current("Q"));
        var gap = targets.Single(x => x.GetProperty("code").GetString() == "P").GetProperty("gap").GetDecimal();
        Assert.Equal(25m, gap);
    }
}
