using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.ReformPlan;

public sealed class PlanDataTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, int PlanId)> BacAiPlan(string user = "lanhdao")
    {
        var client = await app.ClientFor(user);
        var plans = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/plans", Ct))!;
        var plan = plans.Single(p => p.GetProperty("issuingUnitCode").GetString() == "584");
        return (client, plan.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Loaded_plan_has_per_appendix_section_exactly_the_tasks_printed_in_the_seed()
    {
        var seed = SeedAppendix.Locate();
        Assert.True(seed is not null, $"The plan {SeedAppendix.SeedName} is missing from docs/sources/.");
        var lines = await File.ReadAllLinesAsync(seed!, Ct);
        var printed = SeedAppendix.TaskNumbers(lines);

        var (client, planId) = await BacAiPlan();
        var tasks = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/tasks", Ct))!;
        var loaded = tasks.GroupBy(t => t.GetProperty("sectionCode").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(t => t.GetProperty("number").GetString()!).ToList());

        Assert.Equal(printed.Keys.ToArray(), loaded.Keys.ToArray());
        foreach (var (section, numbers) in printed)
        {
            Assert.Equal(numbers, loaded[section]);
        }

        // Each task's opening words appear in the appendix text, so numbers cannot be right with texts shuffled.
        var appendix = SeedAppendix.Collapse(string.Join(" ", lines[Array.FindIndex(lines, l => l.Contains("PHỤ LỤC", StringComparison.Ordinal))..]));
        foreach (var t in tasks)
        {
            var text = t.GetProperty("text").GetString()!;
            var start = text[..Math.Min(25, text.Length)];
            Assert.True(appendix.Contains(start, StringComparison.Ordinal), $"{t.GetProperty("sectionCode")}.{t.GetProperty("number")}: '{start}' not in the appendix");
        }
    }

    [Fact]
    public async Task Every_section_II_2_target_is_loaded_with_its_indicator_or_none()
    {
        var seed = SeedAppendix.Locate();
        Assert.True(seed is not null, $"The plan {SeedAppendix.SeedName} is missing from docs/sources/.");
        var bullets = SeedAppendix.TargetBullets(await File.ReadAllLinesAsync(seed!, Ct));

        var (client, planId) = await BacAiPlan();
        var targets = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/targets", Ct))!;
        // Section III.2's targets (issue 20) are coded "III.2.n": they are checked on their own below.
        var bulletsLoaded = targets.Select(t => t.GetProperty("code").GetString()!).Where(c => !c.StartsWith("III.", StringComparison.Ordinal))
            .Select(c => c.TrimEnd('a', 'b', 'c')).Distinct().Count();
        Assert.Equal(bullets, bulletsLoaded);

        var postal = targets.Single(t => t.GetProperty("indicatorKey").GetString() == "postalGrowth");
        Assert.Equal(5m, postal.GetProperty("value").GetDecimal());
        Assert.Equal(2020, postal.GetProperty("baseYear").GetInt32());
        var reduction = targets.Single(t => t.GetProperty("code").GetString() == "8");
        Assert.Equal(JsonValueKind.Null, reduction.GetProperty("indicatorKey").ValueKind);
        Assert.Equal(JsonValueKind.Null, reduction.GetProperty("current").ValueKind);
        Assert.Equal("none", reduction.GetProperty("currentSource").GetString());
    }

    [Fact]
    public async Task Section_III_2_targets_are_loaded_with_their_indicators_and_the_digitization_ramp_by_year()
    {
        var (client, planId) = await BacAiPlan();
        var targets = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/targets", Ct))!
            .Where(t => t.GetProperty("code").GetString()!.StartsWith("III.2.", StringComparison.Ordinal)).ToArray();
        string? Key(string code) => targets.Single(t => t.GetProperty("code").GetString() == code).GetProperty("indicatorKey").GetString();
        decimal Value(string code) => targets.Single(t => t.GetProperty("code").GetString() == code).GetProperty("value").GetDecimal();

        Assert.Equal("onTimeRate", Key("III.2.2c"));
        Assert.Equal(100m, Value("III.2.2c"));
        Assert.Equal("electronicRoutingRate", Key("III.2.3"));
        Assert.Equal("onlineRate", Key("III.2.6b"));
        Assert.Equal(50m, Value("III.2.6b"));
        Assert.Equal("satisfactionRate", Key("III.2.7b"));
        Assert.Equal("above", targets.Single(t => t.GetProperty("code").GetString() == "III.2.7b").GetProperty("comparison").GetString());
        Assert.Equal("identifiedRate", Key("III.2.9"));
        Assert.Equal("reuseRate", Key("III.2.10"));
        Assert.Equal(80m, Value("III.2.10"));
        Assert.Equal([20m, 40m, 60m, 80m, 100m], Enumerable.Range(2021, 5).Select(y => Value($"III.2.5h-{y}")));
        Assert.Equal([10m, 30m, 50m, 70m, 90m], Enumerable.Range(2021, 5).Select(y => Value($"III.2.5x-{y}")));
    }

    [Fact]
    public async Task Printed_lead_units_map_to_the_demo_offices_and_keep_their_text()
    {
        var (client, planId) = await BacAiPlan();
        var tasks = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/tasks", Ct))!;
        JsonElement Task(string s, string n) => tasks.Single(t => t.GetProperty("sectionCode").GetString() == s && t.GetProperty("number").GetString() == n);

        Assert.Equal("584.NV", Task("I", "1").GetProperty("leadUnitCode").GetString());
        Assert.Equal("584.TP", Task("II", "1").GetProperty("leadUnitCode").GetString());
        Assert.Equal("584.VP", Task("III", "12").GetProperty("leadUnitCode").GetString());
        Assert.Equal("584.GDDT", Task("III", "9").GetProperty("leadUnitCode").GetString());
        Assert.Equal(["584.NV", "584.TCKH", "584.TNMT"], Task("IV", "3").GetProperty("leadUnitCodes").EnumerateArray().Select(e => e.GetString()!));
        var group = Task("III", "1");
        Assert.Equal(JsonValueKind.Null, group.GetProperty("leadUnitCode").ValueKind);
        Assert.Equal("Các cơ quan, đơn vị thuộc huyện UBND các xã", group.GetProperty("leadText").GetString());
        Assert.Contains("22783", Task("I", "1").GetProperty("partnerUnitCodes").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(Task("III", "9").GetProperty("partnerUnitCodes").EnumerateArray());
    }

    [Fact]
    public async Task Only_reform_officers_edit_plans()
    {
        var (desk, parentId) = await BacAiPlan("motcua.phuocbinh");
        var noivu = await app.ClientFor("noivu");
        var planBody = new { title = "Kế hoạch CCHC Phòng Tư pháp 2021-2025", issuingUnitCode = "584.TP", parentPlanId = parentId, periodFrom = 2021, periodTo = 2025 };
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsJsonAsync("/api/v1/plans", planBody, Ct)).StatusCode);
        var planResponse = await noivu.PostAsJsonAsync("/api/v1/plans", planBody, Ct);
        Assert.True(planResponse.StatusCode == HttpStatusCode.Created, await planResponse.Content.ReadAsStringAsync(Ct));
        var planId = (await planResponse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        var body = new { sectionCode = "I", sectionTitle = "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", number = "6", text = "Nhiệm vụ thử", timing = "Năm 2022", leadText = "Phòng Nội vụ" };
        var denied = await desk.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", body, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        var created = await noivu.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", body, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var task = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var occurrences = task.GetProperty("occurrences").EnumerateArray().ToArray();
        Assert.Equal("2022-12-31", Assert.Single(occurrences).GetProperty("dueDate").GetString());

        var duplicate = await noivu.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("số 6", await duplicate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
