using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Issue 11 item 3: decisions need a listed reason, a refusal can be undone briefly, an electronic result needs its file.</summary>
public sealed class DecisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Refuse_stop_and_send_back_need_a_listed_reason_code_and_free_text()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var leader = await app.ClientFor("lanhdao");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;

        var noCode = await ActAsync(leader, code, new { action = "refuse", note = "Giấy tờ giả" });
        Assert.Equal("reasonCode", await FieldAsync(noCode));
        var unknown = await ActAsync(leader, code, new { action = "refuse", reasonCode = "NO-SUCH", note = "Giấy tờ giả" });
        Assert.Equal("reasonCode", await FieldAsync(unknown));
        var wrongAction = await ActAsync(leader, code, new { action = "refuse", reasonCode = "DANG-TRANH-CHAP", note = "Tranh chấp" });
        Assert.Equal("reasonCode", await FieldAsync(wrongAction));
        var noText = await ActAsync(leader, code, new { action = "stop", reasonCode = "DANG-TRANH-CHAP" });
        Assert.Equal("note", await FieldAsync(noText));

        await ActOkAsync(leader, code, new { action = "stop", reasonCode = "DANG-TRANH-CHAP", note = "Thửa đất đang tranh chấp tại tòa" });

        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", TestContext.Current.CancellationToken);
        var stop = history![^1];
        Assert.Equal("DANG-TRANH-CHAP", stop.GetProperty("reasonCode").GetString());
        Assert.StartsWith("Đối tượng của thủ tục đang có tranh chấp", stop.GetProperty("note").GetString());
        Assert.EndsWith("Thửa đất đang tranh chấp tại tòa", stop.GetProperty("note").GetString());
    }

    [Fact]
    public async Task The_reason_list_is_served_per_action_and_an_administrator_can_add_to_it()
    {
        var desk = await app.ClientFor("motcua");
        var sendBack = await desk.GetFromJsonAsync<JsonElement[]>("/api/v1/decision-reasons?action=send-back", TestContext.Current.CancellationToken);
        Assert.Contains(sendBack!, r => r.GetProperty("code").GetString() == "SAI-NOI-DUNG");
        Assert.DoesNotContain(sendBack!, r => r.GetProperty("code").GetString() == "KHONG-THAM-QUYEN");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.DecisionReasons.Add(new() { Code = "TEST-MOI", Text = "Lý do thử nghiệm", Actions = "stop", Order = 999 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var stop = await desk.GetFromJsonAsync<JsonElement[]>("/api/v1/decision-reasons?action=stop", TestContext.Current.CancellationToken);
        Assert.Equal("TEST-MOI", stop![^1].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refusal_is_undone_by_its_author_within_the_window_both_in_the_history()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var leader = await app.ClientFor("lanhdao");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        await ActOkAsync(leader, code, new { action = "refuse", reasonCode = "KHONG-DU-DIEU-KIEN", note = "Bấm nhầm" });

        var notAuthor = await ActAsync(desk, code, new { action = "undo-refusal" });
        Assert.Equal(HttpStatusCode.Forbidden, notAuthor.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(9));
        var undone = await ActOkAsync(leader, code, new { action = "undo-refusal", note = "Chọn nhầm hồ sơ" });

        Assert.Equal("Received", undone.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, undone.GetProperty("finishedOn").ValueKind);
        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", TestContext.Current.CancellationToken);
        Assert.Equal(["receive", "refuse", "undo-refusal"], history!.Select(e => e.GetProperty("action").GetString()));
        var verify = await (await app.ClientFor("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/admin/history/verify?code={code}", TestContext.Current.CancellationToken);
        Assert.Equal(1, verify.GetProperty("checked").GetInt32());
        Assert.Empty(verify.GetProperty("broken").EnumerateArray());
    }

    [Fact]
    public async Task An_undo_after_the_window_is_refused_and_the_refusal_stands()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var leader = await app.ClientFor("lanhdao");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        await ActOkAsync(leader, code, new { action = "refuse", reasonCode = "KHONG-DU-DIEU-KIEN", note = "Thiếu điều kiện" });

        app.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var late = await ActAsync(leader, code, new { action = "undo-refusal" });

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("10 phút", (await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal("Refused", (await GetAsync(desk, code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_electronic_result_is_recorded_only_as_an_uploaded_pdf_and_returned_signed()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var specialist = await app.ClientFor("chuyenvien");
        var leader = await app.ClientFor("lanhdao");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Procedures.Where(p => p.Code == Certification).ExecuteUpdateAsync(s => s.SetProperty(p => p.ResultKind, ResultKind.Electronic), TestContext.Current.CancellationToken);
        }

        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
        await ActOkAsync(specialist, code, new { action = "submit-for-approval" });
        await ActOkAsync(leader, code, new { action = "approve" });
        // A typed file code is no longer a result.
        Assert.Equal("resultFileId", await FieldAsync(await ActAsync(specialist, code, new { action = "record-result", resultFileId = "not-a-stored-file" })));

        using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf()), "file", "ket-qua.pdf" } };
        var upload = await specialist.PostAsync($"/api/v1/dossiers/{code}/result-file", form, TestContext.Current.CancellationToken);
        var fileId = (await upload.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("fileId").GetString();
        var recorded = await ActOkAsync(specialist, code, new { action = "record-result", resultFileId = fileId });
        var returned = await ActOkAsync(desk, code, new { action = "return-result" });

        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        await using var check = app.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db2.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code, TestContext.Current.CancellationToken);
        Assert.True(stored.ElectronicResult);
        // The dossier's result is the signed copy, stored as an upload of its own; the original stays in the history.
        Assert.NotEqual(fileId, stored.ResultFileId);
        Assert.Equal(recorded.GetProperty("resultFileId").GetString(), stored.ResultFileId);
        var signed = await db2.SignedResults.AsNoTracking().SingleAsync(r => r.DossierId == stored.Id, TestContext.Current.CancellationToken);
        Assert.Equal(signed.Sha256, await db2.UploadedFiles.Where(f => f.Id == stored.ResultFileId).Select(f => f.Sha256).SingleAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string?> FieldAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return problem.GetProperty("errors").EnumerateObject().Single().Name;
    }
}
