using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.ReformPlan;

public sealed class TargetMeasurementsTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Figure(string value, string? fileName, byte[]? content = null, string? note = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(value), "value" } };
        if (note is not null)
        {
            form.Add(new StringContent(note), "note");
        }

        if (fileName is not null)
        {
            form.Add(new ByteArrayContent(content ?? "%PDF-1.4 minh chung"u8.ToArray()), "file", fileName);
        }

        return form;
    }

    private async Task<(HttpClient Client, int PlanId, JsonElement[] Targets)> DistrictPlanAsync(string user = "noivu")
    {
        var client = await app.ClientFor(user);
        var plans = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/plans", Ct))!;
        var planId = plans.Single(p => p.GetProperty("issuingUnitCode").GetString() == "584").GetProperty("id").GetInt32();
        return (client, planId, (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/targets", Ct))!);
    }

    private static JsonElement Code(JsonElement[] targets, string code) => targets.Single(t => t.GetProperty("code").GetString() == code);

    [Fact]
    public async Task A_manual_figure_needs_evidence_and_every_entry_is_kept_with_the_latest_shown()
    {
        var (noivu, planId, targets) = await DistrictPlanAsync();
        // II.2 no. 8: public service units reduced by at least 10 % against 2021; no live indicator measures it.
        var id = Code(targets, "8").GetProperty("id").GetInt32();
        Assert.Equal("none", Code(targets, "8").GetProperty("currentSource").GetString());
        var url = $"/api/v1/plans/{planId}/targets/{id}/measurements";

        var noFile = await noivu.PostAsync(url, Figure("7,5", null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        var problem = await noFile.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("minh chứng", problem.GetProperty("errors").GetProperty("evidence")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await noivu.PostAsync(url, Figure("bảy", "qd.pdf"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await noivu.PostAsync(url, Figure("-1", "qd.pdf"), Ct)).StatusCode);

        var first = await noivu.PostAsync(url, Figure("7,5", "qd-sap-xep-2023.pdf", "%PDF-1.4 quyet dinh 2023"u8.ToArray(), "Quyết định sắp xếp năm 2023"), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var enteredAt = app.Clock.GetUtcNow().UtcDateTime;

        var target = Code((await noivu.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/targets", Ct))!, "8");
        Assert.Equal(("manual", 7.5m, 2.5m, 75m), (target.GetProperty("currentSource").GetString(), target.GetProperty("current").GetDecimal(),
            target.GetProperty("gap").GetDecimal(), target.GetProperty("progressPercent").GetDecimal()));
        Assert.Equal("noivu", target.GetProperty("latest").GetProperty("enteredBy").GetString());
        Assert.Equal(enteredAt, target.GetProperty("latest").GetProperty("enteredAt").GetDateTime(), TimeSpan.FromSeconds(1));

        app.Clock.Advance(TimeSpan.FromDays(30));
        noivu = await app.ClientFor("noivu");
        Assert.Equal(HttpStatusCode.Created, (await noivu.PostAsync(url, Figure("11", "qd-sap-xep-2025.pdf", "%PDF-1.4 quyet dinh 2025"u8.ToArray()), Ct)).StatusCode);
        target = Code((await noivu.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/targets", Ct))!, "8");
        Assert.Equal((11m, 0m, 100m, 2), (target.GetProperty("current").GetDecimal(), target.GetProperty("gap").GetDecimal(),
            target.GetProperty("progressPercent").GetDecimal(), target.GetProperty("measurements").GetInt32()));
        Assert.Equal("qd-sap-xep-2025.pdf", target.GetProperty("latest").GetProperty("evidenceName").GetString());

        var history = (await noivu.GetFromJsonAsync<JsonElement[]>(url, Ct))!;
        Assert.Equal([11m, 7.5m], history.Select(h => h.GetProperty("value").GetDecimal()));
        Assert.Equal("Quyết định sắp xếp năm 2023", history[1].GetProperty("note").GetString());

        // A commune of the district reads the evidence of the district's plan.
        var binh = await app.ClientFor("motcua.phuocbinh");
        var file = await binh.GetAsync(history[1].GetProperty("evidenceUrl").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("%PDF-1.4 quyet dinh 2023"u8.ToArray(), await file.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await binh.PostAsync(url, Figure("12", "x.pdf"), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_target_measured_live_takes_no_manual_figure_and_the_json_update_refuses_one()
    {
        var (noivu, planId, targets) = await DistrictPlanAsync();
        var live = Code(targets, "4");
        Assert.Equal("indicator", live.GetProperty("currentSource").GetString());
        var r = await noivu.PostAsync($"/api/v1/plans/{planId}/targets/{live.GetProperty("id").GetInt32()}/measurements", Figure("2", "bb.pdf"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("đo tự động", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var t8 = Code(targets, "8");
        var put = await noivu.PutAsJsonAsync($"/api/v1/plans/{planId}/targets/{t8.GetProperty("id").GetInt32()}", new
        {
            code = "8",
            text = t8.GetProperty("text").GetString(),
            value = 10,
            unit = "%",
            comparison = "at-least",
            year = 2025,
            baseYear = 2021,
            manualValue = 9,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("/measurements", await put.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_of_a_commune_plan_is_closed_to_staff_of_another_commune()
    {
        var noivu = await app.ClientFor("noivu");
        var plan = await noivu.PostAsJsonAsync("/api/v1/plans", new { title = "Kế hoạch CCHC xã Phước Tiến 2025 (thử)", issuingUnitCode = "22792", periodFrom = 2025, periodTo = 2025 }, Ct);
        var planId = (await plan.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var target = await noivu.PostAsJsonAsync($"/api/v1/plans/{planId}/targets", new { code = "1", text = "Giảm 10% đầu mối", value = 10, unit = "%", year = 2025 }, Ct);
        Assert.Equal(HttpStatusCode.Created, target.StatusCode);
        var targetId = (await target.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var added = await noivu.PostAsync($"/api/v1/plans/{planId}/targets/{targetId}/measurements", Figure("4", "bc-xa.pdf"), Ct);
        var evidenceUrl = (await added.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("evidenceUrl").GetString();

        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor("motcua.phuoctien")).GetAsync(evidenceUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await noivu.GetAsync(evidenceUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("motcua.phuocbinh")).GetAsync(evidenceUrl, Ct)).StatusCode);
    }
}

public sealed class EditTargetPageTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Token(string html) => System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private async Task<HttpClient> SignedIn(string userName)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = Token(await client.GetStringAsync("/Account/Login", Ct));
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = MotCua.Testing.AppFactory.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_edit_target_page_takes_a_figure_with_its_evidence_file_and_without_one_explains_why_not()
    {
        var noivu = await app.ClientFor("noivu");
        var planId = (await noivu.GetFromJsonAsync<JsonElement[]>("/api/v1/plans", Ct))!.Single(p => p.GetProperty("issuingUnitCode").GetString() == "584").GetProperty("id").GetInt32();
        var target = (await noivu.GetFromJsonAsync<JsonElement[]>($"/api/v1/plans/{planId}/targets", Ct))!.Single(t => t.GetProperty("code").GetString() == "8");
        var url = $"/ReformPlan/EditTarget?planId={planId}&id={target.GetProperty("id").GetInt32()}";

        var browser = await SignedIn("noivu");
        var html = await browser.GetStringAsync(url, Ct);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"file\"", html, StringComparison.Ordinal);

        MultipartFormDataContent Form(string token, string figure, bool withFile)
        {
            var form = new MultipartFormDataContent();
            foreach (var (k, v) in new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Code"] = "8",
                ["Input.Text"] = target.GetProperty("text").GetString()!,
                ["Input.Value"] = "10",
                ["Input.Unit"] = "%",
                ["Input.Comparison"] = "AtLeast",
                ["Input.Year"] = "2025",
                ["Input.BaseYear"] = "2021",
                ["ManualValue"] = figure,
                ["ManualNote"] = "Báo cáo sắp xếp tổ chức",
            })
            {
                form.Add(new StringContent(v), k);
            }

            if (withFile)
            {
                form.Add(new ByteArrayContent("%PDF-1.4 bao cao"u8.ToArray()), "Evidence", "bao-cao-sap-xep.pdf");
            }

            return form;
        }

        var refused = await browser.PostAsync(url, Form(Token(html), "8", withFile: false), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("error-summary", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Số liệu nhập tay phải kèm tệp minh chứng", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#evidence\"", refusedHtml, StringComparison.Ordinal);

        var saved = await browser.PostAsync(url, Form(Token(html), "8", withFile: true), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var plan = WebUtility.HtmlDecode(await browser.GetStringAsync($"/ReformPlan/Plan?id={planId}", Ct));
        Assert.Contains("bao-cao-sap-xep.pdf", plan, StringComparison.Ordinal);
        Assert.Contains("80 %", plan, StringComparison.Ordinal);
        var history = WebUtility.HtmlDecode(await browser.GetStringAsync(url, Ct));
        Assert.Contains("Báo cáo sắp xếp tổ chức", history, StringComparison.Ordinal);

        // Without the antiforgery token the form is refused.
        var forged = await browser.PostAsync(url, Form("", "9", withFile: true), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
