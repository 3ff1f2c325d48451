using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.ReformPlan;

public sealed class ReportsTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement[]> Late(HttpClient client, string on) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/reform/reports/late?on={on}", Ct))!;

    private static bool Has(JsonElement[] rows, string unit, string kind, int period) =>
        rows.Any(r => r.GetProperty("unitCode").GetString() == unit && r.GetProperty("kind").GetString() == kind && r.GetProperty("period").GetInt32() == period);

    private static MultipartFormDataContent Report(string kind, int year, int period, string text, string? fileName = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
            { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year" },
            { new StringContent(period.ToString(System.Globalization.CultureInfo.InvariantCulture)), "period" },
            { new StringContent(text), "text" },
        };
        if (fileName is not null)
        {
            form.Add(new ByteArrayContent("Biên bản họp giao ban CCHC quý I"u8.ToArray()), "files", fileName);
        }

        return form;
    }

    [Fact]
    public async Task Late_report_appears_in_the_late_list_and_disappears_once_submitted()
    {
        var noivu = await app.ClientFor("noivu");
        var before = await Late(noivu, "2025-04-01");
        Assert.True(Has(before, "22783", "quarterly", 1));
        Assert.True(Has(before, "584.TP", "quarterly", 1));
        Assert.False(Has(before, "584.NV", "quarterly", 1));
        Assert.False(Has(before, "22783", "quarterly", 2));
        Assert.Equal(12, before.Single(r => r.GetProperty("unitCode").GetString() == "22783" && r.GetProperty("kind").GetString() == "quarterly").GetProperty("daysLate").GetInt32());

        var commune = await app.ClientFor("motcua.phuocbinh");
        var submitted = await commune.PostAsync("/api/v1/reform/reports", Report("quarterly", 2025, 1, "Kết quả CCHC quý I/2025", "bien-ban.txt"), Ct);
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync(Ct));
        var report = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(report.GetProperty("late").GetBoolean());
        var sha = report.GetProperty("files")[0].GetProperty("sha256").GetString();

        var after = await Late(noivu, "2025-04-01");
        Assert.False(Has(after, "22783", "quarterly", 1));
        Assert.True(Has(after, "584.TP", "quarterly", 1));

        // The evidence is stored by content and readable back by Phòng Nội vụ.
        Assert.Equal("Biên bản họp giao ban CCHC quý I", await noivu.GetStringAsync($"/api/v1/reform/files/{sha}", Ct));

        // Returned reports count as missing again.
        var review = await noivu.PostAsJsonAsync($"/api/v1/reform/reports/{report.GetProperty("id").GetInt32()}/review", new { accept = false, note = "Thiếu số liệu" }, Ct);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.True(Has(await Late(noivu, "2025-04-01"), "22783", "quarterly", 1));
    }

    [Fact]
    public async Task Commune_sees_only_its_own_late_reports_and_cannot_submit_twice()
    {
        var commune = await app.ClientFor("motcua.phuoctien");
        var late = await Late(commune, "2025-03-21");
        Assert.All(late, r => Assert.Equal("22792", r.GetProperty("unitCode").GetString()));
        Assert.True(Has(late, "22792", "monthly", 2));

        Assert.Equal(HttpStatusCode.Created, (await commune.PostAsync("/api/v1/reform/reports", Report("monthly", 2025, 2, "Báo cáo tháng 2"), Ct)).StatusCode);
        var again = await commune.PostAsync("/api/v1/reform/reports", Report("monthly", 2025, 2, "Báo cáo tháng 2"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var invalid = await commune.PostAsync("/api/v1/reform/reports", Report("monthly", 2025, 13, "x"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("period", await invalid.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_list_reports_due_within_the_configured_days()
    {
        var noivu = await app.ClientFor("noivu");
        var reminders = (await noivu.GetFromJsonAsync<JsonElement[]>("/api/v1/reform/reports/reminders?on=2025-06-16", Ct))!;
        Assert.True(Has(reminders, "22786", "quarterly", 2));
        Assert.True(Has(reminders, "22786", "six-month", 1));
        Assert.False(Has(reminders, "22786", "monthly", 6));
        Assert.Equal(HttpStatusCode.BadRequest, (await noivu.GetAsync("/api/v1/reform/reports/late?on=16-06-2025", Ct)).StatusCode);
    }
}
