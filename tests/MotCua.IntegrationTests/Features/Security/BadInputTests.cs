using System.Text;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>Every API endpoint answers malformed, mistyped, oversized, over-long and out-of-range input with a Vietnamese 4xx problem.</summary>
public sealed class BadInputTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    public static readonly string[] BadIds = ["abc", "-1", "0", "99999999999999999999", "..%2F..%2Fetc%2Fpasswd", "'%20OR%201=1--", new string('9', 300)];

    [Fact]
    public async Task Every_write_endpoint_refuses_malformed_json_wrong_types_oversize_and_over_long_bodies_with_a_problem()
    {
        var values = await EndpointCatalog.SampleValuesAsync(app);
        var before = await app.DigestAsync();
        var failures = new List<string>();
        foreach (var row in ApiRows().Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal) && !r.Key.StartsWith("DELETE ", StringComparison.Ordinal)
            && !Equals(r.Body, EndpointAccess.NoBody)))
        {
            var client = await app.As(AllowedPrincipal(row));
            var method = new HttpMethod(row.Key[..row.Key.IndexOf(' ', StringComparison.Ordinal)]);
            var url = EndpointCatalog.Fill(row.Url, values);
            foreach (var (what, content) in Bodies())
            {
                using var request = new HttpRequestMessage(method, url) { Content = content() };
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                await ExpectProblemAsync(response, $"{row.Key} with {what}", failures, allowNotFound: false);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await app.DigestAsync());
    }

    [Fact]
    public async Task Every_route_parameter_refuses_invalid_ids_and_path_tricks_with_a_problem()
    {
        var values = await EndpointCatalog.SampleValuesAsync(app);
        var before = await app.DigestAsync();
        var failures = new List<string>();
        foreach (var row in ApiRows().Where(r => r.Url.Contains('{', StringComparison.Ordinal) || r.Key.Contains('{', StringComparison.Ordinal)))
        {
            var client = await app.As(AllowedPrincipal(row));
            var method = new HttpMethod(row.Key[..row.Key.IndexOf(' ', StringComparison.Ordinal)]);
            foreach (var bad in BadIds)
            {
                var url = ReplaceRouteValues(row, bad, values);
                if (url is null)
                {
                    continue;
                }

                using var request = new HttpRequestMessage(method, url);
                if (method != HttpMethod.Get && method != HttpMethod.Delete)
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                await ExpectProblemAsync(response, $"{method} {url}", failures, allowNotFound: true);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await app.DigestAsync());
    }

    [Theory]
    [InlineData("GET", "/api/v1/calendar/due-date?receivedOn=9999-12-31&workingDays=5")]
    [InlineData("GET", "/api/v1/calendar/due-date?receivedOn=0001-01-01&workingDays=5")]
    [InlineData("GET", "/api/v1/calendar/due-date?receivedOn=2025-02-30&workingDays=5")]
    [InlineData("GET", "/api/v1/calendar/due-date?receivedOn=2025-06-03&workingDays=-3")]
    [InlineData("GET", "/api/v1/calendar/due-date?receivedOn=2025-06-03&workingDays=2147483647")]
    [InlineData("GET", "/api/v1/calendar/due-date?receivedOn=2025-06-03&workingDays=5&pause=2025-06-10..1999-01-01")]
    [InlineData("GET", "/api/v1/calendar/due-date?receivedOn=2100-12-31&workingDays=400")]
    [InlineData("GET", "/api/v1/calendar/days?year=-1")]
    [InlineData("GET", "/api/v1/calendar/days?year=99999")]
    [InlineData("GET", "/api/v1/reform/reports/late?on=1800-01-01")]
    [InlineData("GET", "/api/v1/reform/reports/late?on=2025-13-45")]
    [InlineData("GET", "/api/v1/reform/reports/reminders?on=9999-12-31")]
    [InlineData("GET", "/api/v1/reform/overview?year=0")]
    [InlineData("GET", "/api/v1/reform/overview.xlsx?year=999999")]
    [InlineData("GET", "/api/v1/reform/reports?year=-2025")]
    [InlineData("GET", "/api/v1/reform/inspections/counts?year=12345678")]
    [InlineData("GET", "/api/v1/reform/inspections?year=-1")]
    [InlineData("GET", "/api/v1/reports/tracking-book?from=0001-01-01&to=9999-12-31&format=html")]
    [InlineData("GET", "/api/v1/reports/tracking-book?from=2025-06-30&to=2025-06-01&format=pdf")]
    [InlineData("GET", "/api/v1/reports/tracking-book?from=2025-06-01&to=2025-06-30&format=docx")]
    [InlineData("GET", "/api/v1/dossiers?status=Flying&page=-5")]
    [InlineData("GET", "/api/v1/dossiers?page=2147483647")]
    [InlineData("GET", "/api/v1/procedures?q=" + "%F0%9F%92%A5%00%FF")]
    [InlineData("GET", "/api/v1/units?date=31/12/2025")]
    public async Task Out_of_range_dates_numbers_and_unknown_values_in_queries_are_4xx_problems_or_plain_answers(string method, string url)
    {
        var client = await app.As(Principals.Admin);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), TestContext.Current.CancellationToken);
        var failures = new List<string>();
        if ((int)response.StatusCode >= 400)
        {
            await ExpectProblemAsync(response, url, failures, allowNotFound: true);
        }

        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("channel", "teleport")]
    [InlineData("channel", "1")]
    public async Task Unknown_enum_values_are_refused_with_the_field_named(string field, string value)
    {
        var client = await app.As(Principals.Desk);
        var body = JsonSerializer.SerializeToNode(new { procedureCode = "2.000815", unitCode = "584.MC", applicant = new { fullName = "A" } })!.AsObject();
        body[field] = value;
        using var response = await client.PostAsync("/api/v1/dossiers", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var failures = new List<string>();
        await ExpectProblemAsync(response, field, failures, allowNotFound: false);
        Assert.Empty(failures);
        Assert.Contains("$." + field, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("..\\..\\..\\windows\\win.ini")]
    [InlineData("/etc/cron.d/x")]
    public async Task A_file_name_with_a_path_trick_is_stored_as_a_plain_name_or_refused(string fileName)
    {
        var client = await app.As(Principals.Specialist);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("monthly"), "kind" },
            { new StringContent("2025"), "year" },
            { new StringContent("5"), "period" },
            { new StringContent("Báo cáo tháng (kiểm thử tên tệp)"), "text" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 nội dung"));
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileName = "\"" + fileName.Replace("\"", "", StringComparison.Ordinal) + "\"" };
        form.Add(file);

        using var response = await client.PostAsync("/api/v1/reform/reports", form, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode < 500, body);
        if (response.IsSuccessStatusCode)
        {
            var names = JsonDocument.Parse(body).RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()!).ToList();
            Assert.All(names, n => Assert.True(!n.Contains('/', StringComparison.Ordinal) && !n.Contains('\\', StringComparison.Ordinal) && !n.Contains("..", StringComparison.Ordinal) && !n.Contains('\0', StringComparison.Ordinal), n));
        }
    }

    /// <summary>The request bodies every write endpoint must refuse.</summary>
    internal static IEnumerable<(string What, Func<HttpContent> Content)> Bodies()
    {
        yield return ("malformed JSON", () => Json("{\"title\": \"thiếu ngoặc\""));
        yield return ("a JSON array", () => Json("[1, 2, 3]"));
        yield return ("a JSON string", () => Json("\"chuỗi\""));
        yield return ("wrong types", () => Json("""{"code": 1, "name": [], "title": {}, "unitCode": 12, "procedureCode": true, "year": "năm", "id": "x", "version": "v", "accept": "có", "action": 5, "applicant": "x", "documents": {}, "dueDate": 20250603, "score": "cao"}"""));
        yield return ("unknown enum values", () => Json("""{"channel": "teleport", "action": "bay-len", "kind": "weekly", "progress": "almost", "status": "flying"}"""));
        yield return ("dates out of range", () => Json("""{"dueDate": "0001-01-01", "newDueDate": "9999-99-99", "scheduledOn": "2025-02-30", "heldOn": "31/12/2025", "deadline": "yesterday", "date": "-2025-01-01"}"""));
        yield return ("over-long strings", () => Json(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["title"] = new('x', 20_000),
            ["name"] = new('ễ', 20_000),
            ["note"] = new('n', 20_000),
            ["text"] = new('t', 20_000),
            ["unitCode"] = new('5', 20_000),
            ["code"] = new('c', 20_000),
            ["username"] = new('u', 20_000),
        })));
        yield return ("an oversize body (2 MB)", () => Json("{\"note\": \"" + new string('a', 2 * 1024 * 1024) + "\"}"));
        yield return ("no content type", () => new ByteArrayContent(Encoding.UTF8.GetBytes("{}")));
        yield return ("a binary body", () => new ByteArrayContent([0xFF, 0xFE, 0x00, 0x01, 0x7B]) { Headers = { ContentType = new("application/json") } });
    }

    private static StringContent Json(string s) => new(s, Encoding.UTF8, "application/json");

    internal static IEnumerable<EndpointAccess.Row> ApiRows() =>
        EndpointAccess.Table.Where(r => r.Key.Contains(" /api/", StringComparison.Ordinal));

    /// <summary>The principal that passes authorization, so that the request reaches the input checks; admin first, the desk for dossier actions.</summary>
    internal static string AllowedPrincipal(EndpointAccess.Row row)
    {
        foreach (var p in new[] { Principals.Admin, Principals.Desk, Principals.Reform, Principals.Specialist, Principals.Leader, Principals.Citizen, Principals.Anonymous })
        {
            if (row.Expect[Array.IndexOf(Principals.All, p)] == 'Y')
            {
                return p;
            }
        }

        return Principals.Admin;
    }

    /// <summary>The row's URL with every route value replaced by <paramref name="bad"/>; null when the route has none.</summary>
    internal static string? ReplaceRouteValues(EndpointAccess.Row row, string bad, IReadOnlyDictionary<string, string> values)
    {
        var path = row.Key[(row.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", bad);
        var query = EndpointCatalog.Fill(row.Url, values).Split('?', 2);
        return query.Length == 2 ? url + "?" + query[1] : url;
    }

    internal static async Task ExpectProblemAsync(HttpResponseMessage response, string what, List<string> failures, bool allowNotFound)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (status is < 400 or >= 500 || (!allowNotFound && status == 404))
        {
            failures.Add($"{what}: {status} {Short(body)}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{what}: {status} answered {response.Content.Headers.ContentType?.MediaType ?? "no body"}, not a problem detail");
            return;
        }

        using var json = JsonDocument.Parse(body);
        var text = string.Join(" ", new[] { "title", "detail" }.Select(p => json.RootElement.TryGetProperty(p, out var v) ? v.GetString() : null));
        if (json.RootElement.TryGetProperty("errors", out var errors))
        {
            text += " " + errors;
        }

        // Vietnamese: at least one letter with a diacritic (the app's default language).
        if (!text.Any(c => c > 127))
        {
            failures.Add($"{what}: {status} problem without a Vietnamese message: {Short(body)}");
        }
    }

    private static string Short(string s) => s.Length > 200 ? s[..200] : s;
}
