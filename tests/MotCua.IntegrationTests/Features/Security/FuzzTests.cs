using System.Diagnostics;
using System.Text;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>
/// 10,000 generated bad requests (seeded, so a failure replays) across every classified endpoint and page, as callers
/// who pass authorization and as random ones: no 5xx, and not one stored row changes.
/// </summary>
public sealed class FuzzTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    public const int Requests = 10_000;
    public const int Seed = 20_261_126;

    private static readonly string[] Junk =
    [
        "", " ", "null", "undefined", "NaN", "-1", "0", "2147483648", "1e309", "0x1F", "true", "[]", "{}", "../", "..%2F..%2F", "%00", "%FF%FE",
        "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE \"Dossiers\"; --", "2025-02-30", "0001-01-01", "9999-12-31", "31/12/2025",
        "2025-06-03T25:61:00", "Đồng ý", "ễ̃̃̃̃", "\u202Etxt.exe", "CON", "a/b\\c", "584.MC-250603-0001", "teleport", "FLYING", "%", "%%", "+", "&", "#",
    ];

    private static readonly string[] QueryKeys = ["on", "year", "from", "to", "date", "page", "status", "unit", "q", "code", "verifier", "format", "receivedOn", "workingDays", "pause", "id", "kind"];

    private static readonly string[] JsonKeys =
    [
        "action", "note", "toUnitCode", "newDueDate", "resultFileId", "version", "procedureCode", "unitCode", "channel", "applicant", "documents",
        "title", "name", "code", "year", "period", "progress", "dueDate", "score", "accept", "kind", "date", "username", "password", "scheduledOn",
    ];

    [Fact]
    public async Task Ten_thousand_generated_bad_requests_get_no_5xx_and_change_no_stored_data()
    {
        var values = await EndpointCatalog.SampleValuesAsync(app);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var p in Principals.All)
        {
            clients[p] = await app.As(p);
        }

        var random = new Random(Seed);
        var requests = Enumerable.Range(0, Requests).Select(i => Generate(random, i, values)).ToList();
        var before = await app.DigestAsync();
        var watch = Stopwatch.StartNew();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, async (r, ct) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(r.Method), r.Url);
            if (r.Body is not null)
            {
                request.Content = new ByteArrayContent(r.Body);
                if (r.ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", r.ContentType);
                }
            }

            using var response = await clients[r.Principal].SendAsync(request, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"#{r.Index} {r.Principal} {r.Method} {r.Url} [{r.ContentType}] {Show(r.Body)} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        watch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Requests} bad requests in {watch.Elapsed.TotalSeconds:F1} s, seed {Seed}: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} server errors (seed {Seed}):\n" + string.Join("\n", failures.Take(30)));
        Assert.Equal(before, await app.DigestAsync());
    }

    public sealed record Fuzzed(int Index, string Principal, string Method, string Url, byte[]? Body, string? ContentType);

    /// <summary>Every row except a body-less action without a route value: any request to one of those is a well-formed write.</summary>
    private static readonly EndpointAccess.Row[] Fuzzable =
        [.. EndpointAccess.Table.Where(r => !Equals(r.Body, EndpointAccess.NoBody) || r.Key.Contains('{', StringComparison.Ordinal))];

    /// <summary>One bad request: a bad route value, bad query values, or a bad body; never a well-formed write.</summary>
    public static Fuzzed Generate(Random random, int index, IReadOnlyDictionary<string, string> values)
    {
        var row = Fuzzable[random.Next(Fuzzable.Length)];
        var principal = random.Next(4) == 0 ? Principals.All[random.Next(Principals.All.Length)] : BadInputTests.AllowedPrincipal(row);
        var method = row.Key.StartsWith("PAGE ", StringComparison.Ordinal) ? (random.Next(5) == 0 ? "POST" : "GET") : row.Key[..row.Key.IndexOf(' ', StringComparison.Ordinal)];
        var write = method is not "GET";
        var noBody = Equals(row.Body, EndpointAccess.NoBody);
        var mutateRoute = row.Key.Contains('{', StringComparison.Ordinal) && (method == "DELETE" || noBody || random.Next(3) == 0);
        var url = mutateRoute ? BadInputTests.ReplaceRouteValues(row, Uri.EscapeDataString(Pick(random)), values)! : EndpointCatalog.Fill(row.Url, values);
        if (random.Next(2) == 0 || !write)
        {
            var query = string.Join("&", Enumerable.Range(0, random.Next(1, 4)).Select(_ => QueryKeys[random.Next(QueryKeys.Length)] + "=" + Uri.EscapeDataString(Pick(random))));
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
        }

        if (!write)
        {
            return new(index, principal, method, url, null, null);
        }

        // Writes always carry a body that no handler accepts: broken JSON, a non-object, mistyped or oversized fields, or a form without a token.
        var (body, type) = random.Next(7) switch
        {
            0 => (Truncate(random, RandomObject(random)), "application/json"),
            1 => (RandomScalar(random), "application/json"),
            2 => (MistypedObject(random), "application/json"),
            3 => ("{\"" + JsonKeys[random.Next(JsonKeys.Length)] + "\": \"" + new string('x', random.Next(10_001, 40_000)) + "\"}", "application/json"),
            4 => ("a=" + Uri.EscapeDataString(Pick(random)) + "&b=" + Uri.EscapeDataString(Pick(random)), "application/x-www-form-urlencoded"),
            5 => (RandomObject(random), random.Next(2) == 0 ? "text/xml" : null),
            _ => (Encoding.Latin1.GetString([.. Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256))]), "application/json"),
        };
        return new(index, principal, method, url, Encoding.UTF8.GetBytes(body), type);
    }

    private static string Pick(Random random) => random.Next(5) == 0
        ? new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(32, 0x1EFF))])
        : Junk[random.Next(Junk.Length)];

    private static string RandomScalar(Random random) => random.Next(4) switch
    {
        0 => "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => random.Next())) + "]",
        1 => "\"" + Pick(random).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "'", StringComparison.Ordinal) + "\"",
        2 => random.NextDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "null",
    };

    private static string RandomObject(Random random) =>
        "{" + string.Join(",", Enumerable.Range(0, random.Next(1, 6)).Select(_ => $"\"{JsonKeys[random.Next(JsonKeys.Length)]}\": {RandomScalar(random)}")) + "}";

    /// <summary>Every key a handler reads, each with a value of the wrong JSON type.</summary>
    private static string MistypedObject(Random random) =>
        "{" + string.Join(",", JsonKeys.Select(k => $"\"{k}\": {(random.Next(3) switch { 0 => "[]", 1 => "{}", _ => "12.5" })}")) + "}";

    private static string Truncate(Random random, string json) => json[..random.Next(1, json.Length)];

    private static string Show(byte[]? body) => body is null ? "" : Encoding.UTF8.GetString(body.Length > 120 ? body[..120] : body);
}
