using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.ReformPlan;

public sealed class PagesTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("noivu")]
    [InlineData("motcua.phuocbinh")]
    [InlineData("lanhdao")]
    public async Task Reform_pages_render_for_each_kind_of_staff(string user)
    {
        var client = await app.ClientFor(user);
        var plans = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/plans", Ct))!;
        var planId = plans.Single(p => p.GetProperty("issuingUnitCode").GetString() == "584").GetProperty("id").GetInt32();
        var tasks = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/tasks", Ct))!;
        var occurrenceId = tasks[0].GetProperty("occurrences")[0].GetProperty("id").GetInt32();

        (string Url, string Expect)[] pages =
        [
            ("/ReformPlan", "Kế hoạch cải cách hành chính nhà nước huyện Bác Ái"),
            ($"/ReformPlan/Plan?id={planId}", "chưa có số liệu"),
            ("/ReformPlan/Reports", "Báo cáo cải cách hành chính định kỳ"),
            ("/ReformPlan/Evaluation", "Xếp hạng"),
            ("/ReformPlan/Inspections", "Xã Phước Bình"),
            ("/ReformPlan/Overview", "Tiến độ theo mục"),
            ($"/ReformPlan/Occurrence?id={occurrenceId}", "Triển khai thực hiện nhiệm vụ Cải cách hành chính hàng năm"),
        ];
        foreach (var (url, expect) in pages)
        {
            var response = await client.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.Contains(expect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        var edit = await client.GetAsync($"/ReformPlan/EditTask?planId={planId}&id={tasks[0].GetProperty("id").GetInt32()}", Ct);
        Assert.Equal(user == "noivu" ? HttpStatusCode.OK : HttpStatusCode.Forbidden, edit.StatusCode);
    }
}
