using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Notifications;
using static MotCua.IntegrationTests.Features.Portal.PortalFactory;
using static MotCua.IntegrationTests.Features.Portal.PortalFlow;

namespace MotCua.IntegrationTests.Features.Portal;

public sealed class DraftAndReuseTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> ActOkAsync(HttpClient client, string code, object body) =>
        Dossiers.DossierApi.ActOkAsync(client, code, body);

    [Fact]
    public async Task A_draft_is_saved_as_typed_and_resumed_later()
    {
        var citizen = await app.NewCitizenAsync("058097001001", "0907001001");
        var draft = await DraftAsync(citizen, Certification, "22783", "058097001001", [null]);
        var id = draft.GetProperty("id").GetString();

        var update = await citizen.PutAsJsonAsync($"/api/v1/me/drafts/{id}", new
        {
            unitCode = "22783",
            fullName = "Mấu Thị Hoa",
            idNumber = "058097001001",
            phone = "09070010",
            address = "Thôn Suối Khô",
            documents = draft.GetProperty("documents").EnumerateArray().Select(d => new { name = d.GetProperty("name").GetString() }).ToArray(),
        }, Ct);
        var resumed = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/me/drafts/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("Thôn Suối Khô", resumed.GetProperty("address").GetString());
        Assert.Equal("09070010", resumed.GetProperty("phone").GetString()); // kept even though not yet valid
        var other = await app.NewCitizenAsync("058097001002", "0907001002");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/me/drafts/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Submitting_without_a_file_for_a_mandatory_component_names_it_and_keeps_the_draft()
    {
        var citizen = await app.NewCitizenAsync("058097001003", "0907001003");
        var draft = await DraftAsync(citizen, Certification, "22783", "058097001003", [null]);

        var response = await SubmitDraftAsync(citizen, draft);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("documents[0]", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var kept = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/me/drafts/{draft.GetProperty("id").GetString()}", Ct);
        Assert.Equal("Thôn Ma Hoa, xã Phước Bình", kept.GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("dossierCode").ValueKind);
    }

    [Fact]
    public async Task A_draft_cannot_take_another_citizens_file()
    {
        var owner = await app.NewCitizenAsync("058097001004", "0907001004");
        var thief = await app.NewCitizenAsync("058097001005", "0907001005");
        var file = await UploadedIdAsync(owner);

        var form = await FormAsync(thief, Certification);
        var response = await thief.PostAsJsonAsync("/api/v1/me/drafts", new
        {
            procedureCode = Certification,
            unitCode = "22783",
            fullName = "X",
            idNumber = "058097001005",
            documents = new[] { new { name = form.GetProperty("documents")[0].GetProperty("name").GetString(), fileId = file } },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Submission_waits_for_the_desk_and_tells_the_applicant_by_email()
    {
        var citizen = await app.NewCitizenAsync("058097001006", "0907001006");
        var file = await UploadedIdAsync(citizen);

        var code = await SubmitAsync(citizen, Certification, "22783", "058097001006", [file]);

        var dossier = await Dossiers.DossierApi.GetAsync(citizen, code);
        Assert.Equal("AwaitingReception", dossier.GetProperty("status").GetString());
        Assert.Equal("online", dossier.GetProperty("channel").GetString());
        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.DossierCode == code && m.Channel == NotificationChannel.Email, Ct));
        Assert.Equal(NotificationKind.Submitted, mail.Kind);
        Assert.Equal("hoa@example.vn", mail.To);
        Assert.Contains(code, mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepted_components_go_to_the_store_and_are_offered_and_reused_in_the_next_dossier()
    {
        var citizen = await app.NewCitizenAsync("058097001007", "0907001007");
        var desk = await app.ClientFor("motcua.phuocbinh");
        var file = await UploadedIdAsync(citizen, "ban-chinh.pdf");
        var first = await SubmitAsync(citizen, Certification, "22783", "058097001007", [file]);
        Assert.Empty(await citizen.GetFromJsonAsync<JsonElement[]>("/api/v1/me/documents", Ct) ?? []);

        await ActOkAsync(desk, first, new { action = "accept" });

        var store = await citizen.GetFromJsonAsync<JsonElement[]>("/api/v1/me/documents", Ct);
        var entry = Assert.Single(store!);
        Assert.Equal(file, entry.GetProperty("fileId").GetString());
        Assert.Equal(first, entry.GetProperty("dossierCode").GetString());
        Assert.True(entry.GetProperty("valid").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, entry.GetProperty("validUntil").ValueKind);

        var form = await FormAsync(citizen, Certification);
        var offer = Assert.Single(form.GetProperty("documents")[0].GetProperty("offers").EnumerateArray());
        var storedId = offer.GetProperty("id").GetInt64();
        var second = await SubmitAsync(citizen, Certification, "22783", "058097001007", [null], [storedId]);

        var reused = await Dossiers.DossierApi.GetAsync(citizen, second);
        var doc = Assert.Single(reused.GetProperty("documents").EnumerateArray());
        Assert.True(doc.GetProperty("reused").GetBoolean());
        Assert.Equal(file, doc.GetProperty("fileId").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Dossiers.Where(d => d.Code == second).Select(d => d.ReusedDocuments).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/files/{file}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_expired_stored_document_is_not_offered_and_cannot_be_reused()
    {
        var citizen = await app.NewCitizenAsync("058097001008", "0907001008");
        var desk = await app.ClientFor("motcua.phuocbinh");
        var first = await SubmitAsync(citizen, Certification, "22783", "058097001008", [await UploadedIdAsync(citizen)]);
        await ActOkAsync(desk, first, new { action = "accept" });
        var storedId = await app.WithDbAsync(async db =>
        {
            var s = await db.StoredDocuments.SingleAsync(x => x.DossierCode == first, Ct);
            s.ValidUntil = s.ValidFrom.AddDays(-1);
            await db.SaveChangesAsync(Ct);
            return s.Id;
        });

        var form = await FormAsync(citizen, Certification);
        var draft = await DraftAsync(citizen, Certification, "22783", "058097001008", [null], [storedId]);
        var response = await SubmitDraftAsync(citizen, draft);

        Assert.Empty(form.GetProperty("documents")[0].GetProperty("offers").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_recorded_electronic_result_goes_to_the_applicants_store_and_becomes_readable()
    {
        var citizen = await app.NewCitizenAsync("058097001009", "0907001009");
        var desk = await app.ClientFor("motcua.phuocbinh");
        var code = await SubmitAsync(citizen, Certification, "22783", "058097001009", [await UploadedIdAsync(citizen)]);
        await ActOkAsync(desk, code, new { action = "accept" });
        var result = await UploadedIdAsync(desk, "ket-qua.pdf");
        var before = await app.WithDbAsync(db => db.StoredDocuments.CountAsync(s => s.Source == "result", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/files/{result}", Ct)).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var d = await db.Dossiers.SingleAsync(x => x.Code == code, Ct);
            await MotCua.Web.Features.Portal.PersonalStore.RecordAsync(db, d.WithResult(result), "record-result", DateTime.UtcNow, Ct);
            return await db.SaveChangesAsync(Ct);
        });

        var store = await citizen.GetFromJsonAsync<JsonElement[]>("/api/v1/me/documents", Ct);
        Assert.Contains(store!, s => s.GetProperty("source").GetString() == "result" && s.GetProperty("fileId").GetString() == result);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.StoredDocuments.CountAsync(s => s.Source == "result", Ct)));
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/v1/files/{result}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_dossier_from_an_electronically_identified_account_is_counted_as_such()
    {
        var citizen = await app.NewCitizenAsync("058097001010", "0907001010", "Eid@2025abc");
        await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "058097001010").ExecuteUpdateAsync(s => s.SetProperty(u => u.ElectronicallyIdentified, true), Ct));
        var identified = await app.ClientFor("058097001010", "Eid@2025abc");
        var plain = await app.NewCitizenAsync("058097001011", "0907001011");

        var a = await SubmitAsync(identified, Certification, "22783", "058097001010", [await UploadedIdAsync(identified)]);
        var b = await SubmitAsync(plain, Certification, "22783", "058097001011", [await UploadedIdAsync(plain)]);

        Assert.True(await app.WithDbAsync(db => db.Dossiers.Where(d => d.Code == a).Select(d => d.ElectronicallyIdentified).SingleAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.Dossiers.Where(d => d.Code == b).Select(d => d.ElectronicallyIdentified).SingleAsync(Ct)));
    }
}

internal static class DossierTestExtensions
{
    public static MotCua.Web.Features.Dossiers.Dossier WithResult(this MotCua.Web.Features.Dossiers.Dossier d, string fileId)
    {
        d.ResultFileId = fileId;
        d.ResultCode = d.Code + "-KQ1";
        return d;
    }
}
