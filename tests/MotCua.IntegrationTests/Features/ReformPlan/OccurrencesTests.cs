using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.ReformPlan;

public sealed class OccurrencesTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement[]> Tasks(HttpClient client)
    {
        var plans = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/plans", Ct))!;
        var id = plans.Single(p => p.GetProperty("issuingUnitCode").GetString() == "584").GetProperty("id").GetInt32();
        return (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{id}/tasks", Ct))!;
    }

    private static JsonElement Task(JsonElement[] tasks, string s, string n) =>
        tasks.Single(t => t.GetProperty("sectionCode").GetString() == s && t.GetProperty("number").GetString() == n);

    [Fact]
    public async Task Loaded_recurring_task_has_a_due_date_in_each_plan_year_and_statuses_follow_the_clock()
    {
        var tasks = await Tasks(await app.ClientFor("lanhdao"));
        var occurrences = Task(tasks, "I", "1").GetProperty("occurrences").EnumerateArray().ToArray();
        Assert.Equal(["2021-11-15", "2022-11-15", "2023-11-15", "2024-11-15", "2025-11-15"], occurrences.Select(o => o.GetProperty("dueDate").GetString()));

        // The clock is 03/06/2025: past years are overdue (nothing was recorded), 2025 has not started.
        Assert.Equal(["overdue", "overdue", "overdue", "overdue", "not-started"], occurrences.Select(o => o.GetProperty("status").GetString()));

        var reporting = Task(tasks, "I", "2").GetProperty("occurrences").EnumerateArray().ToArray();
        Assert.Equal(5, reporting.Length);
        Assert.All(reporting, o => Assert.Equal("needs-date", o.GetProperty("status").GetString()));
        Assert.Single(Task(tasks, "I", "5").GetProperty("occurrences").EnumerateArray());
    }

    [Fact]
    public async Task Lead_unit_records_progress_with_evidence_and_partner_adds_a_contribution()
    {
        var tasks = await Tasks(await app.ClientFor("noivu"));
        var occurrence = Task(tasks, "V", "3").GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("year").GetInt32() == 2025);
        var id = occurrence.GetProperty("id").GetInt32();

        var noivu = await app.ClientFor("noivu");
        var form = new MultipartFormDataContent { { new StringContent("Đã trình UBND huyện ban hành kế hoạch tuyên truyền"), "text" } };
        form.Add(new ByteArrayContent([1, 2, 3]), "file", "ke-hoach.pdf");
        var added = await noivu.PostAsync($"/api/v1/occurrences/{id}/entries", form, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var commune = await app.ClientFor("motcua.phuocbinh");
        var contribution = await commune.PostAsync($"/api/v1/occurrences/{id}/entries", new MultipartFormDataContent { { new StringContent("Xã đã niêm yết"), "text" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, contribution.StatusCode);
        var detail = await contribution.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["progress", "contribution"], detail.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("in-progress", detail.GetProperty("status").GetString());

        // A partner may not close the lead's task nor set its due date.
        Assert.Equal(HttpStatusCode.Forbidden, (await commune.PutAsJsonAsync($"/api/v1/occurrences/{id}", new { progress = "done" }, Ct)).StatusCode);
        var done = await noivu.PutAsJsonAsync($"/api/v1/occurrences/{id}", new { progress = "done" }, Ct);
        Assert.Equal("done", (await done.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }
}
