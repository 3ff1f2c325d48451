using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>
/// Issue 20 items 1 and 8 at today's commune (Xã Bác Ái, 56.BACAI): components carry uploaded files, a dossier is
/// digitized when every component has one, reuse names a stored document of the same applicant with consent, and the
/// indicators count exactly that. Each test uses its own day so that the rates are recomputed from its own dossiers.
/// </summary>
public sealed class DigitizationAndReuseTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Unit = "56.BACAI";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Day(int day) => new(2026, 12, day, 2, 0, 0, TimeSpan.Zero);

    private static async Task<string[]> NamesAsync(HttpClient client) =>
        [.. (await ProcedureAsync(client, Certification)).GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()!)];

    /// <summary>Every component of the procedure, each with a fresh upload unless <paramref name="withoutFile"/> names its index.</summary>
    private static async Task<object[]> ComponentsAsync(HttpClient desk, int? withoutFile = null)
    {
        var names = await NamesAsync(desk);
        var list = new List<object>();
        for (var i = 0; i < names.Length; i++)
        {
            list.Add(new { name = names[i], kind = "copy", count = 1, fileId = i == withoutFile ? null : await UploadAsync(desk, name: $"thanh-phan-{i}.pdf") });
        }

        return [.. list];
    }

    private static async Task<string> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return body.GetProperty("code").GetString()!;
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        return body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, object body) => client.PostAsJsonAsync("/api/v1/dossiers", body, Ct);

    private static object Intake(object[] documents, string idNumber = "058090001234", bool? reuseConsent = null) => new
    {
        procedureCode = Certification,
        unitCode = Unit,
        channel = "direct",
        applicant = new { fullName = "Pi Năng Thị Hoa", idNumber, phone = "0912345678", address = "Thôn Ma Rớ, xã Bác Ái" },
        documents,
        reuseConsent,
    };

    private async Task<JsonElement> IndicatorsAsync(int day)
    {
        var leader = await app.ClientFor("lanhdao.bacai");
        var json = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?unit={Unit}&from=2026-12-{day:00}&to=2026-12-{day:00}", Ct);
        return json;
    }

    private Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        return Run();
        async Task<T> Run()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
    }

    [Fact]
    public async Task Three_of_four_dossiers_with_a_file_for_every_component_give_a_digitization_rate_of_75_percent()
    {
        app.Clock.SetUtcNow(Day(8));
        var desk = await app.ClientFor("motcua.bacai");
        List<string> codes = [];
        for (var n = 0; n < 3; n++)
        {
            codes.Add(await CreatedAsync(await PostAsync(desk, Intake(await ComponentsAsync(desk)))));
        }

        // One component on paper only: the dossier is not digitized, whatever a client would claim.
        var partial = await CreatedAsync(await PostAsync(desk, Intake(await ComponentsAsync(desk, withoutFile: 0))));

        foreach (var code in codes)
        {
            var dossier = await GetAsync(desk, code);
            Assert.True(dossier.GetProperty("digitized").GetBoolean());
            Assert.All(dossier.GetProperty("documents").EnumerateArray(), d =>
            {
                Assert.True(d.GetProperty("hasFile").GetBoolean());
                Assert.StartsWith("/api/v1/files/", d.GetProperty("fileUrl").GetString(), StringComparison.Ordinal);
            });
        }

        var paper = await GetAsync(desk, partial);
        Assert.False(paper.GetProperty("digitized").GetBoolean());
        Assert.False(paper.GetProperty("documents")[0].GetProperty("hasFile").GetBoolean());

        // The component's file is readable by the desk through the dossier, and the dossier page links it.
        var fileUrl = (await GetAsync(desk, codes[0])).GetProperty("documents")[0].GetProperty("fileUrl").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor("chuyenvien.bacai")).GetAsync(fileUrl, Ct)).StatusCode);
        var page = await Infrastructure.PageClient.SignedInAsync(app, "motcua.bacai");
        var html = await page.GetStringAsync($"/Dossiers/Details?code={codes[0]}", Ct);
        Assert.Contains(fileUrl, html, StringComparison.Ordinal);

        var report = await IndicatorsAsync(8);
        Assert.Equal(4, report.GetProperty("received").GetInt64());
        Assert.Equal(0.75, report.GetProperty("indicators").GetProperty("digitizationRate").GetDouble(), 9);
        Assert.Equal(3, await WithDbAsync(db => db.Dossiers.CountAsync(d => d.ReceivedOn == new DateOnly(2026, 12, 8) && d.ReceivingUnitPath.StartsWith("56/") && d.Digitized, Ct)));
    }

    [Fact]
    public async Task A_component_file_must_be_an_upload_the_caller_may_read()
    {
        app.Clock.SetUtcNow(Day(9));
        var desk = await app.ClientFor("motcua.bacai");
        var name = (await NamesAsync(desk))[0];

        var unknown = await ErrorsAsync(await PostAsync(desk, Intake([new { name, fileId = "0123456789abcdef0123456789abcdef" }])));
        Assert.Contains("Không tìm thấy tệp", unknown["documents[0].fileId"][0], StringComparison.Ordinal);

        // A citizen's own upload is not the desk's to attach: the same answer as an unknown id.
        var citizenFile = await UploadAsync(await app.ClientFor("congdan"));
        var foreign = await ErrorsAsync(await PostAsync(desk, Intake([new { name, fileId = citizenFile }])));
        Assert.Contains("Không tìm thấy tệp", foreign["documents[0].fileId"][0], StringComparison.Ordinal);

        Assert.Equal(0, await WithDbAsync(db => db.Dossiers.CountAsync(d => d.ReceivedOn == new DateOnly(2026, 12, 9), Ct)));
    }

    [Fact]
    public async Task A_bare_reused_flag_is_refused_in_vietnamese()
    {
        app.Clock.SetUtcNow(Day(10));
        var desk = await app.ClientFor("motcua.bacai");
        var name = (await NamesAsync(desk))[0];

        var errors = await ErrorsAsync(await PostAsync(desk, Intake([new { name, reused = true }], reuseConsent: true)));

        Assert.Contains("Chỉ dùng lại được giấy tờ đã lưu của chính người nộp", errors["documents[0].reused"][0], StringComparison.Ordinal);
        var citizen = await app.ClientFor("congdan");
        var online = await ErrorsAsync(await citizen.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = Certification,
            unitCode = Unit,
            channel = "online",
            applicant = new { fullName = "Nguyễn Văn Dân", idNumber = "058090001234" },
            documents = new[] { new { name, reused = true } },
        }, Ct));
        Assert.True(online.ContainsKey("documents[0].reused"));
    }

    [Fact]
    public async Task The_desk_reuses_an_earlier_document_of_the_same_applicant_only_with_consent_and_the_reuse_rate_counts_it()
    {
        app.Clock.SetUtcNow(Day(14));
        var desk = await app.ClientFor("motcua.bacai");
        const string applicant = "058090004321";
        var names = await NamesAsync(desk);
        var first = await CreatedAsync(await PostAsync(desk, Intake(await ComponentsAsync(desk), applicant)));
        var source = await WithDbAsync(db => db.Dossiers.Where(d => d.Code == first).SelectMany(d => d.DocumentRows).OrderBy(x => x.Id).Select(x => new { x.Id, x.FileId }).FirstAsync(Ct));

        app.Clock.SetUtcNow(Day(15));
        desk = await app.ClientFor("motcua.bacai");
        var others = names.Skip(1).Select(n => (object)new { name = n }).ToList();
        object[] reusing = [new { name = names[0], reusedFromDocumentId = source.Id }, .. others];

        var noConsent = await ErrorsAsync(await PostAsync(desk, Intake(reusing, applicant)));
        Assert.Equal("Cần ghi nhận công dân đồng ý sử dụng lại giấy tờ đã nộp.", noConsent["reuseConsent"][0]);

        // Another person's document: refused with exactly the answer of an id that does not exist.
        var otherPerson = await ErrorsAsync(await PostAsync(desk, Intake(reusing, "058090009999", reuseConsent: true)));
        object[] missingRef = [new { name = names[0], reusedFromDocumentId = 999_999_999L }, .. others];
        var missing = await ErrorsAsync(await PostAsync(desk, Intake(missingRef, applicant, reuseConsent: true)));
        Assert.Equal(missing["documents[0].reusedFromDocumentId"], otherPerson["documents[0].reusedFromDocumentId"]);

        var reused = await CreatedAsync(await PostAsync(desk, Intake(reusing, applicant, reuseConsent: true)));
        var plain = await CreatedAsync(await PostAsync(desk, Intake([.. names.Select(n => (object)new { name = n })], applicant)));

        var dossier = await GetAsync(desk, reused);
        var component = dossier.GetProperty("documents")[0];
        Assert.True(component.GetProperty("reused").GetBoolean());
        Assert.True(component.GetProperty("reuseConsented").GetBoolean());
        Assert.Equal(source.Id, component.GetProperty("reusedFromDocumentId").GetInt64());
        Assert.Equal(source.FileId, component.GetProperty("fileId").GetString());
        Assert.Equal(names.Length == 1, dossier.GetProperty("digitized").GetBoolean());
        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{reused}/history", Ct);
        Assert.Contains("Công dân đồng ý sử dụng lại giấy tờ đã nộp", history![0].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await GetAsync(desk, plain)).GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("reused").GetBoolean()));

        // 15/12: one of two dossiers reuses a document by reference → 50 %.
        var report = await IndicatorsAsync(15);
        Assert.Equal(2, report.GetProperty("received").GetInt64());
        Assert.Equal(0.5, report.GetProperty("indicators").GetProperty("reuseRate").GetDouble(), 9);
        Assert.Equal(1, await WithDbAsync(db => db.Dossiers.Where(d => d.Code == reused).Select(d => d.ReusedDocuments).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_reused_component_counts_as_having_a_file_so_a_fully_reused_dossier_is_digitized()
    {
        app.Clock.SetUtcNow(Day(16));
        var desk = await app.ClientFor("motcua.bacai");
        const string applicant = "058090005555";
        var names = await NamesAsync(desk);
        var first = await CreatedAsync(await PostAsync(desk, Intake(await ComponentsAsync(desk), applicant)));
        var sources = await WithDbAsync(db => db.Dossiers.Where(d => d.Code == first).SelectMany(d => d.DocumentRows).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(Ct));

        object[] allReused = [.. names.Select((n, i) => (object)new { name = n, reusedFromDocumentId = sources[i] })];
        var second = await CreatedAsync(await PostAsync(desk, Intake(allReused, applicant, reuseConsent: true)));

        Assert.True((await GetAsync(desk, second)).GetProperty("digitized").GetBoolean());
        var report = await IndicatorsAsync(16);
        Assert.Equal(1.0, report.GetProperty("indicators").GetProperty("digitizationRate").GetDouble(), 9);
        Assert.Equal(0.5, report.GetProperty("indicators").GetProperty("reuseRate").GetDouble(), 9);
    }

    [Fact]
    public async Task The_receive_page_uploads_a_file_per_component_and_the_dossier_is_digitized()
    {
        app.Clock.SetUtcNow(Day(17));
        var page = await Infrastructure.PageClient.SignedInAsync(app, "motcua.bacai");
        var url = $"/Dossiers/Receive?procedure={Certification}";
        var token = await Infrastructure.PageClient.TokenAsync(page, url);
        var names = await NamesAsync(await app.ClientFor("motcua.bacai"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Certification), "ProcedureCode" },
            { new StringContent("Direct"), "Channel" },
            { new StringContent("Pi Năng Thị Hoa"), "Applicant.FullName" },
            { new StringContent("058090001234"), "Applicant.IdNumber" },
            { new StringContent("0912345678"), "Applicant.Phone" },
        };
        for (var i = 0; i < names.Length; i++)
        {
            form.Add(new StringContent(names[i]), "Documents");
            form.Add(new ByteArrayContent(Pdf()), $"File{i}", $"scan-{i}.pdf");
        }

        var response = await page.PostAsync(url, form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var code = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), response.Headers.Location!).Query)["code"]!;
        var dossier = await GetAsync(await app.ClientFor("motcua.bacai"), code);
        Assert.True(dossier.GetProperty("digitized").GetBoolean());
        Assert.All(dossier.GetProperty("documents").EnumerateArray(), d => Assert.True(d.GetProperty("hasFile").GetBoolean()));
        var html = await page.GetStringAsync($"/Dossiers/Details?code={code}", Ct);
        Assert.Contains("data-testid=\"component-file\"", html, StringComparison.Ordinal);
    }
}
