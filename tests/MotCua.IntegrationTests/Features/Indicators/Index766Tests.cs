using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Indicators;

/// <summary>
/// The national index (QĐ 766) of today's commune Xã Bác Ái (56.BACAI) for 2026, recomputed by hand from dossiers, procedures
/// and complaints built in the test: every criterion's points, the total, the ranking of the province's communes and the scoping.
/// </summary>
public sealed class Index766Tests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero); // 09:00 on 7/12/2026 in Hà Nội

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<AppFactory> Built = [];

    [Fact]
    public async Task The_index_of_Bac_Ai_for_2026_scores_each_criterion_from_the_hand_built_dossiers()
    {
        var ct = TestContext.Current.CancellationToken;
        await BuildAsync();
        var leader = await app.ClientFor("lanhdao.bacai");
        var json = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators/index766?unit=56.BACAI&year=2026", ct);

        Assert.Equal("2026-01-01", json.GetProperty("from").GetString());
        Assert.Equal("2026-12-07", json.GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("quarter").ValueKind);
        var criteria = json.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("criteria").EnumerateArray())
            .ToDictionary(c => c.GetProperty("code").GetString()!);

        // Each row: numerator, denominator, points. 8 dossiers received in 2026: 3 online; 4 of fee-bearing procedures, 1 paid online;
        // 4 digitized; 1 reused; 6 decided (4 on time, 3 with an electronic result) and 2 still open (1 within its due date); 2 by e-ID.
        var expected = new Dictionary<string, (long? N, long? D, double Points)>
        {
            ["2.1"] = (5, 8, 12.5),       // 20 × 5/8
            ["3.1"] = (2, 4, 1.25),       // 2 of 4 procedures online: 2 × 0.5/0.8
            ["3.2"] = (2, 2, 4),          // both online procedures had an online dossier
            ["3.3"] = (3, 8, 4.5),        // 6 × 0.375/0.5
            ["3.6"] = (1, 4, 1.5),        // 6 × 1/4
            ["3.5b"] = (1, 2, 1.25),      // 1 of 2 fee-bearing procedures paid online: 2 × 0.5/0.8
            ["4.1"] = (3, 6, 3),          // 6 × 3/6
            ["4.2"] = (4, 8, 2.5),        // 4 × 0.5/0.8
            ["4.3"] = (1, 8, 0.31),       // 2 × 0.125/0.8 = 0.3125
            ["4.5b"] = (2, 8, 0.5),       // 2 × 2/8
            ["4.5a"] = (1, 4, 0.5),       // 2 × 1/4
            ["5.2"] = (1, 2, 3),          // one complaint answered on time, one open past its deadline
            ["5.3"] = (1, 2, 3),
            ["5.4"] = (null, null, 2.5),  // 1 − (3/8 late + 1/4 dissatisfied) = 0.375: 6 × 0.375/0.9
        };
        foreach (var (code, (n, d, points)) in expected)
        {
            var c = criteria[code];
            Assert.True(points == c.GetProperty("points").GetDouble(), $"{code}: {c}");
            Assert.Equal(n, c.GetProperty("numerator").ValueKind == JsonValueKind.Null ? null : c.GetProperty("numerator").GetInt64());
            Assert.Equal(d, c.GetProperty("denominator").ValueKind == JsonValueKind.Null ? null : c.GetProperty("denominator").GetInt64());
        }

        Assert.Equal(0.375, criteria["5.4"].GetProperty("value").GetDouble(), 9);
        // 1.4 is measured since issue 22: nothing synced here (no portal configured), so 0 of the received.
        Assert.Equal("measured", criteria["1.4"].GetProperty("data").GetString());
        Assert.Equal(0, criteria["1.4"].GetProperty("numerator").GetInt64());
        Assert.Equal(0, criteria["1.4"].GetProperty("points").GetDouble());
        foreach (var code in new[] { "1.1", "1.2", "1.3", "3.5", "4.2b", "4.4" })
        {
            Assert.Equal("none", criteria[code].GetProperty("data").GetString());
            Assert.Equal(0, criteria[code].GetProperty("points").GetDouble());
            Assert.NotEmpty(criteria[code].GetProperty("notes").EnumerateArray());
        }

        var groups = json.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("code").GetString(), g.GetProperty("max").GetDouble(), g.GetProperty("points").GetDouble())).ToList();
        Assert.Equal([("1", 18d, 0d), ("2", 20d, 12.5), ("3", 22d, 12.5), ("4", 22d, 6.81), ("5", 18d, 8.5)], groups);
        Assert.Equal(40.31, json.GetProperty("total").GetDouble());
        Assert.Equal(100, json.GetProperty("max").GetDouble());
        Assert.Equal(80, json.GetProperty("measurableMax").GetDouble());

        // The third quarter holds dossier 6 only (received 1/7, decided late on 20/7, fee-bearing, not paid online).
        var q3 = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators/index766?unit=56.BACAI&year=2026&quarter=3", ct);
        Assert.Equal("2026-09-30", q3.GetProperty("to").GetString());
        var q3Criteria = q3.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("criteria").EnumerateArray()).ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(0, q3Criteria["2.1"].GetProperty("points").GetDouble());
        Assert.Equal(1, q3Criteria["2.1"].GetProperty("denominator").GetInt64());
        Assert.Equal(0, q3Criteria["3.6"].GetProperty("points").GetDouble());
        Assert.Equal(6, q3Criteria["5.2"].GetProperty("points").GetDouble()); // no complaint in the quarter: full, as the portal scores it
    }

    [Fact]
    public async Task The_province_ranks_its_communes_by_total()
    {
        var ct = TestContext.Current.CancellationToken;
        await BuildAsync();
        var admin = await app.ClientFor("admin");
        var json = await admin.GetFromJsonAsync<JsonElement>("/api/v1/indicators/index766?unit=56&year=2026", ct);
        var ranking = json.GetProperty("ranking").EnumerateArray()
            .Select(r => (Rank: r.GetProperty("rank").GetInt32(), Code: r.GetProperty("unit").GetProperty("code").GetString()!, Total: r.GetProperty("total").GetDouble()))
            .ToList();
        Assert.Equal(["56.BACAI", "56.BACAIDONG", "56.BACAITAY"], ranking.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Rank));
        Assert.Equal(ranking.OrderByDescending(r => r.Total).Select(r => r.Total), ranking.Select(r => r.Total));
        Assert.Equal(("56.BACAI", 40.31), (ranking[0].Code, ranking[0].Total));
        // Bác Ái Đông: both dossiers late and offline, one offline procedure, no complaint: only 5.2 + 5.3 = 12.
        var dong = ranking.Single(r => r.Code == "56.BACAIDONG");
        Assert.Equal(12, dong.Total);
        Assert.True(ranking.FindIndex(r => r.Code == "56.BACAI") < ranking.FindIndex(r => r.Code == "56.BACAIDONG"));
    }

    [Fact]
    public async Task A_commune_cannot_read_another_communes_index_and_bad_periods_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await BuildAsync();
        var leader = await app.ClientFor("lanhdao.bacai");
        foreach (var query in new[]
        {
            "unit=56.BACAIDONG", "unit=56", "unit=NOPE", "year=2027", "year=2021", "year=abc", "year=-2026", "quarter=5", "quarter=0", "quarter=x",
            "year=2026&quarter=1.5",
        })
        {
            var response = await leader.GetAsync($"/api/v1/indicators/index766?{query}", ct);
            Assert.True(HttpStatusCode.BadRequest == response.StatusCode, query);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.DoesNotContain("\"groups\"", body, StringComparison.Ordinal);
        }

        // Its own unit by default, and the whole current year so far.
        var own = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators/index766", ct);
        Assert.Equal("56.BACAI", own.GetProperty("unit").GetProperty("code").GetString());
        Assert.Equal(2026, own.GetProperty("year").GetInt32());
        var citizen = await app.ClientFor("congdan");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/indicators/index766", ct)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_shows_the_index_section_with_the_total_and_the_ranking()
    {
        var ct = TestContext.Current.CancellationToken;
        await BuildAsync();
        var page = await PageClient.SignedInAsync(app, "admin");
        var html = await page.GetStringAsync("/Indicators?unit=56&from=2026-01-01&to=2026-12-07", ct);
        Assert.Contains("Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"index766-ranking\"", html, StringComparison.Ordinal);
        Assert.Contains("data-unit=\"56.BACAI\"", html, StringComparison.Ordinal);
        Assert.Contains("40,31", html, StringComparison.Ordinal);

        var quarter = await page.GetStringAsync("/Indicators?unit=56&from=2026-01-01&to=2026-12-07&year766=2026&quarter766=9", ct);
        Assert.Contains("data-testid=\"index766-errors\"", quarter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excel_and_pdf_reports_carry_the_index_with_each_criterions_points()
    {
        var ct = TestContext.Current.CancellationToken;
        await BuildAsync();
        var leader = await app.ClientFor("lanhdao.bacai");
        var json = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators/index766?unit=56.BACAI&year=2026", ct);
        var criteria = json.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("criteria").EnumerateArray()).ToList();

        var xlsx = await leader.GetAsync("/api/v1/indicators/report?period=year&year=2026&unit=56.BACAI&format=xlsx", ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(ct);
        Assert.Contains(MotCua.Web.Features.Indicators.IndicatorExports.Index766Sheet, MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: MotCua.Web.Features.Indicators.IndicatorExports.Index766Sheet)
            .Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Mục"]!);
        double Points(string code) => Convert.ToDouble(rows[code]["Điểm"], System.Globalization.CultureInfo.InvariantCulture);

        // The hand-built figures of the first test, read back from the file: groups, the total and every criterion as the API scores it.
        Assert.Equal([0d, 12.5, 12.5, 6.81, 8.5], new[] { "1", "2", "3", "4", "5" }.Select(g => Points("Nhóm " + g)));
        Assert.Equal(22d, Convert.ToDouble(rows["Nhóm 4"]["Tối đa"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Số hóa hồ sơ", rows["Nhóm 4"]["Tiêu chí"]);
        Assert.Equal(40.31, Points("Tổng"));
        Assert.Equal(100d, Convert.ToDouble(rows["Tổng"]["Tối đa"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(criteria.Count, rows.Count - 6);
        foreach (var c in criteria)
        {
            var code = c.GetProperty("code").GetString()!;
            Assert.Equal(c.GetProperty("points").GetDouble(), Points(code));
            Assert.Equal(c.GetProperty("name").GetString(), rows[code]["Tiêu chí"]);
        }

        Assert.Equal(12.5, Points("2.1"));
        Assert.StartsWith("5/8 (", (string)rows["2.1"]["Số liệu"]!, StringComparison.Ordinal);
        Assert.StartsWith("0/", (string)rows["1.4"]["Số liệu"]!, StringComparison.Ordinal);
        Assert.Equal("Không có dữ liệu trong MotCua", rows["4.4"]["Số liệu"]);
        Assert.Contains("Cổng Dịch vụ công quốc gia", (string)rows["1.4"]["Ghi chú"]!, StringComparison.Ordinal);
        // The ranking of the children comes with it when the unit has any (the province: its communes).
        var province = await (await app.ClientFor("admin")).GetByteArrayAsync("/api/v1/indicators/report?period=year&year=2026&unit=56&format=xlsx", ct);
        var ranking = new MemoryStream(province).Query(useHeaderRow: true, sheetName: "Xếp hạng QĐ 766").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(ranking, r => (string)r["Mã"]! == "56.BACAI" && Convert.ToDouble(r["Tổng điểm"], System.Globalization.CultureInfo.InvariantCulture) == 40.31);

        var pdf = await leader.GetAsync("/api/v1/indicators/report?period=quarter&n=4&year=2026&unit=56.BACAI&format=pdf", ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = MotCua.IntegrationTests.Features.Forms.FormReading.Text(await pdf.Content.ReadAsByteArrayAsync(ct));
        var quarter = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators/index766?unit=56.BACAI&year=2026&quarter=4", ct);
        Assert.Contains("CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QĐ 766/QĐ-TTg)", text, StringComparison.Ordinal);
        Assert.Contains("quý 4/2026", text, StringComparison.Ordinal);
        Assert.Contains($"tổng điểm {quarter.GetProperty("total").GetDouble().ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} / 100,00", text, StringComparison.Ordinal);
        foreach (var g in quarter.GetProperty("groups").EnumerateArray())
        {
            Assert.Contains(g.GetProperty("name").GetString()!, text, StringComparison.Ordinal);
            foreach (var c in g.GetProperty("criteria").EnumerateArray())
            {
                // PdfPig reads line by line across columns: a wrapped name reads as its words in order after its code.
                var code = c.GetProperty("code").GetString()!;
                var at = text.IndexOf(code + " ", StringComparison.Ordinal);
                foreach (var word in c.GetProperty("name").GetString()!.Split(' '))
                {
                    at = at < 0 ? -1 : text.IndexOf(word, at, StringComparison.Ordinal);
                }

                Assert.True(at >= 0, $"criterion {code} not in: {text}");
            }
        }

        // A year before the index existed: the report still comes, and says why the index is missing.
        var early = await (await app.ClientFor("admin")).GetByteArrayAsync("/api/v1/indicators/report?period=year&year=2021&unit=56&format=xlsx", ct);
        var missing = new MemoryStream(early).Query(useHeaderRow: true, sheetName: MotCua.Web.Features.Indicators.IndicatorExports.Index766Sheet).Cast<IDictionary<string, object?>>().Single();
        Assert.StartsWith("Không tính được cho kỳ này", (string)missing["Ghi chú"]!, StringComparison.Ordinal);
    }

    /// <summary>
    /// Xã Bác Ái offers exactly four test procedures: A online with a fee, B online and free, C at the desk with a fee, D at the desk
    /// and free; Xã Bác Ái Đông offers D only. The dossiers and complaints are written through EF, so the aggregates follow (ADR 0009).
    /// </summary>
    private async Task BuildAsync()
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (Built.Contains(app))
            {
                return;
            }

            _ = app.Services; // start on the seeded template, then move the clock to today
            app.Clock.SetUtcNow(Today);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ct = TestContext.Current.CancellationToken;
            var units = await db.Units.Where(u => u.Code.StartsWith("56.")).ToDictionaryAsync(u => u.Code, ct);
            var bacai = units["56.BACAI"];
            var dong = units["56.BACAIDONG"];
            Procedure P(string code, OnlineMode online, long fee) => new()
            {
                Code = code,
                Name = "Thủ tục kiểm thử " + code,
                ValidFrom = new DateOnly(2025, 7, 1),
                ProcessingDays = 5,
                OnlineMode = online,
                Fees = [new FeeItem { Amount = fee }],
            };
            var procedures = new[] { P("T766.A", OnlineMode.Full, 50_000), P("T766.B", OnlineMode.Partial, 0), P("T766.C", OnlineMode.None, 20_000), P("T766.D", OnlineMode.None, 0) };
            db.Procedures.AddRange(procedures);
            await db.UnitProcedures.Where(up => up.UnitId == bacai.Id || up.UnitId == dong.Id).ExecuteDeleteAsync(ct);
            foreach (var p in procedures)
            {
                db.UnitProcedures.Add(new UnitProcedure { UnitId = bacai.Id, ProcedureCode = p.Code, ValidFrom = new DateOnly(2025, 7, 1) });
            }

            db.UnitProcedures.Add(new UnitProcedure { UnitId = dong.Id, ProcedureCode = "T766.D", ValidFrom = new DateOnly(2025, 7, 1) });
            await db.SaveChangesAsync(ct);
            var byCode = procedures.ToDictionary(p => p.Code[^1..]);

            var n = 0;
            Dossier D(string unitCode, string proc, string received, string due, string? finished, Channel channel = Channel.Direct, bool fee = false)
            {
                var unit = units[unitCode];
                var p = byCode[proc];
                var on = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture);
                var d = new Dossier
                {
                    Code = $"{unitCode}-766-{++n:D3}",
                    ProcedureId = p.Id,
                    ProcedureCode = p.Code,
                    ProcedureName = p.Name,
                    ReceivingUnitId = unit.Id,
                    ReceivingUnitPath = unit.Path,
                    CurrentUnitId = unit.Id,
                    CurrentUnitPath = unit.Path,
                    Channel = channel,
                    Status = finished is null ? DossierStatus.InProcess : DossierStatus.Approved,
                    Applicant = new Applicant { FullName = "Pinăng Thị Kiểm Thử" },
                    ReceivedAtUtc = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                    ReceivedOn = on,
                    LegalWorkingDays = 5,
                    LegalDueDate = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
                    FinishedOn = finished is null ? null : DateOnly.Parse(finished, System.Globalization.CultureInfo.InvariantCulture),
                    FinishKind = finished is null ? null : "approved",
                    FeeVnd = fee ? p.Fees[0].Amount ?? 0 : 0,
                };
                d.AppointmentDate = d.LegalDueDate;
                return d;
            }

            var ds = new List<Dossier>
            {
                D("56.BACAI", "A", "2026-02-02", "2026-02-10", "2026-02-09", Channel.Online, fee: true),  // 1 on time, paid online, e-result, rated 5, e-ID
                D("56.BACAI", "A", "2026-03-02", "2026-03-10", "2026-03-12", Channel.Online, fee: true),  // 2 late, not paid online, rated 1, e-ID
                D("56.BACAI", "B", "2026-04-01", "2026-04-10", "2026-04-08", Channel.Online),             // 3 on time, e-result, rated 4
                D("56.BACAI", "B", "2026-05-04", "2026-05-12", "2026-05-11"),                             // 4 on time, reused, not rated
                D("56.BACAI", "C", "2026-06-01", "2026-06-10", "2026-06-09", fee: true),                  // 5 on time, paid at the desk, e-result
                D("56.BACAI", "C", "2026-07-01", "2026-07-10", "2026-07-20", fee: true),                  // 6 late
                D("56.BACAI", "D", "2026-11-20", "2026-12-20", null),                                     // 7 open, within its due date
                D("56.BACAI", "D", "2026-10-01", "2026-10-15", null),                                     // 8 open, past its due date
                D("56.BACAIDONG", "D", "2026-03-02", "2026-03-10", "2026-03-20"),                        // late
                D("56.BACAIDONG", "D", "2026-04-01", "2026-04-10", null),                                 // open, past its due date
            };
            (ds[0].PaidOnline, ds[0].ElectronicResult, ds[0].Rating, ds[0].ReturnedOn, ds[0].ElectronicallyIdentified, ds[0].Digitized) = (true, true, 5, new(2026, 2, 10), true, true);
            (ds[1].Rating, ds[1].ReturnedOn, ds[1].ElectronicallyIdentified, ds[1].Digitized) = (1, new(2026, 3, 13), true, true);
            (ds[2].ElectronicResult, ds[2].Rating, ds[2].ReturnedOn, ds[2].Digitized) = (true, 4, new(2026, 4, 9), true);
            (ds[3].ReusedDocuments, ds[3].ReturnedOn) = (1, new(2026, 5, 12));
            (ds[4].ElectronicResult, ds[4].Digitized) = (true, true);
            foreach (var d in ds.Where(d => d.ReturnedOn is not null))
            {
                d.Status = DossierStatus.Returned;
            }

            db.Dossiers.AddRange(ds);

            FeedbackItem F(string received, string resolveBy, string? closed) => new()
            {
                Subject = "Phản ánh kiểm thử",
                Content = "Nội dung",
                SenderName = "Người gửi",
                UnitPath = bacai.Path,
                UnitName = bacai.Name,
                Status = closed is null ? FeedbackStatus.New : FeedbackStatus.Answered,
                ReceivedOn = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture),
                RefuseBy = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture).AddDays(2),
                AskMoreBy = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture).AddDays(7),
                ResolveBy = DateOnly.Parse(resolveBy, System.Globalization.CultureInfo.InvariantCulture),
                ClosedOn = closed is null ? null : DateOnly.Parse(closed, System.Globalization.CultureInfo.InvariantCulture),
            };
            db.FeedbackItems.AddRange(F("2026-05-04", "2026-05-25", "2026-05-20"), F("2026-10-05", "2026-10-26", null));
            await db.SaveChangesAsync(ct);
            Built.Add(app);
        }
        finally
        {
            Gate.Release();
        }
    }
}
