using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.ReformPlan;

public sealed class SchemesTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Criterion(JsonElement scheme, string code) =>
        scheme.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    private static string[] Codes(JsonElement scheme) => [.. scheme.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("code").GetString()!)];

    private static async Task<string> ErrorsOf(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        return await r.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task Phong_Noi_vu_copies_last_year_and_edits_criteria_with_parent_maxima_kept_as_sums()
    {
        var noivu = await app.ClientFor("noivu");
        var created = await noivu.PostAsJsonAsync("/api/v1/reform/evaluation/schemes", new { year = 2025, copyPrevious = true }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scheme = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = scheme.GetProperty("id").GetInt32();
        var old = (await noivu.GetFromJsonAsync<JsonElement[]>("/api/v1/reform/evaluation/schemes", Ct))!.Single(s => s.GetProperty("year").GetInt32() == 2024);
        Assert.Equal(Codes(old), Codes(scheme));
        Assert.Equal("2", Criterion(scheme, "2.2").GetProperty("parentCode").GetString());
        Assert.NotEqual(Criterion(old, "2.2").GetProperty("id").GetInt32(), Criterion(scheme, "2.2").GetProperty("id").GetInt32());
        Assert.Contains("2025", scheme.GetProperty("name").GetString(), StringComparison.Ordinal);

        Assert.Contains("Đã có bộ tiêu chí năm 2025", await ErrorsOf(await noivu.PostAsJsonAsync("/api/v1/reform/evaluation/schemes", new { year = 2025 }, Ct)), StringComparison.Ordinal);
        Assert.Contains("năm trước", await ErrorsOf(await noivu.PostAsJsonAsync("/api/v1/reform/evaluation/schemes", new { year = 2020, copyPrevious = true }, Ct)), StringComparison.Ordinal);

        var criteria = $"/api/v1/reform/evaluation/schemes/{id}/criteria";
        var added = await noivu.PostAsJsonAsync(criteria, new { code = "2.4", title = "Số hoá hồ sơ, kết quả giải quyết TTHC", parentCode = "2", maxPoints = 5, evidenceRequired = true }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        scheme = await added.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(45m, Criterion(scheme, "2").GetProperty("maxPoints").GetDecimal());
        Assert.Equal(["2", "2.1", "2.2", "2.3", "2.4", "3"], Codes(scheme)[5..11]);

        Assert.Contains("'2.4' đã có", await ErrorsOf(await noivu.PostAsJsonAsync(criteria, new { code = "2.4", title = "Trùng", parentCode = "2", maxPoints = 1 }, Ct)), StringComparison.Ordinal);
        Assert.Contains("tiêu chí cha '9'", await ErrorsOf(await noivu.PostAsJsonAsync(criteria, new { code = "9.1", title = "Không có cha", parentCode = "9", maxPoints = 1 }, Ct)), StringComparison.Ordinal);
        Assert.Contains("Điểm tối đa", await ErrorsOf(await noivu.PostAsJsonAsync(criteria, new { code = "5", title = "Không điểm", maxPoints = 0 }, Ct)), StringComparison.Ordinal);
        Assert.Contains("Mã tiêu chí", await ErrorsOf(await noivu.PostAsJsonAsync(criteria, new { code = "5 a", title = "Mã có dấu cách", maxPoints = 1 }, Ct)), StringComparison.Ordinal);

        var two = Criterion(scheme, "2").GetProperty("id").GetInt32();
        Assert.Contains("tổng điểm tối đa các tiêu chí con (45)", await ErrorsOf(await noivu.PutAsJsonAsync($"{criteria}/{two}", new { code = "2", title = "Cải cách TTHC", maxPoints = 50 }, Ct)), StringComparison.Ordinal);
        Assert.Contains("dưới chính nó", await ErrorsOf(await noivu.PutAsJsonAsync($"{criteria}/{two}", new { code = "2", title = "Cải cách TTHC", parentCode = "2.1" }, Ct)), StringComparison.Ordinal);
        var renamed = await noivu.PutAsJsonAsync($"{criteria}/{two}", new { code = "2", title = "Cải cách thủ tục hành chính (sửa)" }, Ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(45m, Criterion(await renamed.Content.ReadFromJsonAsync<JsonElement>(Ct), "2").GetProperty("maxPoints").GetDecimal());

        var fourth = Criterion(scheme, "2.4").GetProperty("id").GetInt32();
        var moved = await noivu.PostAsJsonAsync($"{criteria}/{fourth}/move", new { direction = "up" }, Ct);
        Assert.Equal(["2", "2.1", "2.2", "2.4", "2.3", "3"], Codes(await moved.Content.ReadFromJsonAsync<JsonElement>(Ct))[5..11]);

        // Moving a leaf to another parent moves its points with it.
        var movedParent = await noivu.PutAsJsonAsync($"{criteria}/{fourth}", new { code = "2.4", title = "Số hoá hồ sơ", parentCode = "3", maxPoints = 5, evidenceRequired = true }, Ct);
        scheme = await movedParent.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((40m, 25m), (Criterion(scheme, "2").GetProperty("maxPoints").GetDecimal(), Criterion(scheme, "3").GetProperty("maxPoints").GetDecimal()));

        Assert.Equal(HttpStatusCode.NoContent, (await noivu.DeleteAsync($"{criteria}/{fourth}", Ct)).StatusCode);
        var after = await noivu.GetFromJsonAsync<JsonElement>($"/api/v1/reform/evaluation/schemes/{id}", Ct);
        Assert.Equal(20m, Criterion(after, "3").GetProperty("maxPoints").GetDecimal());
        Assert.Equal(Codes(old), Codes(after));
        var deleteParent = await noivu.DeleteAsync($"{criteria}/{two}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, deleteParent.StatusCode);
        Assert.Contains("còn tiêu chí con", await deleteParent.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Last year's scheme is untouched by the copy's edits.
        old = (await noivu.GetFromJsonAsync<JsonElement[]>("/api/v1/reform/evaluation/schemes", Ct))!.Single(s => s.GetProperty("year").GetInt32() == 2024);
        Assert.Equal("Cải cách thủ tục hành chính", Criterion(old, "2").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_criterion_units_have_scored_keeps_everything_but_its_title()
    {
        var noivu = await app.ClientFor("noivu");
        var scheme = (await noivu.GetFromJsonAsync<JsonElement[]>("/api/v1/reform/evaluation/schemes", Ct))!.Single(s => s.GetProperty("year").GetInt32() == 2024);
        var id = scheme.GetProperty("id").GetInt32();
        var c = Criterion(scheme, "1.4");
        var cid = c.GetProperty("id").GetInt32();
        var url = $"/api/v1/reform/evaluation/schemes/{id}/criteria/{cid}";

        var binh = await app.ClientFor("motcua.phuocbinh");
        var self = new MultipartFormDataContent { { new StringContent("1.4"), "criterionCode" }, { new StringContent("4"), "score" } };
        Assert.Equal(HttpStatusCode.NoContent, (await binh.PostAsync($"/api/v1/reform/evaluation/schemes/{id}/self-assessments", self, Ct)).StatusCode);

        var locked = await ErrorsOf(await noivu.PutAsJsonAsync(url, new { code = "1.4", title = "Tuyên truyền CCHC", parentCode = "1", maxPoints = 8 }, Ct));
        Assert.Contains("chỉ được sửa tên tiêu chí", locked, StringComparison.Ordinal);
        await ErrorsOf(await noivu.PutAsJsonAsync(url, new { code = "1.5", title = "Tuyên truyền CCHC", parentCode = "1", maxPoints = 5 }, Ct));
        await ErrorsOf(await noivu.PutAsJsonAsync(url, new { code = "1.4", title = "Tuyên truyền CCHC", parentCode = "1", maxPoints = 5, evidenceRequired = true }, Ct));
        Assert.Contains("không thể có tiêu chí con", await ErrorsOf(await noivu.PostAsJsonAsync($"/api/v1/reform/evaluation/schemes/{id}/criteria", new { code = "1.4.a", title = "Con", parentCode = "1.4", maxPoints = 1 }, Ct)), StringComparison.Ordinal);

        var renamed = await noivu.PutAsJsonAsync(url, new { code = "1.4", title = "Thông tin, tuyên truyền về CCHC", parentCode = "1", maxPoints = 5 }, Ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Thông tin, tuyên truyền về CCHC", Criterion(await renamed.Content.ReadFromJsonAsync<JsonElement>(Ct), "1.4").GetProperty("title").GetString());

        var delete = await noivu.DeleteAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("đã được các đơn vị chấm điểm", await delete.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The score still counts under the unchanged criterion.
        var results = (await noivu.GetFromJsonAsync<JsonElement[]>($"/api/v1/reform/evaluation/schemes/{id}/results", Ct))!;
        Assert.Equal(4m, results.Single(r => r.GetProperty("unitCode").GetString() == "22783").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Only_reform_officers_and_administrators_configure_schemes()
    {
        var binh = await app.ClientFor("motcua.phuocbinh");
        Assert.Equal(HttpStatusCode.Forbidden, (await binh.PostAsJsonAsync("/api/v1/reform/evaluation/schemes", new { year = 2026 }, Ct)).StatusCode);
        var scheme = (await binh.GetFromJsonAsync<JsonElement[]>("/api/v1/reform/evaluation/schemes", Ct))![0];
        Assert.Equal(HttpStatusCode.Forbidden, (await binh.PostAsJsonAsync($"/api/v1/reform/evaluation/schemes/{scheme.GetProperty("id").GetInt32()}/criteria", new { code = "9", title = "x", maxPoints = 1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await binh.GetAsync("/ReformPlan/Schemes", Ct)).StatusCode);

        var admin = await app.ClientFor("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/reform/evaluation/schemes", new { year = 2026, name = "Bộ tiêu chí 2026 (thử)" }, Ct)).StatusCode);
    }
}
