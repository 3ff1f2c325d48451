using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using MotCua.Testing;
using static MotCua.IntegrationTests.Features.Procedures.CatalogueClient;

namespace MotCua.IntegrationTests.Features.Procedures;

/// <summary>
/// The national procedure database's JSON and Excel exports: imported over the seeded catalogue, imported again as a no-op,
/// then changed, with the report of what changed and a new version from today.
/// </summary>
public sealed class NationalImportTests
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Fixture => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Procedures", "Fixtures", "national-catalogue.json"));

    private static AppFactory App()
    {
        var app = new AppFactory();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        return app;
    }

    private static async Task<JsonElement> ImportOkAsync(HttpClient admin, byte[] body, string type)
    {
        var response = await admin.PostAsync("/api/v1/procedures/import", new ByteArrayContent(body) { Headers = { { "Content-Type", type } } }, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    private static (int, int, int) Counts(JsonElement r) => (r.Int("imported"), r.Int("updated"), r.Int("skipped"));

    private static JsonElement Change(JsonElement r, string code) => r.GetProperty("changes").EnumerateArray().Single(c => c.Str("code") == code);

    private static string[] Fields(JsonElement change) => [.. change.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!)];

    [Fact]
    public async Task A_json_export_imports_once_reports_what_changed_and_versions_from_today()
    {
        using var app = App();
        var admin = await app.ClientFor("admin");
        var json = Encoding.UTF8.GetBytes(Fixture);

        // 2.000908 gains what the CSV lacked; the two others carry nothing new (same content, other format): no version.
        var first = await ImportOkAsync(admin, json, "application/json");
        Assert.Equal((0, 1, 2), Counts(first));
        Assert.Empty(first.GetProperty("errors").EnumerateArray());
        var copy = Change(first, "2.000908");
        Assert.Equal(("changed", 2, "2026-12-07"), (copy.Str("change"), copy.Int("versionNo"), copy.Str("validFrom")));
        Assert.Equal(["agency", "legalBasis", "sequence"], Fields(copy).Where(f => f is "agency" or "legalBasis" or "sequence"));
        Assert.DoesNotContain("fees", Fields(copy));
        Assert.DoesNotContain("documents", Fields(copy));
        Assert.Equal(61, first.GetProperty("notInFile").GetArrayLength());

        var current = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/2.000908");
        Assert.Equal("Cơ quan, tổ chức đang quản lý sổ gốc", current.Str("agency"));
        Assert.Contains("23/2015/NĐ-CP", current.Str("legalBasis"), StringComparison.Ordinal);
        Assert.StartsWith("+ Trường hợp nộp hồ sơ trực tiếp", current.Str("sequence"), StringComparison.Ordinal);
        Assert.Equal(1, current.Int("processingDays"));
        var before = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/2.000908?on=2026-12-06");
        Assert.Equal((1, "2026-12-06"), (before.Int("versionNo"), before.Str("validTo")));

        // Again: nothing changes.
        var again = await ImportOkAsync(admin, json, "application/json");
        Assert.Equal((0, 0, 3), Counts(again));
        Assert.Empty(again.GetProperty("changes").EnumerateArray());
        Assert.Equal(2, (await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/2.000908")).Int("versionNo"));

        // A new fee decision, a new procedure, a row the importer cannot read.
        var data = JsonNode.Parse(Fixture)!["data"]!.AsArray();
        data[2]!["phi_le_phi"] = "5.000.000 đồng";
        data.Add(new JsonObject
        {
            ["ma_thu_tuc"] = "T.220001",
            ["ten_thu_tuc"] = "Thủ tục thử nghiệm nhập từ JSON",
            ["linh_vuc"] = "Thử nghiệm",
            ["cap_thuc_hien"] = "Cấp xã",
            ["thoi_han_giai_quyet"] = "03 ngày làm việc",
            ["phi_le_phi"] = new JsonArray(new JsonObject { ["ten"] = "Lệ phí", ["muc_thu"] = 15000 }, new JsonObject { ["ten"] = "Phí cấp bản sao", ["muc_thu"] = null }),
            ["thanh_phan_ho_so"] = new JsonArray(new JsonObject { ["ten_giay_to"] = "Tờ khai", ["so_ban_chinh"] = 1 }),
        });
        data.Add(new JsonObject { ["ma_thu_tuc"] = "T.220002", ["ten_thu_tuc"] = "Lệ phí viết bằng chữ", ["phi_le_phi"] = "hai nghìn đồng" });
        var changed = await ImportOkAsync(admin, Encoding.UTF8.GetBytes(new JsonObject { ["data"] = data.DeepClone() }.ToJsonString()), "application/json");
        Assert.Equal((1, 1, 2), Counts(changed));
        Assert.Equal(["fees"], Fields(Change(changed, "1.003005")));
        Assert.Equal("added", Change(changed, "T.220001").Str("change"));
        var error = Assert.Single(changed.GetProperty("errors").EnumerateArray());
        Assert.Equal(5, error.Int("line"));
        Assert.Contains("hai nghìn", error.Str("message"), StringComparison.Ordinal);

        var added = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/T.220001");
        var fees = added.GetProperty("fees").EnumerateArray().ToArray();
        Assert.Equal((15000L, "set-by-provincial-council"), (fees[0].GetProperty("amount").GetInt64(), fees[1].Str("kind")));
        Assert.False(added.GetProperty("canReceive").GetBoolean());
        Assert.Equal(4500000, (await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/1.003005?on=2026-12-06")).GetProperty("fees")[0].GetProperty("amount").GetInt64());
        Assert.Equal(5000000, (await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/1.003005")).GetProperty("fees")[0].GetProperty("amount").GetInt64());

        // Not JSON, or not a list: the file is refused as a whole.
        var broken = await admin.PostAsync("/api/v1/procedures/import", new StringContent("{\"data\": 3}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("motcua.bacai")).PostAsync("/api/v1/procedures/import", new ByteArrayContent(json) { Headers = { { "Content-Type", "application/json" } } }, Ct)).StatusCode);
    }

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "TTHC");
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string code, string name, string time, object fee, string documents) => new()
    {
        // The national export's labels, in its own order, with a column the importer does not use.
        ["STT"] = 1,
        ["Mã thủ tục"] = code,
        ["Tên thủ tục"] = name,
        ["Cấp thực hiện"] = "Cấp xã",
        ["Lĩnh vực"] = "Hộ tịch",
        ["Thời hạn giải quyết"] = time,
        ["Phí, lệ phí"] = fee,
        ["Thành phần hồ sơ"] = documents,
        ["Cơ quan thực hiện"] = "Ủy ban nhân dân xã",
        ["Căn cứ pháp lý"] = "",
        ["Trình tự thực hiện"] = "",
    };

    [Fact]
    public async Task An_excel_export_built_here_imports_once_and_a_changed_time_opens_a_version()
    {
        using var app = App();
        var admin = await app.ClientFor("admin");
        var guardianship = (await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/1.004837"));
        var documents = string.Join('\n', guardianship.GetProperty("documents").EnumerateArray()
            .Select(d => $"{d.Str("name")} [{(d.Str("kind") == "original" ? d.Int("count") : 0)} bản chính]"));

        var rows = new[]
        {
            Row("1.004837", guardianship.Str("name"), "03 ngày làm việc", 0, documents),
            Row("T.220101", "Thủ tục thử nghiệm nhập từ Excel", "05 ngày làm việc", "15.000 đồng", "Tờ khai [1 bản chính]\nBản sao giấy tờ tùy thân [0 bản chính]"),
        };
        var first = await ImportOkAsync(admin, Workbook(rows), Xlsx);
        Assert.Equal((1, 1, 0), Counts(first));
        Assert.Equal(["agency", "source"], Fields(Change(first, "1.004837")));
        var added = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/T.220101");
        Assert.Equal((5, 15000L, 2), (added.Int("processingDays"), added.GetProperty("fees")[0].GetProperty("amount").GetInt64(), added.GetProperty("documents").GetArrayLength()));
        Assert.Equal("copy", added.GetProperty("documents")[1].Str("kind"));
        Assert.Equal(["xã"], added.GetProperty("levels").EnumerateArray().Select(l => l.GetString()));

        Assert.Equal((0, 0, 2), Counts(await ImportOkAsync(admin, Workbook(rows), Xlsx)));

        rows[1]["Thời hạn giải quyết"] = "07 ngày làm việc";
        var changed = await ImportOkAsync(admin, Workbook(rows), Xlsx);
        Assert.Equal((0, 1, 1), Counts(changed));
        var change = Change(changed, "T.220101");
        Assert.Equal(["processingDays"], Fields(change));
        Assert.Equal(2, change.Int("versionNo"));

        // A sheet without the national labels is refused with the expected header named.
        var wrong = await admin.PostAsync("/api/v1/procedures/import",
            new ByteArrayContent(Workbook([new() { ["code"] = "x", ["name"] = "y" }])) { Headers = { { "Content-Type", Xlsx } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Mã thủ tục", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var garbage = await admin.PostAsync("/api/v1/procedures/import", new ByteArrayContent([1, 2, 3]) { Headers = { { "Content-Type", Xlsx } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }
}
