using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Alarms;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Documents;

public sealed class DocumentsFactory : AppFactory
{
    public DocumentsFactory()
    {
        Settings["Alarms:Enabled"] = "false";
        Settings["Notifications:Dispatcher:Enabled"] = "false";
    }
}

/// <summary>Issue 23 items 1, 2 and 6: registers with locked numbering, processing with alarms and history, work files and their indicator.</summary>
public sealed class DocumentTests(DocumentsFactory app) : IClassFixture<DocumentsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Monday 07/12/2026, 09:00 in Vietnam: today.
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7));

    private static object Incoming(string subject, string notation = "125/UBND-VP") => new
    {
        issuer = "Ủy ban nhân dân tỉnh Khánh Hòa",
        notation,
        issuedOn = "2026-12-04",
        type = "CV",
        subject,
        signer = "Nguyễn Văn Ký",
        recipients = "UBND xã Bác Ái",
        urgency = "khan",
        secrecy = "thuong",
    };

    private static object Outgoing(string subject, string type = "QD", string secrecy = "thuong") => new
    {
        type,
        issuer = "Ủy ban nhân dân xã Bác Ái",
        issuerAbbreviation = "UBND",
        drafterAbbreviation = "VP",
        issuedOn = "2026-12-07",
        subject,
        signer = "Chamaléa Văn Duyệt",
        recipients = "Như trên;\nLưu: VT, VP.",
        secrecy,
    };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {json}");
        return json;
    }

    [Fact]
    public async Task Parallel_registrations_get_one_continuous_series_without_gaps_or_duplicates()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var other = await app.ClientFor("motcua.phuoctien");

        // A refused registration takes no number.
        var bad = await desk.PostAsJsonAsync("/api/v1/documents/incoming", new { type = "XX", subject = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // The other tests of this class share the database: the series continue from what they registered.
        var before = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=incoming&pageSize=1", Ct)).GetProperty("total").GetInt32();
        var incoming = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => desk.PostAsJsonAsync("/api/v1/documents/incoming", Incoming($"Về việc số {i}"), Ct)));
        var outgoing = await Task.WhenAll(Enumerable.Range(0, 15).Select(i => desk.PostAsJsonAsync("/api/v1/documents/outgoing", Outgoing($"Quyết định {i}"), Ct))
            .Concat(Enumerable.Range(0, 5).Select(i => desk.PostAsJsonAsync("/api/v1/documents/outgoing", Outgoing($"Quyết định mật {i}", secrecy: "mat"), Ct)))
            .Concat(Enumerable.Range(0, 5).Select(i => other.PostAsJsonAsync("/api/v1/documents/incoming", Incoming($"Xã khác {i}"), Ct))));

        var inNumbers = new List<int>();
        foreach (var r in incoming)
        {
            inNumbers.Add((await OkAsync(r)).GetProperty("number").GetInt32());
        }

        Assert.Equal(Enumerable.Range(before + 1, 30), inNumbers.Order());
        var outs = new List<JsonElement>();
        foreach (var r in outgoing)
        {
            outs.Add(await OkAsync(r));
        }

        var normal = outs.Where(o => o.GetProperty("unitCode").GetString() == "56.BACAI" && o.GetProperty("secrecy").GetString() == "thuong").ToList();
        var firstNormal = normal.Min(o => o.GetProperty("number").GetInt32());
        Assert.Equal(Enumerable.Range(firstNormal, 15), normal.Select(o => o.GetProperty("number").GetInt32()).Order());
        Assert.All(normal, o => Assert.Equal($"{o.GetProperty("number").GetInt32():00}/QĐ-UBND", o.GetProperty("notation").GetString()));
        var secret = outs.Where(o => o.GetProperty("secrecy").GetString() == "mat").ToList();
        Assert.Equal(Enumerable.Range(secret.Min(o => o.GetProperty("number").GetInt32()), 5), secret.Select(o => o.GetProperty("number").GetInt32()).Order());
        // Another unit's incoming series starts at 1 of its own.
        Assert.Equal(Enumerable.Range(1, 5), outs.Where(o => o.GetProperty("direction").GetString() == "incoming").Select(o => o.GetProperty("number").GetInt32()).Order());

        // Scoped lists and a search without diacritics.
        var page = await desk.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=incoming&pageSize=100", Ct);
        Assert.Equal(before + 30, page.GetProperty("total").GetInt32());
        var found = await desk.GetFromJsonAsync<JsonElement>("/api/v1/documents?q=" + Uri.EscapeDataString("ve viec so 17"), Ct);
        Assert.Equal("Về việc số 17", found.GetProperty("items")[0].GetProperty("subject").GetString());
        var byNotation = await desk.GetFromJsonAsync<JsonElement>("/api/v1/documents?q=" + Uri.EscapeDataString($"{firstNormal + 2:00}/QĐ-UBND"), Ct);
        Assert.Contains(byNotation.GetProperty("items").EnumerateArray(), i => i.GetProperty("notation").GetString() == $"{firstNormal + 2:00}/QĐ-UBND");
        var otherId = outs.First(o => o.GetProperty("unitCode").GetString() != "56.BACAI").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/v1/documents/{otherId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.GetAsync("/api/v1/documents?direction=sideways", Ct)).StatusCode);
    }

    [Fact]
    public async Task Register_assign_progress_and_close_with_history_and_the_dossiers_overdue_alarm()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var leader = await app.ClientFor("lanhdao.bacai");
        var officer = await app.ClientFor("chuyenvien.bacai");
        var doc = await OkAsync(await desk.PostAsJsonAsync("/api/v1/documents/incoming", Incoming("Về việc triển khai kế hoạch chuyển đổi số năm 2027"), Ct));
        var id = doc.GetProperty("id").GetInt64();

        var byDesk = await desk.PostAsJsonAsync($"/api/v1/documents/{id}/assignments",
            new { holders = new[] { new { userName = "chuyenvien.bacai", role = "chu-tri" } }, workingDays = 2 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, byDesk.StatusCode);
        var twoLeads = await leader.PostAsJsonAsync($"/api/v1/documents/{id}/assignments",
            new { holders = new[] { new { userName = "chuyenvien.bacai", role = "chu-tri" }, new { userName = "motcua.bacai", role = "chu-tri" } }, workingDays = 2 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, twoLeads.StatusCode);
        var outsider = await leader.PostAsJsonAsync($"/api/v1/documents/{id}/assignments",
            new { holders = new[] { new { userName = "chuyenvien", role = "chu-tri" } }, workingDays = 2 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);

        var assigned = await OkAsync(await leader.PostAsJsonAsync($"/api/v1/documents/{id}/assignments",
            new { holders = new[] { new { userName = "chuyenvien.bacai", role = "chu-tri" }, new { userName = "motcua.bacai", role = "de-biet" } }, workingDays = 2, note = "Đề xuất kế hoạch" }, Ct), HttpStatusCode.OK);
        // Two working days after Monday 07/12/2026: Wednesday 09/12/2026.
        Assert.All(assigned.GetProperty("holders").EnumerateArray(), h => Assert.Equal("2026-12-09", h.GetProperty("dueDate").GetString()));
        Assert.Equal("assigned", assigned.GetProperty("status").GetString());

        Assert.Contains("Về việc triển khai kế hoạch", WebUtility.HtmlDecode(await (await PageClient.SignedInAsync(app, "chuyenvien.bacai")).GetStringAsync("/Staff", Ct)), StringComparison.Ordinal);

        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/documents/{id}/progress", new { note = "Đã dự thảo kế hoạch" }, Ct), HttpStatusCode.OK);

        // Thursday: the chủ trì missed Wednesday's deadline: the same alarm as a stuck dossier.
        app.Clock.SetUtcNow(Today.AddDays(3));
        await app.Services.GetRequiredService<AlarmScanner>().RunOnceAsync(Ct);
        var alarm = await AlarmAsync(id);
        Assert.NotNull(alarm);
        Assert.Null(alarm.ResolvedAtUtc);
        var alarmsPage = await (await PageClient.SignedInAsync(app, "lanhdao.bacai")).GetStringAsync("/Alarms", Ct);
        Assert.Contains($"/Documents/Details?id={id}", alarmsPage, StringComparison.Ordinal);

        // Tokens are short-lived: sign in again on the new day.
        officer = await app.ClientFor("chuyenvien.bacai");

        var closed = await OkAsync(await officer.PostAsJsonAsync($"/api/v1/documents/{id}/progress", new { note = "Đã trình ký", close = true }, Ct), HttpStatusCode.OK);
        Assert.Equal("done", closed.GetProperty("status").GetString());
        Assert.Equal(["register", "assign", "progress", "close", "done"], closed.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()!));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/documents/{id}/progress", new { note = "x" }, Ct)).StatusCode);

        await app.Services.GetRequiredService<AlarmScanner>().RunOnceAsync(Ct);
        Assert.NotNull((await AlarmAsync(id))!.ResolvedAtUtc);

        // The history cannot be rewritten, whoever connects.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"DocumentEvents\" SET \"Note\" = 'x'", Ct));
    }

    private async Task<Alarm?> AlarmAsync(long documentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Alarms.AsNoTracking().SingleOrDefaultAsync(a => a.DossierId == documentId && a.Kind == AlarmKind.DocumentOverdue, Ct);
    }

    [Fact]
    public async Task Work_files_online_rate_is_what_was_closed_online_over_everything_closed()
    {
        app.Clock.SetUtcNow(Today);
        var officer = await app.ClientFor("chuyenvien.bacai");
        var leader = await app.ClientFor("lanhdao.bacai");
        async Task<long> OpenAsync(string title, bool secret = false) =>
            (await OkAsync(await officer.PostAsJsonAsync("/api/v1/workfiles", new { title, secret }, Ct))).GetProperty("id").GetInt64();

        var online = await OpenAsync("Kế hoạch chuyển đổi số 2027");
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/workfiles/{online}/items", new { kind = "note", text = "Đã lấy ý kiến các phòng" }, Ct));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/workfiles/{online}/close", new { medium = "electronic" }, Ct), HttpStatusCode.OK);

        var paper = await OpenAsync("Hồ sơ xử lý trên giấy");
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/workfiles/{paper}/close", new { medium = "paper", note = "Xử lý bằng văn bản giấy" }, Ct), HttpStatusCode.OK);

        var tasks = await OpenAsync("Báo cáo quý IV");
        var withTask = await OkAsync(await officer.PostAsJsonAsync($"/api/v1/workfiles/{tasks}/items", new { kind = "task", text = "Tổng hợp số liệu" }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/workfiles/{tasks}/close", new { medium = "electronic" }, Ct)).StatusCode);
        var taskId = withTask.GetProperty("items")[0].GetProperty("id").GetInt64();
        await OkAsync(await officer.PostAsync($"/api/v1/workfiles/{tasks}/items/{taskId}/done", null, Ct), HttpStatusCode.OK);
        var done = await OkAsync(await officer.PostAsJsonAsync($"/api/v1/workfiles/{tasks}/close", new { medium = "electronic" }, Ct), HttpStatusCode.OK);
        Assert.True(done.GetProperty("processedOnline").GetBoolean());

        var secret = await OpenAsync("Hồ sơ mật", secret: true);
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/workfiles/{secret}/items", new { kind = "note", text = "Nội dung mật" }, Ct));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/workfiles/{secret}/close", new { medium = "electronic" }, Ct), HttpStatusCode.OK);
        await OpenAsync("Còn đang mở");
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/v1/workfiles/{online}/close", new { medium = "fax" }, Ct)).StatusCode);

        // 2 processed online of 3 closed (the secret one is outside the target, the open one not closed yet).
        var json = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators?from=2026-12-01&to=2026-12-31&unit=56.BACAI", Ct);
        Assert.Equal(2.0 / 3, json.GetProperty("indicators").GetProperty("workFilesOnlineRate").GetDouble(), 6);
        var before = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators?from=2026-11-01&to=2026-11-30&unit=56.BACAI", Ct);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("indicators").GetProperty("workFilesOnlineRate").ValueKind);

        // The rebuild recomputes the same figure from the work files themselves.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await MotCua.Web.Features.Indicators.RebuildAggregates.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Ct);
        }

        json = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators?from=2026-12-01&to=2026-12-31&unit=56.BACAI", Ct);
        Assert.Equal(2.0 / 3, json.GetProperty("indicators").GetProperty("workFilesOnlineRate").GetDouble(), 6);
        Assert.Contains("Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", WebUtility.HtmlDecode(await (await PageClient.SignedInAsync(app, "lanhdao.bacai")).GetStringAsync("/Indicators?from=2026-12-01&to=2026-12-31&unit=56.BACAI", Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_form_numbers_the_document_and_shows_its_page()
    {
        app.Clock.SetUtcNow(Today);
        var client = await PageClient.SignedInAsync(app, "motcua.bacai");
        var token = await PageClient.TokenAsync(client, "/Documents/Register");
        var posted = await client.PostAsync("/Documents/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Notation"] = "88/SNV-CCHC",
            ["IssuedOn"] = "03/12/2026",
            ["ReceivedOn"] = "07/12/2026",
            ["Type"] = "CV",
            ["Issuer"] = "Sở Nội vụ tỉnh Khánh Hòa",
            ["Subject"] = "Về việc báo cáo cải cách hành chính quý IV",
            ["Signer"] = "Trần Văn Sở",
            ["Urgency"] = "thuong",
            ["Secrecy"] = "thuong",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(posted.Headers.Location!.ToString(), Ct));
        Assert.Contains("88/SNV-CCHC", page, StringComparison.Ordinal);
        Assert.Contains("Về việc báo cáo cải cách hành chính quý IV", page, StringComparison.Ordinal);

        // A refused form keeps what was typed and says why, in Vietnamese.
        var refused = await client.PostAsync("/Documents/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Notation"] = "89/SNV-CCHC",
            ["IssuedOn"] = "03/12/2026",
            ["Type"] = "XX",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chọn loại văn bản theo Nghị định 30/2020/NĐ-CP.", html, StringComparison.Ordinal);
        Assert.Contains("89/SNV-CCHC", html, StringComparison.Ordinal);
    }
}
