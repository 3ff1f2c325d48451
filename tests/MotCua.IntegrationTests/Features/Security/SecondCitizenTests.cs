using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>
/// A second citizen, signed up through the portal in the test, against every door the first citizen owns: the rows of
/// <see cref="EndpointAccess"/> and <see cref="PagePosts"/> that the citizen may use on the citizen's own dossier,
/// payment, result, drafts and files (found from the tables, so a new one is included), the lists, and references to
/// the first citizen's uploads and stored documents inside the second citizen's own drafts.
/// </summary>
public sealed partial class SecondCitizenTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private const string IdNumber = "058092004321";
    private const string Phone = "0909555666";
    private const string Password = "Hai@Congdan2025";

    /// <summary>Route values that name something of the first citizen.</summary>
    private static readonly string[] Owned = ["{mine}", "{receipt}", "{draft}", "{draftToDelete}", "{citizenUpload}", "{toPay}", "{toRate}", "{withResult}", "{draftToSubmit}"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_citizen_gets_404_at_every_door_to_the_first_citizens_dossier_payment_result_drafts_and_files_and_stores_nothing()
    {
        var matrix = new PagePostMatrixTests(app);
        var values = await matrix.ValuesAsync();
        var first = await app.As(Principals.Citizen);
        values["citizenUpload"] = await UploadAsync(first);
        values["stored"] = await StoredDocumentAsync(values["citizenUpload"]);
        var (api, session) = await SecondCitizenAsync();
        var failures = new List<string>();
        var doors = 0;

        // The page handlers that act on the citizen's own dossier, posted with a valid token from the second
        // citizen's session; each case makes its own dossier first, so each is checked for stored changes on its own.
        var n = 10_000;
        foreach (var row in PagePosts.Table.Where(r => r.Expect[1] == 'Y' && r.Expect[0] == 'N' && r.Key is not "POST /Portal/Submit?handler=Save" and not "POST /Portal/Submit?handler=Submit"))
        {
            doors++;
            var result = await matrix.PostAsync(row, new PagePosts.Case(app, values, "second-citizen", ++n), session);
            if (result.Actual != 'N' || result.Stored)
            {
                failures.Add($"{row.Key} as the second citizen: {result.Actual}{(result.Stored ? ", stored" : "")} — {result.Detail}");
            }
        }

        var before = await app.DigestAsync();

        // The API and page doors the citizen may use on something of their own, plus the upload by id.
        var rows = EndpointAccess.Table.Where(r => r.Expect[1] == 'Y' && Owned.Any(o => r.Url.Contains(o, StringComparison.Ordinal))).ToList();
        rows.Add(new("GET /api/v1/files/{id:length(32)}", "/api/v1/files/{citizenUpload}", "NYNNYNNN"));
        foreach (var row in rows)
        {
            doors++;
            var page = row.Key.StartsWith("PAGE ", StringComparison.Ordinal);
            // The body that succeeds for the owner, so that the 404 is about whose it is, not about the input.
            using var request = EndpointCatalog.Request(row, values, "second-citizen", ++n);
            using var response = await (page ? session : api).SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{row.Key} ({request.RequestUri}) as the second citizen: {(int)response.StatusCode}, expected 404 {Short(body)}");
            }

            // The owner passes the same door: the 404 above is about ownership, not a wrong sample.
            using var control = EndpointCatalog.Request(row, values);
            if (!page && row.Key.StartsWith("GET ", StringComparison.Ordinal))
            {
                using var owner = await first.SendAsync(control, Ct);
                if (owner.StatusCode == HttpStatusCode.NotFound)
                {
                    failures.Add($"{row.Key}: the first citizen gets 404 at their own door, so the sample is wrong");
                }
            }
        }

        // The first citizen's draft opened or saved through the submission page.
        foreach (var (method, url) in new[] { ("GET", $"/Portal/Submit?draft={values["draft"]}"), ("POST", $"/Portal/Submit?draft={values["draft"]}&handler=Save") })
        {
            doors++;
            using var response = method == "GET" ? await session.GetAsync(url, Ct) : await session.PostAsync(url, await FormWithTokenAsync(session, ("FullName", "Người khác")), Ct);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{method} {url} as the second citizen: {(int)response.StatusCode}, expected 404");
            }
        }

        // Lists show none of the first citizen's rows.
        foreach (var (url, client, secret) in new[]
        {
            ("/api/v1/dossiers", api, values["mine"]), ("/api/v1/me/drafts", api, values["draft"]), ("/api/v1/me/documents", api, values["stored"]),
            ("/Portal/Mine", session, values["mine"]), ("/Portal/Documents", session, "giay-to-cong-dan-1"),
        })
        {
            doors++;
            using var response = await client.GetAsync(url, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (!response.IsSuccessStatusCode || body.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"GET {url} as the second citizen: {(int)response.StatusCode}{(body.Contains(secret, StringComparison.OrdinalIgnoreCase) ? ", shows " + secret : "")}");
            }
        }

        // The first citizen's upload or stored document named inside the second citizen's own draft: refused exactly as an id that does not exist.
        foreach (var (field, theirs, none) in new[] { ("fileId", (object)values["citizenUpload"], (object)new string('0', 32)), ("storedDocumentId", long.Parse(values["stored"], System.Globalization.CultureInfo.InvariantCulture), 987_654_321L) })
        {
            doors++;
            var (status, answer) = await DraftWithAsync(api, field, theirs);
            var (noneStatus, noneAnswer) = await DraftWithAsync(api, field, none);
            if (status != HttpStatusCode.BadRequest || status != noneStatus || answer != noneAnswer)
            {
                failures.Add($"a draft naming the first citizen's {field}: {(int)status} {answer}; for an id that does not exist: {(int)noneStatus} {noneAnswer}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{doors} doors tried by a second citizen: {failures.Count} disagreements");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await app.DigestAsync());
        Assert.True(doors >= 20, $"only {doors} doors: the tables no longer name the citizen's own rows");
    }

    private static async Task<(HttpStatusCode, string)> DraftWithAsync(HttpClient api, string field, object id)
    {
        var document = new Dictionary<string, object> { ["name"] = "Bản sao giấy tờ", [field] = id };
        using var response = await api.PostAsJsonAsync("/api/v1/me/drafts", new { procedureCode = "2.000815", unitCode = "584.MC", documents = new[] { document } }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, TraceId().Replace(body, ""));
    }

    private static async Task<string> UploadAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 giấy tờ của công dân thứ nhất"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "giay-to-cong-dan-1.pdf");
        using var response = await client.PostAsync("/api/v1/files", form, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("fileId").GetString()!;
    }

    /// <summary>A document in the first citizen's personal store, as an accepted dossier leaves one.</summary>
    private async Task<string> StoredDocumentAsync(string fileId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.UserName == "congdan").Select(u => u.Id).SingleAsync(Ct);
        var stored = new MotCua.Web.Features.Portal.StoredDocument
        {
            UserId = userId,
            Kind = "copy",
            Name = "giay-to-cong-dan-1",
            FileId = fileId,
            Source = "component",
            DossierCode = "584.MC-250603-0001",
            ValidFrom = new DateOnly(2025, 6, 3),
            AddedAtUtc = new DateTime(2025, 6, 3, 2, 0, 0, DateTimeKind.Utc),
        };
        db.StoredDocuments.Add(stored);
        await db.SaveChangesAsync(Ct);
        return stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Signs the second citizen up through the portal (code from the fake phone), then an API token and a browser session.</summary>
    private async Task<(HttpClient Api, HttpClient Session)> SecondCitizenAsync()
    {
        var anonymous = app.Raw();
        using var started = await anonymous.PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Hán Thị Hai",
            idNumber = IdNumber,
            phone = Phone,
            channel = "sms",
            password = Password,
        }, Ct);
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("signUpId").GetString();
        using var verified = await anonymous.PostAsJsonAsync($"/api/v1/portal/sign-up/{id}/verify", new { code = await app.Captured!.LatestCodeAsync(app.Services, Phone) }, Ct);
        Assert.True(verified.IsSuccessStatusCode, await verified.Content.ReadAsStringAsync(Ct));

        using var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = IdNumber, password = Password }, Ct);
        var api = app.Raw();
        api.DefaultRequestHeaders.Authorization = new("Bearer", JsonDocument.Parse(await token.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("accessToken").GetString());

        var session = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await session.PostAsync("/Account/Login", await FormWithTokenAsync(session, ("UserName", IdNumber), ("Password", Password), ("__page", "/Account/Login")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (api, session);
    }

    /// <summary>A form with a token read from the sign-in page of this session (antiforgery tokens are per session and user, not per page).</summary>
    private static async Task<FormUrlEncodedContent> FormWithTokenAsync(HttpClient session, params (string Name, string Value)[] fields)
    {
        var html = await session.GetStringAsync(fields.Any(f => f.Name == "__page") ? "/Account/Login" : "/Feedback/Send", Ct);
        return new FormUrlEncodedContent(fields.Where(f => f.Name != "__page").Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", HtmlForms.Token(html)!)));
    }

    private static string Short(string s) => s.Length > 160 ? s[..160] : s;

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
