using System.Net;
using MiniExcelLibs;
using MotCua.IntegrationTests.Features.Forms;
using MotCua.Testing;
using MotCua.Web.Features.Forms;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

public sealed class DossierFormsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_received_dossier_prints_form_01_and_06_with_its_code_and_vietnamese_text()
    {
        var desk = await app.ClientFor("motcua.phuocbinh");
        var code = (await ReceivedAsync(desk, "22783")).GetProperty("code").GetString()!;

        var pdf = await desk.GetByteArrayAsync($"/api/v1/dossiers/{code}/forms/01.pdf", TestContext.Current.CancellationToken);
        var text = FormReading.Text(pdf);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text);
        Assert.Contains(code, text);
        Assert.Contains("Chamaléa Thị Mỹ Hường", text);
        Assert.Contains("Phước Bình", text);

        var html = await desk.GetStringAsync($"/api/v1/dossiers/{code}/forms/06.html", TestContext.Current.CancellationToken);
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", html);
        Assert.Contains("data:image/png;base64,", html);
    }

    [Fact]
    public async Task Forms_of_decisions_exist_only_after_the_decision()
    {
        var desk = await app.ClientFor("motcua");
        var leader = await app.ClientFor("lanhdao");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/v1/dossiers/{code}/forms/03.pdf", TestContext.Current.CancellationToken)).StatusCode);

        await ActOkAsync(leader, code, new { action = "refuse", reasonCode = "GIAY-TO-KHONG-HOP-LE", note = "Bản sao không khớp bản chính" });
        var text = FormReading.Text(await leader.GetByteArrayAsync($"/api/v1/dossiers/{code}/forms/03.pdf", TestContext.Current.CancellationToken));
        Assert.Contains("Bản sao không khớp bản chính", text);

        var other = await app.ClientFor("motcua.phuoctien");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/dossiers/{code}/forms/01.pdf", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_tracking_book_exports_the_units_dossiers_to_excel()
    {
        var desk = await app.ClientFor("motcua.phuocbinh");
        var code = (await ReceivedAsync(desk, "22783")).GetProperty("code").GetString()!;

        var xlsx = await desk.GetByteArrayAsync("/api/v1/reports/tracking-book?from=2025-06-01&to=2025-06-30", TestContext.Current.CancellationToken);
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: TrackingBookExcel.SheetName).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => r.Values.Any(v => v?.ToString() == code));

        var bad = await desk.GetAsync("/api/v1/reports/tracking-book?from=2025-06-30&to=2025-06-01", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var otherUnit = await desk.GetAsync("/api/v1/reports/tracking-book?unit=22792", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, otherUnit.StatusCode);
    }

    [Fact]
    public async Task The_tracking_book_of_a_unit_lists_the_dossiers_received_in_its_subtree_within_the_period_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var inside = (await ReceivedAsync(await app.ClientFor("motcua"), "584.MC")).GetProperty("code").GetString()!;
        var commune = (await ReceivedAsync(await app.ClientFor("motcua.phuocbinh"), "22783")).GetProperty("code").GetString()!;
        var leader = await app.ClientFor("lanhdao");

        async Task<List<string>> CodesAsync(string query) =>
            [.. new MemoryStream(await leader.GetByteArrayAsync("/api/v1/reports/tracking-book?" + query, ct))
                .Query(useHeaderRow: true, sheetName: TrackingBookExcel.SheetName).Cast<IDictionary<string, object?>>()
                .SelectMany(r => r.Values).Select(v => v?.ToString() ?? "")];

        // 22783 is a commune of district 584 (path 58/584/22783/), 584.MC its one-stop desk.
        var district = await CodesAsync("unit=584&from=2025-06-01&to=2025-06-30");
        Assert.Contains(inside, district);
        Assert.Contains(commune, district);
        var desk = await CodesAsync("unit=584.MC&from=2025-06-01&to=2025-06-30");
        Assert.Contains(inside, desk);
        Assert.DoesNotContain(commune, desk);
        Assert.DoesNotContain(inside, await CodesAsync("unit=584&from=2025-05-01&to=2025-05-31"));
    }
}
