using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>The endpoints the app maps (from its EndpointDataSource, pages included), and the demo values that fill their routes.</summary>
public static class EndpointCatalog
{
    /// <summary>"GET /api/v1/…" for endpoints, "PAGE /Folder/Page" for Razor Pages; static files and framework fallbacks are left out.</summary>
    public static SortedSet<string> Discover(IServiceProvider services)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                keys.Add("PAGE " + page.ViewEnginePath);
                continue;
            }

            if (endpoint is not RouteEndpoint route)
            {
                continue;
            }

            var pattern = "/" + route.RoutePattern.RawText!.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != HttpMethods.Head && m != HttpMethods.Options))
            {
                keys.Add($"{method} {pattern}");
            }
        }

        return keys;
    }

    /// <summary>Demo rows the sample URLs point at; creates the dossier, an inspection and a report that the demo seed does not have.</summary>
    public static async Task<Dictionary<string, string>> SampleValuesAsync(SecurityApp app)
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await app.As(Principals.Desk);
        var dossier = await DossierApi.ReceivedAsync(desk, "584.MC");
        var values = new Dictionary<string, string> { ["dossier"] = dossier.GetProperty("code").GetString()! };

        var admin = await app.As(Principals.Admin);
        await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2099-01-02", kind = "holiday", name = "Ngày nghỉ (kiểm thử phân quyền)", source = "test" }, ct);
        var reform = await app.As(Principals.Reform);
        var inspection = await reform.PostAsJsonAsync("/api/v1/reform/inspections",
            new { unitCode = "584.MC", scheduledOn = "2025-06-10", surprise = true, inspectors = "Tổ kiểm tra (kiểm thử)" }, ct);
        var specialist = await app.As(Principals.Specialist);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("quarterly"), "kind" },
            { new StringContent("2025"), "year" },
            { new StringContent("1"), "period" },
            { new StringContent("Báo cáo quý I (kiểm thử)"), "text" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 báo cáo")), "files", "bao-cao.pdf" },
        };
        var report = await specialist.PostAsync("/api/v1/reform/reports", form, ct);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        values["plan"] = Id(await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct));
        var task = await db.PlanTasks.OrderBy(p => p.Id).Select(p => new { p.Id, p.PlanId }).FirstAsync(ct);
        var target = await db.PlanTargets.OrderBy(p => p.Id).Select(p => new { p.Id, p.PlanId }).FirstAsync(ct);
        values["task"] = Id(task.Id);
        values["taskPlan"] = Id(task.PlanId);
        values["target"] = Id(target.Id);
        values["targetPlan"] = Id(target.PlanId);
        values["occurrence"] = Id(await db.PlanTaskOccurrences.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct));
        values["scheme"] = Id(await db.ScoringSchemes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct));
        values["inspection"] = await db.Inspections.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) is { } i
            ? Id(i) : throw new InvalidOperationException("no inspection: " + await inspection.Content.ReadAsStringAsync(ct));
        values["report"] = await db.UnitReports.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) is { } r
            ? Id(r) : throw new InvalidOperationException("no report: " + await report.Content.ReadAsStringAsync(ct));
        values["sha"] = await db.UnitReports.Where(r => r.Id == int.Parse(values["report"], System.Globalization.CultureInfo.InvariantCulture))
            .SelectMany(r => r.Files).Select(f => f.Sha256).FirstAsync(ct);
        var counters = await desk.GetFromJsonAsync<JsonElement>("/api/v1/queue/counters?unit=584.MC", ct);
        var counter = counters.EnumerateArray().First(c => c.GetProperty("letter").GetString() == "A").GetProperty("id").GetInt32();
        values["counter"] = Id(counter);
        var ticket = await desk.PostAsJsonAsync("/api/v1/queue/tickets", new { counterId = counter }, ct);
        values["ticket"] = (await ticket.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["documents"] = JsonSerializer.Serialize(DossierApi.AllDocuments(await DossierApi.ProcedureAsync(desk, DossierApi.Certification)));
        values["criterion"] = Id(await db.ScoringCriteria.Where(c => c.SchemeId == int.Parse(values["scheme"], System.Globalization.CultureInfo.InvariantCulture) && c.ParentId == null)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct));
        values["criterionCode"] = await db.ScoringCriteria.Where(c => c.Id == int.Parse(values["criterion"], System.Globalization.CultureInfo.InvariantCulture)).Select(c => c.Code).SingleAsync(ct);
        var parents = db.ScoringCriteria.Where(c => c.ParentId != null).Select(c => c.ParentId);
        values["leaf"] = await db.ScoringCriteria.Where(c => c.SchemeId == int.Parse(values["scheme"], System.Globalization.CultureInfo.InvariantCulture)
            && !c.EvidenceRequired && c.MaxPoints >= 0.5m && !parents.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync(ct);
        var slots = await app.Raw().GetFromJsonAsync<JsonElement>("/api/v1/queue/units/584.MC/slots?date=2025-06-05", ct);
        values["slots"] = string.Join(",", slots.EnumerateArray().Where(x => x.GetProperty("remaining").GetInt32() > 0).Select(x => x.GetProperty("id").GetRawText()));
        await AddPortalValuesAsync(app, db, values, ct);
        return values;
    }

    /// <summary>Rows of the portal, payments, feedback, files, measurements and assisted intake that the demo seed does not have.</summary>
    private static async Task AddPortalValuesAsync(SecurityApp app, AppDbContext db, Dictionary<string, string> values, CancellationToken ct)
    {
        var desk = await app.As(Principals.Desk);
        var citizen = await app.As(Principals.Citizen);
        var mine = (await DossierApi.ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        var citizenId = await db.Users.Where(u => u.UserName == "congdan").Select(u => u.Id).SingleAsync(ct);
        var dossier = await db.Dossiers.SingleAsync(d => d.Code == mine, ct);
        dossier.ApplicantUserId = citizenId;
        var reference = "TEST" + mine.Replace("-", "", StringComparison.Ordinal);
        db.Payments.Add(new MotCua.Web.Features.Payments.Payment
        {
            Reference = reference,
            DossierId = dossier.Id,
            DossierCode = mine,
            AmountVnd = 10_000,
            Gateway = "sandbox",
            Status = MotCua.Web.Features.Payments.PaymentStatus.Paid,
            CreatedAtUtc = dossier.ReceivedAtUtc,
            ExpiresAtUtc = dossier.ReceivedAtUtc.AddMinutes(15),
            CompletedAtUtc = dossier.ReceivedAtUtc,
            StartedBy = "congdan",
            ReceiptNo = "BL-" + mine,
        });
        db.DossierRatings.Add(new MotCua.Web.Features.Feedback.DossierRating
        {
            DossierId = dossier.Id,
            DossierCode = mine,
            UnitPath = dossier.ReceivingUnitPath,
            Overall = 5,
            Time = 5,
            Contacts = 1,
            Attitude = 5,
            Transparency = 5,
            Channel = "online",
            RatedAtUtc = dossier.ReceivedAtUtc,
        });
        await db.SaveChangesAsync(ct);
        values["mine"] = mine;
        values["receipt"] = reference;

        values["draft"] = await IdOfAsync(await citizen.PostAsJsonAsync("/api/v1/me/drafts", new { procedureCode = DossierApi.Certification, unitCode = "584.MC", fullName = "Chamaléa Thị Dân" }, ct), "id", ct);
        values["draftToDelete"] = await IdOfAsync(await citizen.PostAsJsonAsync("/api/v1/me/drafts", new { procedureCode = DossierApi.Certification, unitCode = "584.MC" }, ct), "id", ct);
        values["signUp"] = await IdOfAsync(await app.Raw().PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Đàng Văn Kiểm",
            idNumber = "058090009876",
            phone = "0906111222",
            channel = "sms",
            password = "Kiem@2025abc",
        }, ct), "signUpId", ct);
        values["feedback"] = await IdOfAsync(await app.Raw().PostAsJsonAsync("/api/v1/feedback", new
        {
            kind = "complaint",
            subject = "Chờ lâu (kiểm thử phân quyền)",
            content = "Nội dung kiểm thử phân quyền.",
            senderName = "Người kiểm thử",
            senderPhone = "0906111333",
            unitCode = "584.MC",
        }, ct), "number", ct);
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 tệp của bộ phận một cửa")), "file", "giay-to.pdf" } })
        {
            values["upload"] = await IdOfAsync(await desk.PostAsync("/api/v1/files", upload, ct), "fileId", ct);
        }

        var reform = await app.As(Principals.Reform);
        using (var evidence = new MultipartFormDataContent
        {
            { new StringContent("1"), "value" },
            { new StringContent("Số liệu kiểm thử"), "note" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 minh chứng chỉ tiêu")), "file", "minh-chung.pdf" },
        })
        {
            values["measurement"] = await IdOfAsync(await reform.PostAsync($"/api/v1/plans/{values["targetPlan"]}/targets/{values["target"]}/measurements", evidence, ct), "id", ct);
        }

        var intake = JsonSerializer.Serialize(EndpointAccess.Intake).Replace("\"{documents}\"", values["documents"], StringComparison.Ordinal);
        values["assisted"] = await IdOfAsync(await desk.PostAsync("/api/v1/assisted-submissions", new StringContent(intake, Encoding.UTF8, "application/json"), ct), "id", ct);
    }

    private static async Task<string> IdOfAsync(HttpResponseMessage response, string property, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} → {(int)response.StatusCode} {body}");
        }

        if (!JsonDocument.Parse(body).RootElement.TryGetProperty(property, out var value))
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: no '{property}' in {body}");
        }

        return value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!;
    }

    public static string Fill(string url, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            url = url.Replace("{" + key + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return url;
    }

    /// <summary>The request a row describes, with the row's valid body for this principal when it has one.</summary>
    public static HttpRequestMessage Request(EndpointAccess.Row row, IReadOnlyDictionary<string, string> values, string principal, int number)
    {
        var request = Request(row, values);
        if (row.Valid is { } valid && request.Method != HttpMethod.Get && request.Method != HttpMethod.Delete)
        {
            request.Content = valid(new EndpointAccess.Sample(principal, values, number)) switch
            {
                HttpContent content => content,
                var body => new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            };
        }

        return request;
    }

    /// <summary>The request a row describes: its method, filled URL and body (an empty JSON object for writes unless the row gives one).</summary>
    public static HttpRequestMessage Request(EndpointAccess.Row row, IReadOnlyDictionary<string, string> values)
    {
        var method = row.Key.StartsWith("PAGE ", StringComparison.Ordinal) ? "GET" : row.Key[..row.Key.IndexOf(' ', StringComparison.Ordinal)];
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(row.Url, values));
        if (method is "GET" or "DELETE")
        {
            return request;
        }

        request.Content = row.Body switch
        {
            EndpointAccess.Form => new MultipartFormDataContent { { new StringContent("kiểm thử"), "note" } },
            EndpointAccess.NoBody => null,
            null => new StringContent("{}", Encoding.UTF8, "application/json"),
            string text => new StringContent(text, Encoding.UTF8, row.ContentType ?? "application/json"),
            var body => new StringContent(
                JsonSerializer.Serialize(body).Replace("\"{documents}\"", values["documents"], StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        return request;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
