using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Features.Payments;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Feedback;

public sealed class FeedbackTests(PaymentsFactory app) : IClassFixture<PaymentsFactory>
{
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Good = new { overall = 4, time = 5, contacts = 1, attitude = 4, transparency = 5, comment = "Cán bộ hướng dẫn tận tình" };

    [Fact]
    public async Task The_applicant_rates_a_returned_dossier_once_and_the_dossier_keeps_the_overall_score()
    {
        app.Clock.SetUtcNow(Tuesday);
        var citizen = await app.ClientFor("congdan");
        var open = await app.DossierWithResultAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{open}/rating", Good, Ct)).StatusCode);

        var code = await app.ReturnedDossierAsync();
        var invalid = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/rating", new { overall = 6, time = 0, contacts = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.All(new[] { "overall", "time", "contacts", "attitude", "transparency" }, f => Assert.True(errors.TryGetProperty(f, out _), f));

        var created = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/rating", Good, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("online", (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("channel").GetString());
        Assert.Equal(4, app.InScope(db => db.Dossiers.AsNoTracking().Single(d => d.Code == code).Rating));
        Assert.Equal("rate", (await PaymentsFactory.ActionsAsync(citizen, code))[^1]);

        var twice = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/rating", Good, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Single(app.InScope(db => db.DossierRatings.Where(r => r.DossierCode == code).ToArray()));
    }

    [Fact]
    public async Task The_kiosk_at_the_desk_rates_with_the_last_four_digits_of_the_id()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.ReturnedDossierAsync();
        var desk = await app.ClientFor("motcua.phuocbinh");

        var wrong = await desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/rating", new { overall = 2, time = 2, contacts = 3, attitude = 3, transparency = 3, verifier = "0000" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var right = await desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/rating", new { overall = 2, time = 2, contacts = 3, attitude = 3, transparency = 3, verifier = "1234" }, Ct);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        Assert.Equal("kiosk", (await right.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("channel").GetString());
        Assert.Equal(2, app.InScope(db => db.Dossiers.AsNoTracking().Single(d => d.Code == code).Rating));
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/Feedback/Kiosk", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_complaint_about_a_dossier_gets_deadlines_on_the_working_day_calendar_and_marks_the_dossier()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.ReturnedDossierAsync();
        // Friday 29/08/2025: Monday 1/9 and Tuesday 2/9 are public holidays.
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 8, 29, 3, 0, 0, TimeSpan.Zero));
        using var anonymous = app.CreateClient();

        var wrong = await anonymous.PostAsJsonAsync("/api/v1/feedback", Complaint(code, "9999"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("dossierCode", out _));
        Assert.False(app.InScope(db => db.Dossiers.AsNoTracking().Single(d => d.Code == code).Complaint));

        var created = await anonymous.PostAsJsonAsync("/api/v1/feedback", Complaint(code, "1234"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(await CalendarDueAsync(anonymous, "2025-08-29", 2), Date(body, "refuseBy"));
        Assert.Equal(await CalendarDueAsync(anonymous, "2025-08-29", 5), Date(body, "askMoreBy"));
        Assert.Equal(await CalendarDueAsync(anonymous, "2025-08-29", 15), Date(body, "resolveBy"));
        Assert.Equal(new DateOnly(2025, 9, 4), Date(body, "refuseBy")); // Wed 3/9 is day 1, Thu 4/9 day 2
        Assert.StartsWith("PAKN-2025-", body.GetProperty("number").GetString());
        Assert.True(app.InScope(db => db.Dossiers.AsNoTracking().Single(d => d.Code == code).Complaint));
        Assert.Equal("complaint", (await PaymentsFactory.ActionsAsync(await app.ClientFor("congdan"), code))[^1]);
    }

    [Fact]
    public async Task Staff_answer_in_their_scope_late_steps_are_marked_and_the_published_answer_masks_personal_data()
    {
        app.Clock.SetUtcNow(Tuesday);
        using var anonymous = app.CreateClient();
        var created = await anonymous.PostAsJsonAsync("/api/v1/feedback", new
        {
            kind = "suggestion",
            subject = "Giờ làm việc buổi sáng",
            content = "Đề nghị mở cửa sớm hơn. Liên hệ tôi qua 0912 345 678 hoặc an.nguyen@example.com, CCCD 058090001234.",
            senderName = "Nguyễn Văn An",
            senderPhone = "0912345678",
            unitCode = "22783",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!;

        var outside = await app.ClientFor("motcua.phuoctien");
        Assert.DoesNotContain(await outside.GetFromJsonAsync<JsonElement[]>("/api/v1/feedback", Ct) ?? [], f => f.GetProperty("number").GetString() == number);
        Assert.Equal(HttpStatusCode.NotFound, (await outside.PostAsJsonAsync($"/api/v1/feedback/{number}/actions", new { action = "answer", text = "x" }, Ct)).StatusCode);

        var desk = await app.ClientFor("motcua.phuocbinh");
        var asked = await desk.PostAsJsonAsync($"/api/v1/feedback/{number}/actions", new { action = "request-info", text = "Xin cho biết giờ mong muốn." }, Ct);
        var askedBody = await asked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("awaiting-info", askedBody.GetProperty("status").GetString());
        Assert.False(askedBody.GetProperty("late").GetBoolean());

        app.Clock.Advance(TimeSpan.FromDays(30)); // past the 15 working days
        desk = await app.ClientFor("motcua.phuocbinh"); // the earlier token has expired by now
        var noText = await desk.PostAsJsonAsync($"/api/v1/feedback/{number}/actions", new { action = "answer", text = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        var answered = await desk.PostAsJsonAsync($"/api/v1/feedback/{number}/actions", new
        {
            action = "answer",
            text = "UBND xã sẽ mở cửa từ 7 giờ từ tháng sau. Ông An (0912345678) đã được trả lời trực tiếp.",
            publish = true,
        }, Ct);
        var a = await answered.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("answered", a.GetProperty("status").GetString());
        Assert.True(a.GetProperty("late").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/feedback/{number}/actions", new { action = "refuse", text = "x" }, Ct)).StatusCode);

        var published = await anonymous.GetFromJsonAsync<JsonElement[]>("/api/v1/feedback/published", Ct);
        var item = Assert.Single(published!, f => f.GetProperty("number").GetString() == number);
        var json = item.ToString();
        Assert.Equal("N*** V*** A***", item.GetProperty("senderName").GetString());
        Assert.DoesNotContain("0912345678", json);
        Assert.DoesNotContain("0912 345 678", json);
        Assert.DoesNotContain("058090001234", json);
        Assert.DoesNotContain("an.nguyen@", json);
        Assert.Contains("5678", item.GetProperty("content").GetString());
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Feedback", Ct));
        Assert.Contains("UBND xã sẽ mở cửa từ 7 giờ", page);
        Assert.DoesNotContain("Nguyễn Văn An", page);
    }

    private static object Complaint(string code, string verifier) => new
    {
        kind = "complaint",
        subject = "Trả kết quả chậm",
        content = "Tôi phải đến hai lần mới nhận được kết quả.",
        senderName = "Chamaléa Thị Dân",
        senderPhone = "0912345678",
        dossierCode = code,
        verifier,
    };
}
