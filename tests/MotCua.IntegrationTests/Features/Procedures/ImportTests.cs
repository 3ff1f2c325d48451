using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using MotCua.Testing;
using static MotCua.IntegrationTests.Features.Procedures.CatalogueClient;

namespace MotCua.IntegrationTests.Features.Procedures;

public sealed class ImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Reimporting_the_seeded_file_twice_imports_and_updates_nothing()
    {
        var admin = await app.ClientFor("admin");
        for (var i = 0; i < 2; i++)
        {
            var result = await ImportOkAsync(admin, SampleCsv);
            Assert.Equal(0, result.Int("imported"));
            Assert.Equal(0, result.Int("updated"));
            Assert.Equal(64, result.Int("skipped"));
            Assert.Empty(result.GetProperty("errors").EnumerateArray());
        }

        var birth = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/1.001193");
        Assert.Equal(1, birth.Int("versionNo"));
    }

    [Fact]
    public async Task A_new_file_imported_twice_is_imported_then_skipped()
    {
        var admin = await app.ClientFor("admin");
        var csv = Header + "\nT.100001,Thủ tục thử nghiệm một,Thử nghiệm,xã,3,15000,,Đơn đề nghị [1 bản chính] | Bản sao giấy tờ [0 bản chính],\n"
            + "T.100002,Thủ tục thử nghiệm hai,Thử nghiệm,xã,4,0,toàn trình,Tờ khai [2 bản chính],\n";
        var first = await ImportOkAsync(admin, csv);
        Assert.Equal((2, 0, 0), (first.Int("imported"), first.Int("updated"), first.Int("skipped")));
        var second = await ImportOkAsync(admin, csv);
        Assert.Equal((0, 0, 2), (second.Int("imported"), second.Int("updated"), second.Int("skipped")));

        var p = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/T.100001");
        Assert.Equal(1, p.Int("versionNo"));
        var docs = p.GetProperty("documents").EnumerateArray().ToArray();
        Assert.Equal(("Đơn đề nghị", "original"), (docs[0].Str("name"), docs[0].Str("kind")));
        Assert.Equal("copy", docs[1].Str("kind"));
        Assert.True(p.GetProperty("canReceive").GetBoolean());
        Assert.Equal("full", (await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/T.100002")).Str("onlineMode"));
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_and_good_rows_are_kept()
    {
        var admin = await app.ClientFor("admin");
        var csv = string.Join('\n',
            Header,
            "T.200001,Thủ tục tốt một,Thử nghiệm,xã,5,0,,Đơn [1 bản chính],",
            ",Thiếu mã,Thử nghiệm,xã,5,0,,Đơn [1 bản chính],",
            "T.200003,Ngày sai,Thử nghiệm,xã,năm,0,,Đơn [1 bản chính],",
            "T.200004,Thiếu cột,Thử nghiệm,xã,5",
            "T.200005,,Thử nghiệm,xã,5,0,,Đơn [1 bản chính],",
            "T.200006,Phí sai,Thử nghiệm,xã,5,12.5k,,Đơn [1 bản chính],",
            "T.200001,Mã lặp lại,Thử nghiệm,xã,5,0,,Đơn [1 bản chính],",
            "T.200008,Thủ tục tốt hai,Thử nghiệm,xã,5,0,,Đơn [1 bản chính],");
        var result = await ImportOkAsync(admin, csv);

        Assert.Equal(2, result.Int("imported"));
        var errors = result.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal([3, 4, 5, 6, 7, 8], errors.Select(e => e.Int("line")));
        Assert.Contains("mã", errors[0].Str("message"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("năm", errors[1].Str("message"), StringComparison.Ordinal);
        Assert.Contains("cột", errors[2].Str("message"), StringComparison.Ordinal);
        Assert.Contains("tên", errors[3].Str("message"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("12.5k", errors[4].Str("message"), StringComparison.Ordinal);

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/procedures/T.200001", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/procedures/T.200008", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/procedures/T.200003", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Rows_without_days_or_fee_are_kept_but_cannot_receive_dossiers()
    {
        var admin = await app.ClientFor("admin");
        var csv = Header + "\nT.300001,Thiếu thời hạn,Thử nghiệm,xã,,0,,Đơn [1 bản chính],\nT.300002,Thiếu phí,Thử nghiệm,xã,3,,,Đơn [1 bản chính],\n";
        var result = await ImportOkAsync(admin, csv);
        Assert.Equal(2, result.Int("imported"));

        var noDays = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/T.300001");
        Assert.True(noDays.GetProperty("incomplete").GetBoolean());
        Assert.False(noDays.GetProperty("canReceive").GetBoolean());
        Assert.Contains("thời hạn", noDays.Str("cannotReceiveReason"), StringComparison.Ordinal);

        var noFee = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/T.300002");
        Assert.False(noFee.GetProperty("canReceive").GetBoolean());
        Assert.Equal("set-by-provincial-council", noFee.GetProperty("fees")[0].Str("kind"));
        Assert.Equal(JsonValueKind.Null, noFee.GetProperty("fees")[0].GetProperty("amount").ValueKind);
    }

    [Fact]
    public async Task Seeded_gaps_are_filled_with_values_marked_as_demo()
    {
        // 2.000815 has no processing time in the national file; 2.000908 has both.
        var filled = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/2.000815");
        Assert.True(filled.GetProperty("processingTimeIsDemo").GetBoolean());
        Assert.True(filled.GetProperty("canReceive").GetBoolean());
        Assert.True(filled.GetProperty("onlineModeIsDemo").GetBoolean());
        Assert.NotEmpty(filled.GetProperty("steps").EnumerateArray());

        var given = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures/2.000908");
        Assert.False(given.GetProperty("processingTimeIsDemo").GetBoolean());
        Assert.Equal(1, given.Int("processingDays"));
        Assert.False(given.GetProperty("fees")[0].GetProperty("isDemoValue").GetBoolean());
    }

    [Fact]
    public async Task A_file_without_the_expected_header_is_rejected_with_a_message()
    {
        var admin = await app.ClientFor("admin");
        var response = await ImportAsync(admin, "ma,ten\n1,2\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("code,name,field", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_import()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportAsync(app.CreateClient(), SampleCsv)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(await app.ClientFor("lanhdao"), SampleCsv)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(await app.ClientFor("motcua"), SampleCsv)).StatusCode);
    }

    [Fact]
    public async Task Exported_csv_imports_back_as_unchanged()
    {
        var csv = await app.CreateClient().GetStringAsync("/api/v1/procedures/export.csv", TestContext.Current.CancellationToken);
        Assert.StartsWith(Header, csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        var result = await ImportOkAsync(await app.ClientFor("admin"), csv);
        Assert.Equal(0, result.Int("imported") + result.Int("updated"));
        Assert.True(result.Int("skipped") >= 64);
        Assert.Empty(result.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Exported_xlsx_opens_with_the_catalogue_rows()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/procedures/export.xlsx", TestContext.Current.CancellationToken);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.True(rows.Count >= 64);
        var birth = rows.Single(r => (string)r["Mã"] == "1.001193");
        Assert.Equal("Thủ tục đăng ký khai sinh", birth["Tên thủ tục"]);
    }
}
