using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Issue 20 item 7: the desk corrects a received dossier; form 01 is reissued; the history keeps both versions.</summary>
public sealed class CorrectionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> CorrectAsync(HttpClient client, string code, object body) =>
        client.PostAsJsonAsync($"/api/v1/dossiers/{code}/corrections", body, Ct);

    [Fact]
    public async Task A_correction_reissues_form_01_keeps_the_old_version_and_never_moves_the_appointment()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        var before = await GetAsync(desk, code);

        // Two days later, the applicant points out a wrong phone number and a misspelt address.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 2, 0, 0, TimeSpan.Zero));
        desk = await app.ClientFor("motcua.bacai"); // a fresh sign-in: tokens expire in two days
        var response = await CorrectAsync(desk, code, new
        {
            reason = "Người nộp báo sai số điện thoại và địa chỉ",
            applicant = new { phone = "0987654321", address = "Thôn Ma Lâm, xã Bác Ái" },
        });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        Assert.Equal(2, json.GetProperty("formVersion").GetInt32());
        Assert.Equal(["phone", "address"], json.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()));

        var after = await GetAsync(desk, code);
        Assert.Equal("0987654321", after.GetProperty("applicant").GetProperty("phone").GetString());
        Assert.Equal(Date(before, "appointmentDate"), Date(after, "appointmentDate"));
        Assert.Equal(Date(before, "legalDueDate"), Date(after, "legalDueDate"));

        // The event: append-only, hash-chained, masked; the due date before and after is the same.
        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", Ct);
        var e = history!.Single(x => x.GetProperty("action").GetString() == "correct");
        var note = e.GetProperty("note").GetString()!;
        Assert.Contains("Người nộp báo sai số điện thoại", note, StringComparison.Ordinal);
        Assert.Contains("******5678 → ******4321", note, StringComparison.Ordinal);
        Assert.DoesNotContain("0987654321", note, StringComparison.Ordinal);
        Assert.Equal(e.GetProperty("dueDateBefore").GetString(), e.GetProperty("dueDateAfter").GetString());
        Assert.Single(e.GetProperty("attachments").EnumerateArray());
        using (var scope = app.Services.CreateScope())
        {
            var report = await VerifyHistory.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), null, code, Ct);
            Assert.Empty(report.Broken);
        }

        // Both versions stay printable: version 1 with the old phone, the current one with the new phone and its number.
        var v1 = await desk.GetStringAsync($"/api/v1/dossiers/{code}/forms/01.html?version=1", Ct);
        var v2 = await desk.GetStringAsync($"/api/v1/dossiers/{code}/forms/01.html", Ct);
        Assert.Contains("0912345678", v1, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản số", v1, StringComparison.Ordinal);
        Assert.Contains("0987654321", v2, StringComparison.Ordinal);
        Assert.Contains("Bản số: 2", v2, StringComparison.Ordinal);
        Assert.Equal(v2, await desk.GetStringAsync($"/api/v1/dossiers/{code}/forms/01.html?version=2", Ct));
        var pdf = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/01.pdf?version=1", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/v1/dossiers/{code}/forms/01.pdf?version=3", Ct)).StatusCode);

        // The full before/after values, for staff who can see the dossier.
        var corrections = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/corrections", Ct);
        var phone = corrections!.Single().GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "phone");
        Assert.Equal("0912345678", phone.GetProperty("before").GetString());
        Assert.Equal("0987654321", phone.GetProperty("after").GetString());

        // Public tracking shows neither value nor the note.
        var tracking = await app.CreateClient().GetStringAsync($"/api/v1/tracking/{code}?verifier=1234", Ct);
        Assert.DoesNotContain("0987654321", tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", tracking, StringComparison.Ordinal);

        // A second correction (components this time) makes version 3; version 2 is now the earlier one.
        var documents = (await ProcedureAsync(desk, Certification)).GetProperty("documents").EnumerateArray()
            .Select(d => new { name = d.GetProperty("name").GetString(), kind = "certified-copy", count = 2 }).ToArray();
        var second = await CorrectAsync(desk, code, new { reason = "Bản sao có chứng thực, 2 bản", documents });
        Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(3, (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("formVersion").GetInt32());
        Assert.Contains("0987654321", await desk.GetStringAsync($"/api/v1/dossiers/{code}/forms/01.html?version=2", Ct), StringComparison.Ordinal);
        Assert.Equal(2, (await GetAsync(desk, code)).GetProperty("documents")[0].GetProperty("count").GetInt32());

        var page = await (await PageClient.SignedInAsync(app, "motcua.bacai")).GetStringAsync($"/Dossiers/Details?code={code}", Ct);
        Assert.Contains("data-testid=\"correct-form\"", page, StringComparison.Ordinal);
        Assert.Contains("01.pdf?version=1", page, StringComparison.Ordinal);
        Assert.Contains("01.pdf?version=2", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_needs_a_reason_a_change_valid_values_the_receiving_desk_and_an_undecided_dossier()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;

        foreach (var (body, field) in new (object, string)[]
        {
            (new { applicant = new { phone = "0987654321" } }, "reason"),
            (new { reason = "   ", applicant = new { phone = "0987654321" } }, "reason"),
            (new { reason = "Sửa", applicant = new { phone = "12345" } }, "applicant.phone"),
            (new { reason = "Sửa", applicant = new { idNumber = "999" } }, "applicant.idNumber"),
            (new { reason = "Sửa", applicant = new { fullName = "" } }, "applicant.fullName"),
            (new { reason = "Sửa", applicant = new { phone = "0912345678" } }, "applicant"),
            (new { reason = "Sửa", documents = new[] { new { name = "Giấy tờ khác", count = 1 } } }, "documents"),
        })
        {
            var response = await CorrectAsync(desk, code, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var specialist = await app.ClientFor("chuyenvien.bacai");
        Assert.Equal(HttpStatusCode.Forbidden, (await CorrectAsync(specialist, code, new { reason = "Sửa", applicant = new { phone = "0987654321" } })).StatusCode);
        var otherCommune = await app.ClientFor("motcua.phuocbinh");
        Assert.Equal(HttpStatusCode.NotFound, (await CorrectAsync(otherCommune, code, new { reason = "Sửa", applicant = new { phone = "0987654321" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CorrectAsync(desk, "56.BACAI-000000-0000", new { reason = "Sửa" })).StatusCode);

        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "56.BACAI" });
        await ActOkAsync(specialist, code, new { action = "submit-for-approval" });
        await ActOkAsync(await app.ClientFor("lanhdao.bacai"), code, new { action = "approve" });
        var decided = await CorrectAsync(desk, code, new { reason = "Sửa", applicant = new { phone = "0987654321" } });
        Assert.Equal(HttpStatusCode.Conflict, decided.StatusCode);
        Assert.Equal("application/problem+json", decided.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0912345678", (await GetAsync(desk, code)).GetProperty("applicant").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task The_desk_corrects_from_the_dossier_page()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        var page = await PageClient.SignedInAsync(app, "motcua.bacai");
        var token = await PageClient.TokenAsync(page, $"/Dossiers/Details?code={code}");
        var response = await page.PostAsync($"/Dossiers/Details?code={code}&handler=Correct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["code"] = code,
            ["fullName"] = "Chamaléa Thị Mỹ Hường",
            ["idNumber"] = "058090001234",
            ["phone"] = "0911222333",
            ["address"] = "Thôn Ma Hoa, xã Phước Bình",
            ["reason"] = "Sai số điện thoại",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("0911222333", (await GetAsync(desk, code)).GetProperty("applicant").GetProperty("phone").GetString());
    }
}
