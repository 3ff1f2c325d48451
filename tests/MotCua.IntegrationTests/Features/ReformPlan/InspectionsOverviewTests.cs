using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.ReformPlan;

public sealed class InspectionsOverviewTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Surprise_inspections_count_per_desk_against_the_target_of_two_and_feed_the_plan_target()
    {
        var noivu = await app.ClientFor("noivu");
        async Task Inspect(string unit, string on, string? held)
        {
            var r = await noivu.PostAsJsonAsync("/api/v1/reform/inspections", new { unitCode = unit, scheduledOn = on, heldOn = held, findings = "Niêm yết TTHC chưa đầy đủ" }, Ct);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }

        await Inspect("22783", "2025-03-10", "2025-03-10");
        await Inspect("22783", "2025-05-12", "2025-05-12");
        await Inspect("22792", "2025-04-02", "2025-04-02");
        await Inspect("22792", "2025-09-15", null);
        await Inspect("584.MC", "2024-11-05", "2024-11-05");

        var counts = (await noivu.GetFromJsonAsync<JsonElement[]>("/api/v1/reform/inspections/counts?year=2025", Ct))!;
        JsonElement Of(string code) => counts.Single(c => c.GetProperty("unitCode").GetString() == code);
        Assert.Equal((2, true), (Of("22783").GetProperty("held").GetInt32(), Of("22783").GetProperty("met").GetBoolean()));
        Assert.Equal((1, 2, false), (Of("22792").GetProperty("held").GetInt32(), Of("22792").GetProperty("scheduled").GetInt32(), Of("22792").GetProperty("met").GetBoolean()));
        Assert.Equal(0, Of("584.MC").GetProperty("held").GetInt32());

        var list = (await noivu.GetFromJsonAsync<JsonElement[]>("/api/v1/reform/inspections?year=2025", Ct))!;
        var id = list.First().GetProperty("id").GetInt32();
        var follow = await noivu.PostAsJsonAsync($"/api/v1/reform/inspections/{id}/follow-ups", new { action = "Niêm yết bổ sung", deadline = "2025-04-30" }, Ct);
        Assert.True((await follow.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("overdue").GetBoolean());

        Assert.Equal(HttpStatusCode.BadRequest, (await noivu.PostAsJsonAsync("/api/v1/reform/inspections", new { unitCode = "584.TP", scheduledOn = "2025-03-10" }, Ct)).StatusCode);
        var commune = await app.ClientFor("motcua.phuocbinh");
        Assert.Equal(HttpStatusCode.Forbidden, (await commune.PostAsJsonAsync("/api/v1/reform/inspections", new { unitCode = "22783", scheduledOn = "2025-03-10" }, Ct)).StatusCode);

        // The plan's target II.2 no. 4 is measured from these records: the weakest desk has 0 held this year.
        var plans = (await noivu.GetFromJsonAsync<JsonElement[]>("/api/v1/plans", Ct))!;
        var planId = plans.Single(p => p.GetProperty("issuingUnitCode").GetString() == "584").GetProperty("id").GetInt32();
        var target = (await noivu.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/targets", Ct))!.Single(t => t.GetProperty("code").GetString() == "4");
        Assert.Equal(0m, target.GetProperty("current").GetDecimal());
        Assert.Equal(2m, target.GetProperty("gap").GetDecimal());
        Assert.Equal("indicator", target.GetProperty("currentSource").GetString());
    }

    [Fact]
    public async Task Overview_lists_overdue_tasks_and_late_reports_by_unit_and_progress_per_section()
    {
        var lanhdao = await app.ClientFor("lanhdao");
        var o = await lanhdao.GetFromJsonAsync<JsonElement>("/api/v1/reform/overview?on=2025-06-03", Ct);
        var byUnit = o.GetProperty("byUnit").EnumerateArray().ToArray();
        var noiVu = byUnit.Single(u => u.GetProperty("unit").GetString() == "Phòng Nội vụ");
        Assert.True(noiVu.GetProperty("overdueTasks").GetInt32() > 0);
        Assert.Equal(0, noiVu.GetProperty("lateReports").GetInt32());
        Assert.True(byUnit.Single(u => u.GetProperty("unit").GetString() == "Xã Phước Bình").GetProperty("lateReports").GetInt32() > 0);

        // The detail behind the counts: each late report of Phước Bình with its due date and days late.
        var binhLate = o.GetProperty("lateReports").EnumerateArray().Where(r => r.GetProperty("unitName").GetString() == "Xã Phước Bình").ToArray();
        Assert.Equal(byUnit.Single(u => u.GetProperty("unit").GetString() == "Xã Phước Bình").GetProperty("lateReports").GetInt32(), binhLate.Length);
        var q1 = binhLate.Single(r => r.GetProperty("periodLabel").GetString() == "Quý 1/2025");
        Assert.Equal(("2025-03-20", 75), (q1.GetProperty("due").GetString(), q1.GetProperty("daysLate").GetInt32()));

        var sections = o.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("sectionCode").GetString()!).ToArray();
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VIII"], sections);
        var first = o.GetProperty("sections")[0];

        // Section I by 03/06/2025: I.1 (4 years), I.3 and I.4 (5 years each), I.5 (once) are due; nothing is done.
        Assert.Equal(15, first.GetProperty("dueSoFar").GetInt32());
        Assert.Equal(15, first.GetProperty("overdue").GetInt32());
        Assert.Equal(5, first.GetProperty("needsDate").GetInt32());

        var xlsx = await lanhdao.GetAsync("/api/v1/reform/overview.xlsx?on=2025-06-03", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var workbook = await xlsx.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("PK"u8.ToArray(), workbook[..2]);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(workbook)))
        {
            string Entry(string name)
            {
                using var reader = new StreamReader(zip.GetEntry(name)!.Open());
                return reader.ReadToEnd();
            }

            Assert.Contains("Bao cao cham nop", Entry("xl/workbook.xml"), StringComparison.Ordinal);
            var cells = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e => Entry(e.FullName)));
            Assert.Contains("Số ngày chậm", cells, StringComparison.Ordinal);
        }

        var pdf = await lanhdao.GetAsync("/api/v1/reform/overview.pdf?on=2025-06-03", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Forms.FormReading.Text(await pdf.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH", text, StringComparison.Ordinal);
        Assert.Contains("Tính đến ngày 03/06/2025", text, StringComparison.Ordinal);
        Assert.Contains("Xã Phước Bình", text, StringComparison.Ordinal);
        Assert.Contains(first.GetProperty("sectionTitle").GetString()!.Split(' ')[0], text, StringComparison.Ordinal);
        Assert.Contains("4. Báo cáo chậm nộp theo đơn vị", text, StringComparison.Ordinal);
        Assert.Contains("Quý 1/2025", text, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await lanhdao.GetStringAsync("/ReformPlan/Overview?on=2025-06-03", Ct));
        Assert.Contains("Báo cáo chậm nộp theo đơn vị", page, StringComparison.Ordinal);
        Assert.Contains("20/03/2025", page, StringComparison.Ordinal);
    }
}
