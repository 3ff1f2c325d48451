using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Features.Signing;
using MotCua.Web.Features.Signing;

namespace MotCua.IntegrationTests.Features.Documents;

/// <summary>
/// Issue 23, the middle of the journey: an outgoing draft (a reply to an incoming document) → the leader's signature → the
/// clerk numbers and issues it with the agency's signature → anyone verifies the issued file. Today, at Xã Bác Ái (56.BACAI).
/// </summary>
public sealed class DraftTests(DocumentsFactory app) : IClassFixture<DocumentsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Monday 07/12/2026, 09:00 in Vietnam: today.
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7));

    private static object Draft(string subject, long? repliesTo = null, string? text = "Ủy ban nhân dân xã Bác Ái trả lời như sau:\nThống nhất với đề nghị.", string? fileId = null) => new
    {
        type = "CV",
        issuer = "Ủy ban nhân dân xã Bác Ái",
        issuerAbbreviation = "UBND",
        drafterAbbreviation = "VP",
        subject,
        signer = "Chủ tịch UBND xã",
        recipients = "Ủy ban nhân dân tỉnh Khánh Hòa;\nLưu: VT, VP.",
        text,
        fileId,
        repliesToId = repliesTo,
    };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {json}");
        return json;
    }

    private static long Id(JsonElement d) => d.GetProperty("id").GetInt64();

    private static async Task<long> IncomingAsync(HttpClient desk, string subject) =>
        Id(await OkAsync(await desk.PostAsJsonAsync("/api/v1/documents/incoming", new
        {
            issuer = "Ủy ban nhân dân tỉnh Khánh Hòa",
            notation = "318/UBND-KT",
            issuedOn = "2026-12-03",
            type = "CV",
            subject,
            signer = "Nguyễn Văn Ký",
        }, Ct), HttpStatusCode.Created));

    /// <summary>The last số of the unit's ordinary outgoing series, by issuing one document the usual way.</summary>
    private static async Task<int> IssueOneAsync(HttpClient desk, string subject) =>
        (await OkAsync(await desk.PostAsJsonAsync("/api/v1/documents/outgoing", new
        {
            type = "TB",
            issuer = "Ủy ban nhân dân xã Bác Ái",
            issuerAbbreviation = "UBND",
            subject,
            signer = "Chủ tịch UBND xã",
        }, Ct), HttpStatusCode.Created)).GetProperty("number").GetInt32();

    [Fact]
    public async Task Draft_sign_and_issue_give_the_next_number_and_a_pdf_with_two_valid_signatures_the_verifier_calls_issued()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var leader = await app.ClientFor("lanhdao.bacai");
        var specialist = await app.ClientFor("chuyenvien.bacai");
        var incoming = await IncomingAsync(desk, "Về việc rà soát hộ nghèo năm 2026");
        await OkAsync(await leader.PostAsJsonAsync($"/api/v1/documents/{incoming}/assignments",
            new { holders = new[] { new { userName = "chuyenvien.bacai", role = "chu-tri" } }, workingDays = 5 }, Ct));
        var before = await IssueOneAsync(desk, "Thông báo trước dự thảo");

        var drafted = await OkAsync(await specialist.PostAsJsonAsync("/api/v1/documents/drafts", Draft("V/v trả lời văn bản số 318/UBND-KT", incoming), Ct), HttpStatusCode.Created);
        var id = Id(drafted);
        Assert.Equal("draft", drafted.GetProperty("status").GetString());
        Assert.Equal(0, drafted.GetProperty("number").GetInt32());
        Assert.Equal(incoming, drafted.GetProperty("draft").GetProperty("repliesToId").GetInt64());
        // Not in the register until the clerk numbers it.
        var register = await specialist.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=outgoing&pageSize=100", Ct);
        Assert.DoesNotContain(register.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);

        var signed = await OkAsync(await leader.PostAsync($"/api/v1/documents/{id}/sign", null, Ct));
        Assert.Equal("signed", signed.GetProperty("status").GetString());
        var issued = await OkAsync(await desk.PostAsync($"/api/v1/documents/{id}/issue", null, Ct));

        // The next number of the series, the ký hiệu of a công văn, issued today.
        Assert.Equal("issued", issued.GetProperty("status").GetString());
        Assert.Equal(before + 1, issued.GetProperty("number").GetInt32());
        var notation = $"{before + 1:00}/UBND-VP";
        Assert.Equal(notation, issued.GetProperty("notation").GetString());
        Assert.Equal("2026-12-07", issued.GetProperty("issuedOn").GetString());
        Assert.Equal(before + 2, await IssueOneAsync(desk, "Thông báo sau dự thảo"));
        Assert.Equal(["draft", "sign", "issue"], issued.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        var answered = await specialist.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{incoming}", Ct);
        Assert.Contains(answered.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "reply" && e.GetProperty("note").GetString()!.Contains(notation, StringComparison.Ordinal));

        // Two signatures: the leader's, still intact under the agency's incremental update, and the agency's over the whole file.
        var pdf = await desk.GetByteArrayAsync(issued.GetProperty("attachments")[0].GetProperty("url").GetString(), Ct);
        var checks = await app.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(pdf, Ct);
        Assert.NotNull(checks);
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.True(c.IntegrityValid, string.Join("; ", c.Problems)));
        Assert.False(checks[0].CoversWholeDocument);
        Assert.True(checks[1].CoversWholeDocument);
        var (sigs, output) = await Pdfsig.RunAsync(pdf);
        Assert.True(sigs.Count == 2, output);
        Assert.All(sigs, s => Assert.True(s.Valid, output));
        Assert.Equal("ETSI.CAdES.detached", sigs[1].Type);
        Assert.True(sigs[0].NotTotalDocumentSigned, output);
        Assert.True(sigs[1].TotalDocumentSigned, output);
        // The agency signature carries the number the clerk gave (ND 30: filled when signing as the agency).
        var fields = PdfSignatureReader.Read(pdf)!;
        Assert.Equal($"Văn thư phát hành: số {notation}, ngày 07/12/2026", fields[1].Reason);
        Assert.Equal("Xã Bác Ái", fields[1].Location);

        // Anyone: the verification API and the page say the system issued it.
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", "van-ban.pdf");
        var report = await OkAsync(await app.CreateClient().PostAsync("/api/v1/signatures/verify", form, Ct));
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        var by = report.GetProperty("issued");
        Assert.Equal("document", by.GetProperty("kind").GetString());
        Assert.Equal(notation, by.GetProperty("code").GetString());
        Assert.Equal("Xã Bác Ái", by.GetProperty("unitName").GetString());
        Assert.Contains("ngày 07/12/2026", by.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.All(report.GetProperty("signatures").EnumerateArray(), s => Assert.Equal("issued-by-system", s.GetProperty("trustBasis").GetString()));
        var code = issued.GetProperty("draft").GetProperty("verifyCode").GetString();
        Assert.Equal($"VB-{id}", code);
        var page = await app.CreateClient().GetStringAsync($"/Verify?code={code}", Ct);
        Assert.Contains(WebUtility.HtmlEncode(notation), page, StringComparison.Ordinal);

        // A changed copy is not the issued file.
        var changed = (byte[])pdf.Clone();
        changed[^20] ^= 1;
        using var form2 = new MultipartFormDataContent();
        var content2 = new ByteArrayContent(changed);
        content2.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form2.Add(content2, "file", "sua.pdf");
        var report2 = await (await app.CreateClient().PostAsync("/api/v1/signatures/verify", form2, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(JsonValueKind.Null, report2.GetProperty("issued").ValueKind);
    }

    [Fact]
    public async Task Only_a_leader_signs_a_returned_draft_goes_back_to_its_drafter_and_an_unsigned_draft_is_not_issued()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var leader = await app.ClientFor("lanhdao.bacai");
        var specialist = await app.ClientFor("chuyenvien.bacai");

        // A draft as an uploaded PDF.
        using var pdfDoc = new PdfSharp.Pdf.PdfDocument();
        pdfDoc.AddPage();
        using var ms = new MemoryStream();
        pdfDoc.Save(ms);
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(ms.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "du-thao.pdf");
        var fileId = (await OkAsync(await specialist.PostAsync("/api/v1/files", upload, Ct), HttpStatusCode.Created)).GetProperty("fileId").GetString();
        var id = Id(await OkAsync(await specialist.PostAsJsonAsync("/api/v1/documents/drafts", Draft("Kế hoạch tổ chức hội nghị", text: null, fileId: fileId), Ct), HttpStatusCode.Created));

        Assert.Equal(HttpStatusCode.Conflict, (await specialist.PostAsync($"/api/v1/documents/{id}/sign", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsync($"/api/v1/documents/{id}/sign", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsync($"/api/v1/documents/{id}/issue", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.PostAsJsonAsync($"/api/v1/documents/{id}/return", new { note = " " }, Ct)).StatusCode);

        var returned = await OkAsync(await leader.PostAsJsonAsync($"/api/v1/documents/{id}/return", new { note = "Bổ sung thời gian, địa điểm hội nghị." }, Ct));
        Assert.Equal("draft", returned.GetProperty("status").GetString());
        Assert.Equal("Bổ sung thời gian, địa điểm hội nghị.", returned.GetProperty("draft").GetProperty("returnNote").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PostAsync($"/api/v1/documents/{id}/sign", null, Ct)).StatusCode);
        // Back with the drafter: first in their list, with the note; only they send it again.
        var mine = await specialist.GetFromJsonAsync<JsonElement>("/api/v1/documents/drafts", Ct);
        Assert.Equal(id, mine[0].GetProperty("id").GetInt64());
        Assert.Equal("Bổ sung thời gian, địa điểm hội nghị.", mine[0].GetProperty("returnNote").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/documents/{id}/resubmit", new { text = "Bản khác" }, Ct)).StatusCode);
        var again = await OkAsync(await specialist.PostAsJsonAsync($"/api/v1/documents/{id}/resubmit",
            new { text = "Hội nghị tổ chức lúc 8 giờ ngày 15/12/2026 tại hội trường UBND xã.", note = "Đã bổ sung." }, Ct));
        Assert.Equal(JsonValueKind.Null, again.GetProperty("draft").GetProperty("returnNote").ValueKind);

        await OkAsync(await leader.PostAsync($"/api/v1/documents/{id}/sign", null, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PostAsync($"/api/v1/documents/{id}/sign", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PostAsync($"/api/v1/documents/{id}/issue", null, Ct)).StatusCode);
        var issued = await OkAsync(await desk.PostAsync($"/api/v1/documents/{id}/issue", null, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsync($"/api/v1/documents/{id}/issue", null, Ct)).StatusCode);
        Assert.Equal(["draft", "return", "resubmit", "sign", "issue"], issued.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        Assert.Matches(@"^\d{2,}/UBND-VP$", issued.GetProperty("notation").GetString()!);
    }

    [Fact]
    public async Task A_neighbouring_commune_neither_sees_nor_acts_on_a_draft()
    {
        app.Clock.SetUtcNow(Today);
        var leader = await app.ClientFor("lanhdao.bacai");
        var specialist = await app.ClientFor("chuyenvien.bacai");
        var neighbour = await app.ClientFor("motcua.phuoctien");
        var id = Id(await OkAsync(await specialist.PostAsJsonAsync("/api/v1/documents/drafts", Draft("Báo cáo kết quả rà soát"), Ct), HttpStatusCode.Created));

        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/documents/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"/api/v1/documents/{id}/sign", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/documents/{id}/return", new { note = "x" }, Ct)).StatusCode);
        await OkAsync(await leader.PostAsync($"/api/v1/documents/{id}/sign", null, Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"/api/v1/documents/{id}/issue", null, Ct)).StatusCode);
        var theirs = await neighbour.GetFromJsonAsync<JsonElement>("/api/v1/documents/drafts", Ct);
        Assert.DoesNotContain(theirs.EnumerateArray(), d => d.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/Documents/Details?id={id}", Ct)).StatusCode);

        // Nor answer an incoming document of Bác Ái.
        var incoming = await IncomingAsync(await app.ClientFor("motcua.bacai"), "Văn bản của xã Bác Ái");
        var refused = await neighbour.PostAsJsonAsync("/api/v1/documents/drafts", Draft("Trả lời hộ", incoming), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_draft_needs_exactly_one_of_a_readable_pdf_or_text()
    {
        app.Clock.SetUtcNow(Today);
        var specialist = await app.ClientFor("chuyenvien.bacai");
        var neither = await specialist.PostAsJsonAsync("/api/v1/documents/drafts", Draft("Không có nội dung", text: null), Ct);
        var both = await specialist.PostAsJsonAsync("/api/v1/documents/drafts", Draft("Hai nội dung", fileId: "abc"), Ct);
        var unknown = await specialist.PostAsJsonAsync("/api/v1/documents/drafts", Draft("Tệp lạ", text: null, fileId: "khong-co"), Ct);
        foreach (var response in new[] { neither, both, unknown })
        {
            var problem = await OkAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("fileId", out _), problem.ToString());
        }
    }
}
