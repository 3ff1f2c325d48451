using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Dossiers.Import;

public sealed class ImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Good1 = """{"code":"HIST-0001","procedureCode":"2.000815","unitCode":"22783","channel":"online","receivedAt":"2024-03-04T08:30:00+07:00","dueDate":"2024-03-08","finishedAt":"2024-03-07T10:00:00+07:00","finishKind":"approved","returnedAt":"2024-03-08T09:00:00+07:00","pauses":[],"supplementRequests":0,"feeVnd":20000,"paidOnline":true,"digitized":true,"electronicResult":true,"reusedDocuments":1,"routedElectronically":true,"rating":5,"complaint":false}""";
    private const string Good2 = """{"code":"HIST-0002","procedureCode":"2.000815","unitCode":"22783","channel":"postal","receivedAt":"2024-03-05","dueDate":"2024-03-06","finishedAt":"2024-03-12","finishKind":"refused","returnedAt":null,"pauses":[{"from":"2024-03-05","to":"2024-03-06"}],"supplementRequests":2,"feeVnd":0,"paidOnline":false,"digitized":false,"electronicResult":false,"reusedDocuments":0,"routedElectronically":false,"rating":null,"complaint":true}""";
    private const string Open = """{"code":"HIST-0003","procedureCode":"2.000815","unitCode":"22783","channel":"direct","receivedAt":"2024-03-20","dueDate":"2024-04-20","finishedAt":null,"finishKind":null}""";

    [Fact]
    public async Task Import_streams_ndjson_reports_bad_lines_by_number_and_is_idempotent_by_code()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await app.ClientFor("admin");
        var body = string.Join('\n', Good1, "{not json", Good2, """{"code":"HIST-9","procedureCode":"2.000815","unitCode":"NOPE","channel":"direct","receivedAt":"2024-03-01"}""",
            """{"code":"HIST-8","procedureCode":"2.000815","unitCode":"22783","channel":"direct","receivedAt":"2024-03-10","finishedAt":"2024-03-01","finishKind":"approved"}""", Open);
        var first = await PostAsync(admin, body);
        Assert.Equal(6, first.GetProperty("lines").GetInt64());
        // Another test of this class may have imported the first line already.
        Assert.Equal(3, first.GetProperty("imported").GetInt64() + first.GetProperty("alreadyPresent").GetInt64());
        Assert.Equal([2L, 4L, 5L], first.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt64()));

        var again = await PostAsync(admin, body);
        Assert.Equal(0, again.GetProperty("imported").GetInt64());
        Assert.Equal(3, again.GetProperty("alreadyPresent").GetInt64());

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var report = await VerifyHistory.RunAsync(db, null, ct);
            Assert.Empty(report.Broken);
            var imported = await db.DossierEvents.Where(e => e.DossierCode.StartsWith("HIST-")).Select(e => e.Action).ToListAsync(ct);
            Assert.Equal(3, imported.Count);
            Assert.All(imported, a => Assert.Equal("imported", a));
        }

        // March 2024 at the commune: two finished (one on time, one refused late after two supplement requests), one open and on time.
        var leader = await app.ClientFor("admin");
        var json = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators?from=2024-03-01&to=2024-03-31&unit=22783", ct);
        var i = json.GetProperty("indicators");
        Assert.Equal(3, json.GetProperty("received").GetInt64());
        Assert.Equal(2.0 / 3, i.GetProperty("onTimeRate").GetDouble(), 9);
        Assert.Equal(1.0 / 3, i.GetProperty("onlineRate").GetDouble(), 9);
        Assert.Equal(1, i.GetProperty("postalCount").GetDouble());
        Assert.Equal(1.0, i.GetProperty("onlinePaymentRate").GetDouble());
        Assert.Equal(0.5, i.GetProperty("electronicRoutingRate").GetDouble());
        Assert.Equal(1.0, i.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(1 - ((1.0 / 3) + 0), i.GetProperty("nationalSatisfactionRate").GetDouble(), 9);
    }

    [Fact]
    public async Task Import_refuses_other_content_types_and_non_administrators()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await app.ClientFor("admin");
        var wrong = await admin.PostAsync("/api/v1/dossiers/import", new StringContent(Good1, Encoding.UTF8, "text/plain"), ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrong.StatusCode);
        var desk = await app.ClientFor("motcua");
        var forbidden = await desk.PostAsync("/api/v1/dossiers/import", new StringContent(Good1, Encoding.UTF8, "application/x-ndjson"), ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Pages_show_the_dashboard_public_statistics_and_export_reports_and_open_data()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await app.ClientFor("admin");
        await PostAsync(admin, Good1);
        var xlsx = await admin.GetAsync("/api/v1/indicators/report?period=quarter&n=1&year=2024&unit=22783&format=xlsx", ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync(ct))[0]);
        var pdf = await admin.GetAsync("/api/v1/indicators/report?period=month&n=3&year=2024&unit=22783&format=pdf", ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(ct))[..4]));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/indicators/report?period=quarter&n=5", ct)).StatusCode);

        var anonymous = app.CreateClient();
        var csv = await anonymous.GetStringAsync("/api/v1/open-data/indicators.csv?unit=22783&year=2024", ct);
        Assert.Contains("unitCode,unitName,month,received,onTimeRate", csv, StringComparison.Ordinal);
        Assert.Matches(@"\n22783,[^\n]*,2024-03,[13],", csv);
        Assert.DoesNotContain("HIST-0001", csv, StringComparison.Ordinal);
        var page = await anonymous.GetStringAsync("/Indicators/Public?unit=22783&year=2024", ct);
        Assert.Contains("100,00 %", page, StringComparison.Ordinal);
        Assert.DoesNotContain("HIST-0001", page, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string ndjson)
    {
        var response = await client.PostAsync("/api/v1/dossiers/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"), TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    [Fact]
    public async Task An_imported_dossier_has_a_page_without_the_working_day_explanation_it_has_no_data_for()
    {
        var ct = TestContext.Current.CancellationToken;
        // Not "HIST-": the test above counts this class's HIST- events.
        const string line = """{"code":"OLDSYS-PAGE-1","procedureCode":"2.000815","unitCode":"22783","channel":"direct","receivedAt":"2024-05-06","dueDate":"2024-05-10","finishedAt":null,"finishKind":null,"pauses":[{"from":"2024-05-07","to":"2024-05-08"}]}""";
        var imported = await PostAsync(await app.ClientFor("admin"), line);
        Assert.Equal(1, imported.GetProperty("imported").GetInt64() + imported.GetProperty("alreadyPresent").GetInt64());

        var pages = await PageClient.SignedInAsync(app, "admin");
        using var page = await pages.GetAsync("/Dossiers/Details?code=OLDSYS-PAGE-1", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("OLDSYS-PAGE-1", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
