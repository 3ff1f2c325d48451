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
        values["sha"] = await db.StoredFiles.OrderBy(f => f.Sha256).Select(f => f.Sha256).FirstAsync(ct);
        var counters = await desk.GetFromJsonAsync<JsonElement>("/api/v1/queue/counters?unit=584.MC", ct);
        var counter = counters.EnumerateArray().First(c => c.GetProperty("letter").GetString() == "A").GetProperty("id").GetInt32();
        values["counter"] = Id(counter);
        var ticket = await desk.PostAsJsonAsync("/api/v1/queue/tickets", new { counterId = counter }, ct);
        values["ticket"] = (await ticket.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["documents"] = JsonSerializer.Serialize(DossierApi.AllDocuments(await DossierApi.ProcedureAsync(desk, DossierApi.Certification)));
        return values;
    }

    public static string Fill(string url, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            url = url.Replace("{" + key + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return url;
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
            null => new StringContent("{}", Encoding.UTF8, "application/json"),
            string text => new StringContent(text, Encoding.UTF8, row.ContentType ?? "application/json"),
            var body => new StringContent(
                JsonSerializer.Serialize(body).Replace("\"{documents}\"", values["documents"], StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        return request;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
