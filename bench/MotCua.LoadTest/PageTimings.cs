using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MotCua.LoadTest;

/// <summary>
/// Issue 25.3: the staff pages and APIs of QueryPlanTests timed one request at a time on an existing database (e.g. the
/// province of scripts/province-scale.sh): for each, a warm-up then N requests with varied parameters (dossiers, codes, names,
/// ID numbers, communes, months), p50/p95/p99 as the client saw them and as the server's Server-Timing header says, with the
/// trivial endpoint as the reference in the same run.
/// </summary>
internal static partial class PageTimings
{
    public const string Help = """
        MotCua page timings (issue 25.3) on an existing database made by scripts/province-scale.sh:
          --pages --app PATH.dll (--sqlite-file PATH | --pg "Host=…;Port=…;Username=…;Database=…")
                  [--runs 200] [--warmup 20] [--seed 25] [--budget 30] [--timeout 120] [--out FILE.md] [--only WORD,WORD]
          --budget S: a page stops after S seconds of requests (a page far over 100 ms then reports fewer samples, counted in "ok")
          --only: time only the pages whose label contains one of the words (the reference is always timed)
        """;

    private const string Password = "TaiThu@2026-load";
    private static readonly string[] Staff = ["tinh.lanhdao", "xa.motcua", "xa.lanhdao", "admin"];

    private sealed record Page(string Label, string Who, Func<int, string> Url);

    private sealed record Timing(string Label, int Ok, int Errors, double[] Client, double[] Server, string? Error);

    public static async Task<int> RunAsync(string[] args)
    {
        string? app = null, sqlite = null, pg = null, output = null;
        string[] only = [];
        int runs = 200, warmup = 20, seed = 25;
        var budget = TimeSpan.FromSeconds(30);
        var timeout = TimeSpan.FromSeconds(120);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--app": app = Path.GetFullPath(Next()); break;
                case "--sqlite-file": sqlite = Path.GetFullPath(Next()); break;
                case "--pg": pg = Next(); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--timeout": timeout = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--budget": budget = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--out": output = Path.GetFullPath(Next()); break;
                case "--only": only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default: Console.WriteLine(Help); return 2;
            }
        }

        if (app is null || (sqlite is null) == (pg is null))
        {
            Console.WriteLine(Help);
            return 2;
        }

        var ct = CancellationToken.None;
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Demo:Enabled"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Security:SignInClientFailureLimit"] = "1000000000",
            ["Security:TrackingPermitLimit"] = "1000000000",
            ["Database:Provider"] = sqlite is null ? "Postgres" : "Sqlite",
            [sqlite is null ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = pg ?? $"Data Source={sqlite}",
        };
        var samples = await SamplesAsync(sqlite, pg, runs + warmup, seed, ct);
        Console.WriteLine($"{samples.Dossiers} dossiers; {samples.Codes.Count} sampled dossiers, {samples.Communes.Count} communes");

        var folder = Path.Combine(Path.GetTempPath(), "motcua-pages-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var uptimeBefore = Uptime();
        using var server = await AppServer.StartAsync(app, settings, Path.Combine(folder, "app.log"), ct);
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = timeout };
        var tokens = new Dictionary<string, string>();
        foreach (var user in Staff)
        {
            tokens[user] = await TokenAsync(http, user, user == "admin" ? "MotCua@Demo2025" : Password, ct);
        }

        var cookie = await SignInAsync(http, "tinh.lanhdao", Password, ct);
        var months = Enumerable.Range(0, 70).Select(m => new DateOnly(2021, 1, 1).AddMonths(m)).ToArray();
        string Commune(int i) => samples.Communes[i % samples.Communes.Count];
        string Month(int i, bool end) => (end ? months[i * 7 % months.Length].AddMonths(1).AddDays(-1) : months[i * 7 % months.Length]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Code(int i) => samples.Codes[i % samples.Codes.Count];
        string Name(int i) => Uri.EscapeDataString(samples.Names[i % samples.Names.Count]);
        string Prefix(int i) => Uri.EscapeDataString(string.Join(' ', samples.Names[i % samples.Names.Count].Split(' ')[..2]));
        var pages = new Page[]
        {
            new("reference: GET /api/v1/ping", "anon", _ => "/api/v1/ping"),
            new("workspace (commune desk) GET /api/v1/workspace", "xa.motcua", _ => "/api/v1/workspace"),
            new("workspace (province leader) GET /api/v1/workspace", "tinh.lanhdao", _ => "/api/v1/workspace"),
            new("inbox (commune desk) GET /api/v1/dossiers", "xa.motcua", i => i % 2 == 0 ? "/api/v1/dossiers" : "/api/v1/dossiers?page=2"),
            new("inbox, received, by commune (province leader) GET /api/v1/dossiers?status=received&unit=", "tinh.lanhdao", i => $"/api/v1/dossiers?status=received&unit={Commune(i)}"),
            new("inbox, received (province leader) GET /api/v1/dossiers?status=received", "tinh.lanhdao", _ => "/api/v1/dossiers?status=received"),
            new("inbox, overdue (province leader) GET /api/v1/dossiers?overdue=true", "tinh.lanhdao", _ => "/api/v1/dossiers?overdue=true"),
            new("inbox page, first tab and overdue (province leader) GET /Dossiers", "cookie", i => i % 2 == 0 ? "/Dossiers" : "/Dossiers?tab=overdue"),
            new("inbox page, all (province leader) GET /Dossiers?tab=all", "cookie", i => $"/Dossiers?tab=all&page={1 + i % 3}"),
            new("search by code (province leader) GET /api/v1/dossiers?q=CODE", "tinh.lanhdao", i => $"/api/v1/dossiers?q={Code(i)}"),
            new("search by ID number (province leader) GET /api/v1/dossiers?q=ID", "tinh.lanhdao", i => $"/api/v1/dossiers?q={samples.IdNumbers[i % samples.IdNumbers.Count]}"),
            new("search by applicant, full name (province leader) GET /api/v1/dossiers?q=NAME", "tinh.lanhdao", i => $"/api/v1/dossiers?q={Name(i)}"),
            new("search by applicant, surname + middle name (province leader)", "tinh.lanhdao", i => $"/api/v1/dossiers?q={Prefix(i)}"),
            new("dossier (API) GET /api/v1/dossiers/{code}", "tinh.lanhdao", i => $"/api/v1/dossiers/{Code(i)}"),
            new("dossier history GET /api/v1/dossiers/{code}/history", "tinh.lanhdao", i => $"/api/v1/dossiers/{Code(i)}/history"),
            new("dossier page GET /Dossiers/Details?code=", "cookie", i => $"/Dossiers/Details?code={Code(i)}"),
            new("tracking book, a commune's month (province leader) GET /api/v1/reports/tracking-book", "tinh.lanhdao", i => $"/api/v1/reports/tracking-book?unit={Commune(i)}&from={Month(i, false)}&to={Month(i, true)}"),
            new("alarms (province leader) GET /api/v1/alarms", "tinh.lanhdao", _ => "/api/v1/alarms"),
            new("dashboard (API, province, admin) GET /api/v1/indicators", "admin", i => i % 2 == 0 ? "/api/v1/indicators" : $"/api/v1/indicators?unit={Commune(i)}"),
            new("dashboard page (province leader) GET /Indicators", "cookie", _ => "/Indicators"),
        };

        var results = new List<Timing>();
        foreach (var page in pages.Where((p, i) => i == 0 || only.Length == 0 || only.Any(w => p.Label.Contains(w, StringComparison.Ordinal))))
        {
            var client = new List<double>();
            var serverMs = new List<double>();
            var errors = 0;
            string? error = null;
            var spent = Stopwatch.StartNew();
            for (var i = 0; i < warmup + runs && (spent.Elapsed < budget || client.Count < 5); i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, page.Url(i));
                if (page.Who == "cookie")
                {
                    request.Headers.Add("Cookie", cookie);
                }
                else if (page.Who != "anon")
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[page.Who]);
                }

                var started = Stopwatch.GetTimestamp();
                HttpResponseMessage sent;
                try
                {
                    sent = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                }
                catch (Exception ex) when (ex is TaskCanceledException or HttpRequestException)
                {
                    // A request over the client's timeout ends the page: the figure is "more than the timeout".
                    errors++;
                    error ??= $"no answer within {http.Timeout.TotalSeconds:F0} s: {page.Url(i)}";
                    break;
                }

                using var response = sent;
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                    error ??= $"{(int)response.StatusCode} {page.Url(i)} {Truncate(await response.Content.ReadAsStringAsync(ct))}";
                    continue;
                }

                if (i < warmup)
                {
                    continue;
                }

                client.Add(elapsed);
                if (response.Headers.TryGetValues("Server-Timing", out var values) && DurationPattern().Match(string.Join(",", values)) is { Success: true } m)
                {
                    serverMs.Add(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
                }
            }

            var timing = new Timing(page.Label, client.Count, errors, [.. client.Order()], [.. serverMs.Order()], error);
            results.Add(timing);
            Console.WriteLine(Row(timing));
        }

        var uptimeAfter = Uptime();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Page timings, {(sqlite is null ? "PostgreSQL" : "SQLite")}, {samples.Dossiers:N0} dossiers, {runs} requests per page after {warmup} unmeasured, one at a time, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine(CultureInfo.InvariantCulture, $"uptime before: {uptimeBefore}");
        report.AppendLine(CultureInfo.InvariantCulture, $"uptime after:  {uptimeAfter}");
        report.AppendLine(CultureInfo.InvariantCulture, $"server peak RSS: {server.PeakRssKb() / 1024} MB");
        report.AppendLine();
        report.AppendLine("| page | ok | errors | client p50 | client p95 | client p99 | server p50 | server p95 | server p99 |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            report.AppendLine(Row(r));
        }

        foreach (var r in results.Where(r => r.Error is not null))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {r.Label}: first error {r.Error}");
        }

        Console.WriteLine();
        Console.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToString(), ct);
        }

        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    private static string Row(Timing t) =>
        string.Create(CultureInfo.InvariantCulture, $"| {t.Label} | {t.Ok} | {t.Errors} | {P(t.Client, 50)} | {P(t.Client, 95)} | {P(t.Client, 99)} | {P(t.Server, 50)} | {P(t.Server, 95)} | {P(t.Server, 99)} |");

    private static string P(double[] sorted, double p) =>
        sorted.Length == 0 ? "—" : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)].ToString("F1", CultureInfo.InvariantCulture);

    private static string Truncate(string s) => s.Length > 300 ? s[..300] : s;

    private static string Uptime()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string user, string password, CancellationToken ct)
    {
        using var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password }, ct);
        if (!r.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"token for {user}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync(ct)}");
        }

        return (await r.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Signs in on the login page (antiforgery token and cookie included) and returns the Cookie header to send.</summary>
    private static async Task<string> SignInAsync(HttpClient http, string user, string password, CancellationToken ct)
    {
        using var login = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative), ct);
        var html = await login.Content.ReadAsStringAsync(ct);
        var cookies = Cookies(login);
        var token = TokenPattern().Match(html).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Values));
        using var signedIn = await http.SendAsync(post, ct);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await signedIn.Content.ReadAsStringAsync(ct);
            var at = Math.Max(0, body.IndexOf("<main", StringComparison.Ordinal));
            throw new InvalidOperationException($"sign-in of {user} on the login page: {(int)signedIn.StatusCode} {body.Substring(at, Math.Min(1500, body.Length - at))}");
        }

        foreach (var (name, value) in Cookies(signedIn))
        {
            cookies[name] = value;
        }

        return string.Join("; ", cookies.Values);
    }

    private static Dictionary<string, string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).GroupBy(v => v.Split('=')[0]).ToDictionary(g => g.Key, g => g.Last())
            : [];

    private sealed record Samples(long Dossiers, List<string> Codes, List<string> Names, List<string> IdNumbers, List<string> Communes);

    /// <summary>Dossiers picked at deterministic random ids over the table, and the communes in force under the province.</summary>
    private static async Task<Samples> SamplesAsync(string? sqlite, string? pg, int count, int seed, CancellationToken ct)
    {
        await using System.Data.Common.DbConnection c = sqlite is not null ? new SqliteConnection($"Data Source={sqlite};Mode=ReadOnly") : new NpgsqlConnection(pg);
        await c.OpenAsync(ct);
        async Task<List<object[]>> Query(string sql)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            var rows = new List<object[]>();
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }

            return rows;
        }

        var range = (await Query("SELECT min(\"Id\"), max(\"Id\") FROM \"Dossiers\" WHERE \"Code\" LIKE 'SIM-%'"))[0];
        var (lo, hi) = (Convert.ToInt64(range[0], CultureInfo.InvariantCulture), Convert.ToInt64(range[1], CultureInfo.InvariantCulture));
        var total = Convert.ToInt64((await Query("SELECT count(*) FROM \"Dossiers\""))[0][0], CultureInfo.InvariantCulture);
        var rng = new Random(seed);
        var codes = new List<string>();
        var names = new List<string>();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = rng.NextInt64(lo, hi + 1);
            var row = (await Query($"SELECT \"Code\", \"ApplicantName\", \"ApplicantIdNumber\" FROM \"Dossiers\" WHERE \"Id\" >= {id} ORDER BY \"Id\" LIMIT 1"))[0];
            codes.Add((string)row[0]);
            names.Add((string)row[1]);
            ids.Add(row[2] as string ?? "");
        }

        var communes = (await Query("SELECT \"Code\" FROM \"Units\" WHERE \"Path\" LIKE '56/%' AND \"Kind\" = 'Commune' AND \"ValidTo\" IS NULL ORDER BY \"Code\""))
            .Select(r => (string)r[0]).ToList();
        return new(total, codes, names, ids, communes);
    }

    [GeneratedRegex("dur=([0-9.]+)")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
