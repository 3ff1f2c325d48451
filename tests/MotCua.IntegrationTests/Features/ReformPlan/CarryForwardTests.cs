using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Features.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.ReformPlan;

/// <summary>Issue 20 item 4: a plan period opened for a unit of today's structure by carrying the district plan's targets forward.</summary>
public sealed partial class CarryForwardTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Admin, int PlanId, JsonElement[] Source)> BacAiPlanAsync()
    {
        _ = app.Services;
        app.Clock.SetUtcNow(Today);
        var admin = await app.ClientFor("admin");
        var plans = (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/plans", Ct))!;
        var id = plans.Single(p => p.GetProperty("issuingUnitCode").GetString() == "584").GetProperty("id").GetInt32();
        return (admin, id, (await admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{id}/targets", Ct))!);
    }

    private static string S(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    [Fact]
    public async Task Every_commune_target_line_is_copied_with_its_indicator_link_and_a_second_opening_is_refused()
    {
        var (admin, planId, source) = await BacAiPlanAsync();

        var opened = await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/carry-forward", new { unitCode = "56.BACAIDONG", year = 2026 }, Ct);
        var plan = await opened.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(opened.StatusCode == HttpStatusCode.Created, plan.ToString());
        Assert.Equal("56.BACAIDONG", S(plan, "issuingUnitCode"));
        Assert.Equal(2026, plan.GetProperty("periodFrom").GetInt32());
        Assert.Equal(2026, plan.GetProperty("periodTo").GetInt32());

        var copied = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{plan.GetProperty("id").GetInt32()}/targets", Ct))!;
        // One target per line of the source that applies to a commune: the level-free ones and the "cấp xã" ones, a ramp counted once.
        var lines = source.Where(t => t.GetProperty("scope").ValueKind == JsonValueKind.Null || S(t, "scope") == "commune")
            .Select(t => (YearSuffix().Replace(S(t, "code"), ""), t.GetProperty("scope").ToString())).Distinct().Count();
        Assert.Equal(lines, copied.Length);
        Assert.All(copied, t => Assert.Equal(2026, t.GetProperty("year").GetInt32()));
        Assert.DoesNotContain(copied, t => t.GetProperty("scope").ValueKind != JsonValueKind.Null && S(t, "scope") == "district");

        JsonElement Copied(string code) => copied.Single(t => S(t, "code") == code);
        JsonElement Source(string code) => source.Single(t => S(t, "code") == code);
        foreach (var code in new[] { "III.2.2c", "III.2.3", "III.2.6b", "III.2.7b", "III.2.9", "III.2.10", "11b", "5c", "8" })
        {
            Assert.Equal(Source(code).GetProperty("indicatorKey").ToString(), Copied(code).GetProperty("indicatorKey").ToString());
            Assert.Equal(Source(code).GetProperty("value").GetDecimal(), Copied(code).GetProperty("value").GetDecimal());
            Assert.Equal(S(Source(code), "comparison"), S(Copied(code), "comparison"));
        }

        Assert.Equal("identifiedRate", S(Copied("III.2.9"), "indicatorKey"));
        Assert.Equal("above", S(Copied("III.2.7b"), "comparison"));
        // The commune digitization ramp (10 % in 2021, +20 a year until 100 %) reaches 100 % in 2026.
        var ramp = Copied("III.2.5x-2026");
        Assert.Equal(100m, ramp.GetProperty("value").GetDecimal());
        Assert.Equal("electronicResultRate", S(ramp, "indicatorKey"));
        Assert.Equal("commune", S(ramp, "scope"));

        var again = await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/carry-forward", new { unitCode = "56.BACAIDONG", year = 2026 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("Xã Bác Ái Đông đã có kế hoạch cho năm 2026", S(problem, "detail"), StringComparison.Ordinal);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/plans", Ct))!
            .Count(p => S(p, "issuingUnitCode").StartsWith("56.", StringComparison.Ordinal) && p.GetProperty("periodFrom").GetInt32() == 2026));
    }

    [Fact]
    public async Task The_demo_opened_2026_for_Xa_Bac_Ai_and_units_that_ended_or_years_inside_the_source_are_refused()
    {
        var (admin, planId, _) = await BacAiPlanAsync();

        var duplicate = await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/carry-forward", new { unitCode = "56.BACAI", year = 2026 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("Xã Bác Ái đã có kế hoạch cho năm 2026", S(await duplicate.Content.ReadFromJsonAsync<JsonElement>(Ct), "detail"), StringComparison.Ordinal);

        var ended = await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/carry-forward", new { unitCode = "22801", year = 2027 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, ended.StatusCode);
        Assert.Contains("cơ cấu tổ chức hiện hành", (await ended.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var inside = await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/carry-forward", new { unitCode = "56.BACAITAY", year = 2024 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, inside.StatusCode);

        var leader = await app.ClientFor("lanhdao.bacai");
        var forbidden = await leader.PostAsJsonAsync($"/api/v1/plans/{planId}/carry-forward", new { unitCode = "56.BACAI", year = 2027 }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task The_plan_page_opens_a_period_and_shows_a_duplicate_as_an_error()
    {
        var (_, planId, _) = await BacAiPlanAsync();
        var page = await PageClient.SignedInAsync(app, "admin");
        var url = $"/ReformPlan/Plan?id={planId}";
        var html = await page.GetStringAsync(url, Ct);
        Assert.Contains("data-testid=\"carry-forward\"", html, StringComparison.Ordinal);

        async Task<HttpResponseMessage> Post(string unit, string year) => await page.PostAsync($"/ReformPlan/Plan?handler=CarryForward&id={planId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CarryUnitCode"] = unit,
            ["CarryYear"] = year,
            ["__RequestVerificationToken"] = await PageClient.TokenAsync(page, url),
        }), Ct);

        var opened = await Post("56.BACAITAY", "2027");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var target = WebUtility.HtmlDecode(await page.GetStringAsync(opened.Headers.Location!.OriginalString, Ct));
        Assert.Contains("Xã Bác Ái Tây", target, StringComparison.Ordinal);
        Assert.Contains("III.2.5x-2027", target, StringComparison.Ordinal);

        var refused = await Post("56.BACAITAY", "2027");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Xã Bác Ái Tây đã có kế hoạch cho năm 2027", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_carry_forwards_for_one_unit_and_year_open_one_period_and_the_others_get_409()
    {
        var (_, planId, _) = await BacAiPlanAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.ClientFor("admin")));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/v1/plans/{planId}/carry-forward", new { unitCode = "56.BACAIDONG", year = 2028 }, Ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToArray();
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var r in refused)
        {
            var problem = await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Contains("đã có kế hoạch cho năm 2028", S(problem, "detail"), StringComparison.Ordinal);
        }

        var admin = clients[0];
        Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/plans", Ct))!,
            p => S(p, "issuingUnitCode") == "56.BACAIDONG" && p.GetProperty("periodFrom").GetInt32() == 2028);
    }

    [Fact]
    public async Task The_database_refuses_a_second_annual_plan_for_a_unit_and_year_even_without_the_check()
    {
        var (_, planId, _) = await BacAiPlanAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var carry = scope.ServiceProvider.GetRequiredService<CarryTargetsForward>();
        var source = await db.Plans.AsNoTracking().Include(p => p.Targets).SingleAsync(p => p.Id == planId, Ct);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == "56.BACAITAY", Ct);

        // OpenAsync skips the handler's check (the demo seed calls it directly): only the unique index stands in the way.
        await carry.OpenAsync(source, unit, 2029, null, Ct);
        db.ChangeTracker.Clear();
        var second = await Assert.ThrowsAsync<DbUpdateException>(() => carry.OpenAsync(source, unit, 2029, "Kế hoạch trùng", Ct));
        Assert.True(DbErrors.IsUniqueViolation(second), second.InnerException?.Message);

        // A multi-year plan of the same unit is another kind of plan and stays allowed; so is another year.
        db.ChangeTracker.Clear();
        db.Plans.Add(new Plan { Title = "Kế hoạch giai đoạn 2026–2030", IssuingUnitId = unit.Id, PeriodFrom = 2029, PeriodTo = 2030 });
        await db.SaveChangesAsync(Ct);
        await carry.OpenAsync(source, unit, 2031, null, Ct);
    }

    [GeneratedRegex(@"-\d{4}$")]
    private static partial Regex YearSuffix();
}
