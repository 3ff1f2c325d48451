using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MotCua.LoadTest;
using Npgsql;

// Load test of the published app on 127.0.0.1 with the physical references measured in the same run.
// Usage: see Options.Help (docs/benchmarks.md, "Load test").
if (args is ["--bare-server", .. var rest])
{
    return await StartupCheck.BareServerAsync(rest);
}

if (args is ["--pages", .. var pageArgs])
{
    return await PageTimings.RunAsync(pageArgs);
}

var options = Options.Parse(args);
if (options is null)
{
    Console.WriteLine(Options.Help);
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
try
{
    return await new LoadTest(options).RunAsync(cts.Token);
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or NpgsqlException)
{
    Console.Error.WriteLine("load test: " + ex.Message);
    return 1;
}

namespace MotCua.LoadTest
{
    internal sealed record Options(
        string Database, string? PostgresServer, int Clients, TimeSpan Warmup, TimeSpan Duration, string? AppDll, bool Smoke,
        string Repo, string IndicatorsQuery, List<string> ImportFiles, string? Output, bool ImportOnly = false, string? SqliteFile = null, bool TrackingOnly = false, int StartupRuns = 0)
    {
        public const string Help = """
            MotCua load test: starts the published app on 127.0.0.1 and measures intake, tracking, indicators and import
            with the references (raw ADO.NET insert of the same rows, a trivial endpoint) in the same run.

              --db sqlite|postgres     database (default sqlite: a fresh file under artifacts/loadtest)
              --pg "Host=…;Port=…;Username=…"   PostgreSQL server; a fresh database is created and dropped
              --clients N              concurrent clients (default 64)
              --duration S             measured seconds per scenario (default 15)
              --warmup S               unmeasured seconds before each (default 20: until tiered JIT has compiled the hot paths)
              --app PATH.dll           use this build instead of publishing src/MotCua.Web (Release)
              --import FILE.ndjson     bulk-import this file, then measure indicators (repeatable: 10^5, 10^6, 10^7)
              --import-only            skip intake, its raw reference and tracking (ping, indicators, import and its raw reference)
              --sqlite-file PATH       measure ping and indicators on this existing database (seeded and imported before, e.g. 10^7
                                       dossiers by the import-dossiers command); implies --import-only
              --tracking-only          ping, intake (it makes the codes) and tracking; no raw insert, indicators or import
              --indicators-query Q     query string of GET /api/v1/indicators (default "year=<this year>")
              --out FILE.md            also write the report here (default artifacts/loadtest/<db>-<time>.md)
              --smoke                  seconds-long check for CI: 8 clients, 2 s per scenario; fails on any error
              --startup N              instead of the load: N starts each of a bare ASP.NET Core app, the JIT-only and the
                                       precompiled (ReadyToRun) publish on an existing database, then a first start
            """;

        public static Options? Parse(string[] args)
        {
            var o = new Options("sqlite", null, 64, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(15), null, false, FindRepo(),
                $"year={DateTime.UtcNow.Year}", [], null);
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--db": o = o with { Database = Next().ToLowerInvariant() }; break;
                    case "--pg": o = o with { PostgresServer = Next() }; break;
                    case "--clients": o = o with { Clients = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                    case "--duration": o = o with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
                    case "--warmup": o = o with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
                    case "--app": o = o with { AppDll = Path.GetFullPath(Next()) }; break;
                    case "--import": o.ImportFiles.Add(Path.GetFullPath(Next())); break;
                    case "--import-only": o = o with { ImportOnly = true }; break;
                    case "--sqlite-file": o = o with { SqliteFile = Path.GetFullPath(Next()), ImportOnly = true }; break;
                    case "--tracking-only": o = o with { TrackingOnly = true }; break;
                    case "--indicators-query": o = o with { IndicatorsQuery = Next() }; break;
                    case "--out": o = o with { Output = Path.GetFullPath(Next()) }; break;
                    case "--startup": o = o with { StartupRuns = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                    case "--smoke": o = o with { Smoke = true, Clients = 8, Warmup = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(2) }; break;
                    default: return null;
                }
            }

            if (o.Database is not ("sqlite" or "postgres") || (o.Database == "postgres" && o.PostgresServer is null))
            {
                return null;
            }

            return o;
        }

        private static string FindRepo()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
                {
                    return dir.FullName;
                }
            }

            return Directory.GetCurrentDirectory();
        }
    }

    internal sealed class LoadTest(Options o)
    {
        private const string Password = "MotCua@Demo2025";
        private const string LoadPassword = "TaiThu@2026-load";
        private const string Procedure = "2.000815"; // chứng thực bản sao: every commune and the district desk accept it
        // The demo desks belong to units that ended on 30/6/2025; the run adds desks (and a leader) at the merged communes of today.
        private static readonly (string User, string Unit)[] Desks = [("tai.bacai", "56.BACAI"), ("tai.bacaidong", "56.BACAIDONG"), ("tai.bacaitay", "56.BACAITAY")];

        private readonly List<Result> _results = [];
        private readonly List<string> _notes = [];
        private readonly List<(string Code, string Verifier)> _received = [];
        private bool _failed;

        private bool Postgres => o.Database == "postgres";

        public async Task<int> RunAsync(CancellationToken ct)
        {
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var folder = Path.Combine(o.Repo, "artifacts", "loadtest", $"{o.Database}-{stamp}");
            Directory.CreateDirectory(folder);
            if (o.StartupRuns > 0)
            {
                var (startSettings, _, drop) = await PrepareDatabaseAsync(folder, o.SqliteFile, ct);
                try
                {
                    return await StartupCheck.RunAsync(o, folder, startSettings, () => PrepareDatabaseAsync(Path.Combine(folder, "first"), null, ct), ct);
                }
                finally
                {
                    await drop();
                }
            }

            var dll = o.AppDll ?? await AppServer.PublishAsync(o.Repo, ct);
            var (settings, dbConnection, dropDatabase) = await PrepareDatabaseAsync(folder, o.SqliteFile, ct);
            try
            {
                Console.WriteLine($"app: {dll}\ndatabase: {o.Database}, clients: {o.Clients}, warm-up {o.Warmup.TotalSeconds} s, measured {o.Duration.TotalSeconds} s per scenario");
                if (o.SqliteFile is null)
                {
                    await AppServer.RunCommandAsync(dll, settings, ["seed-demo"], ct);
                }

                foreach (var (user, unit, role) in Desks.Select(d => (d.User, d.Unit, "desk")).Append(("tai.lanhdao", "56", "leader")))
                {
                    try
                    {
                        await AppServer.RunCommandAsync(dll, settings, ["create-user", "--username", user, "--password", LoadPassword, "--role", role, "--unit", unit, "--name", "Tài khoản thử tải"], ct);
                    }
                    catch (InvalidOperationException) when (o.SqliteFile is not null)
                    {
                        // An existing database keeps the accounts of its previous run; a real failure shows at sign-in.
                    }
                }

                using var server = await AppServer.StartAsync(dll, settings, Path.Combine(folder, "app.log"), ct);
                Console.WriteLine($"server pid {server.Pid} on {server.BaseAddress}; started with peak RSS {server.PeakRssKb() / 1024} MB");
                using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = o.Clients * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
                using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                var tokens = new Dictionary<string, string>();
                foreach (var user in Desks.Select(d => d.User).Append("tai.lanhdao"))
                {
                    tokens[user] = await TokenAsync(http, user, LoadPassword, ct);
                }

                tokens["admin"] = await TokenAsync(http, "admin", Password, ct);
                var documents = await DocumentsAsync(http, tokens[Desks[0].User], ct);
                await PingAsync(server, http, ct);
                if (!o.ImportOnly)
                {
                    await IntakeAsync(server, http, tokens, documents, ct);
                    if (!o.TrackingOnly)
                    {
                        await RawInsertAsync(dbConnection, ct);
                    }

                    // Cached answers (a working set read again and again) and first reads (each other code once) are different paths.
                    await TrackingAsync(server, http, $"tracking: GET /api/v1/tracking/{{code}}?verifier=, {TrackedSet:N0} codes read again and again", TrackedSet, ct);
                    await FirstReadsAsync(server, http);
                }

                if (!o.TrackingOnly)
                {
                    await IndicatorsAndImportAsync(server, http, tokens["tai.lanhdao"], tokens["admin"], (dll, folder, dbConnection), ct);
                }

                if (server.HasExited)
                {
                    Fail("the server exited during the run");
                }
            }
            finally
            {
                await dropDatabase();
            }

            var report = Report();
            Console.WriteLine();
            Console.WriteLine(report);
            var output = o.Output ?? Path.Combine(folder, "report.md");
            await File.WriteAllTextAsync(output, report, ct);
            Console.WriteLine($"report: {output}");
            if (o.Smoke)
            {
                Console.WriteLine(_failed ? "load-test smoke: FAILED" : "load-test smoke: passed");
            }

            return _failed ? 1 : 0;
        }

        private async Task<(Dictionary<string, string> Settings, string Connection, Func<Task> Drop)> PrepareDatabaseAsync(string folder, string? sqliteFile, CancellationToken ct)
        {
            var settings = new Dictionary<string, string>
            {
                // Production-like but not Production, which refuses demo mode (ProductionGuard): the demo accounts sign in.
                ["ASPNETCORE_ENVIRONMENT"] = "Staging",
                ["Demo:Enabled"] = "true",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                // All load comes from one address: the per-IP limits on sign-in failures and tracking are lifted for the run.
                ["Security:SignInClientFailureLimit"] = "1000000000",
                ["Security:TrackingPermitLimit"] = "1000000000",
            };
            if (!Postgres)
            {
                var file = sqliteFile ?? Path.Combine(folder, "motcua.db");
                settings["Database:Provider"] = "Sqlite";
                settings["ConnectionStrings:Sqlite"] = $"Data Source={file}";
                return (settings, $"Data Source={file};Default Timeout=30", () => Task.CompletedTask);
            }

            var name = "motcua_load_" + Guid.NewGuid().ToString("N")[..10];
            var admin = new NpgsqlConnectionStringBuilder(o.PostgresServer) { Database = "postgres", Pooling = false }.ToString();
            await using (var c = new NpgsqlConnection(admin))
            {
                await c.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                await cmd.ExecuteNonQueryAsync(ct);
                await using var settingsCmd = new NpgsqlCommand("SELECT current_setting('fsync') || ' / ' || current_setting('synchronous_commit')", c);
                _notes.Add($"PostgreSQL fsync / synchronous_commit: {await settingsCmd.ExecuteScalarAsync(ct)}");
            }

            var cs = new NpgsqlConnectionStringBuilder(o.PostgresServer) { Database = name, MaxPoolSize = 100 }.ToString();
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = cs;
            return (settings, cs, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var c = new NpgsqlConnection(admin);
                await c.OpenAsync(CancellationToken.None);
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
                await cmd.ExecuteNonQueryAsync(CancellationToken.None);
            }
            );
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

        private static async Task<object[]> DocumentsAsync(HttpClient http, string token, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/procedures/{Procedure}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var r = await http.SendAsync(request, ct);
            r.EnsureSuccessStatusCode();
            var json = await r.Content.ReadFromJsonAsync<JsonElement>(ct);
            return [.. json.GetProperty("documents").EnumerateArray().Select(d => new { name = d.GetProperty("name").GetString(), kind = "original", count = 1 })];
        }

        private async Task PingAsync(AppServer server, HttpClient http, CancellationToken ct)
        {
            using var probe = await http.GetAsync(new Uri("/api/v1/ping", UriKind.Relative), ct);
            var path = probe.IsSuccessStatusCode ? "/api/v1/ping" : "/health";
            if (path == "/health")
            {
                _notes.Add("GET /api/v1/ping answered " + (int)probe.StatusCode + ": the trivial reference is /health (one database round trip)");
            }

            var uri = new Uri(path, UriKind.Relative);
            await MeasureAsync(server, $"reference: GET {path} (trivial endpoint)", async (_, _, token) =>
            {
                using var r = await http.GetAsync(uri, token);
                return r.IsSuccessStatusCode ? null : $"{(int)r.StatusCode}";
            });
        }

        private async Task IntakeAsync(AppServer server, HttpClient http, Dictionary<string, string> tokens, object[] documents, CancellationToken ct)
        {
            var perWorker = new List<(string, string)>[o.Clients];
            await MeasureAsync(server, "intake: POST /api/v1/dossiers", async (w, i, token) =>
            {
                var (user, unit) = Desks[w % Desks.Length];
                var n = i + 1; // the unmeasured first request is i = -1
                var phone = $"09{w:D2}{n % 1_000_000:D6}";
                var body = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    procedureCode = Procedure,
                    unitCode = unit,
                    channel = "direct",
                    applicant = new { fullName = "Người Nộp Thử Tải", idNumber = $"058090{w:D2}{n % 10_000:D4}", phone, email = $"tai{w}.{n}@example.test", address = "Thôn Ma Hoa, xã Phước Bình (dữ liệu thử tải)" },
                    documents,
                });
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
                using var r = await http.SendAsync(request, token);
                if (r.StatusCode != HttpStatusCode.Created)
                {
                    return $"{(int)r.StatusCode} {Truncate(await r.Content.ReadAsStringAsync(token))}";
                }

                var code = (await r.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("code").GetString()!;
                (perWorker[w] ??= []).Add((code, phone[^4..]));
                return null;
            });
            _received.AddRange(perWorker.Where(l => l is not null).SelectMany(l => l));
            if (_received.Count == 0)
            {
                Fail("intake received no dossier");
            }
        }

        private async Task RawInsertAsync(string connection, CancellationToken ct)
        {
            if (_received.Count == 0)
            {
                return;
            }

            var raw = await RawInsert.FromDossierAsync(Postgres, connection, _received[0].Code, ct);
            // SQLite has one writer: its best is one loop; PostgreSQL takes concurrent writers (and groups their WAL flushes).
            var workers = Postgres ? o.Clients : 1;
            var me = Process.GetCurrentProcess();
            var cpu0 = me.TotalProcessorTime;
            var outcome = await raw.RunAsync(workers, Desks.Length, o.Warmup, o.Duration, ct);
            me.Refresh();
            Add($"reference: raw ADO.NET insert, {raw.RowsPerDossier} rows per dossier, one transaction each", workers, outcome, 0,
                (me.TotalProcessorTime - cpu0).TotalSeconds / (o.Warmup + o.Duration).TotalSeconds * 100, "in the load-test process");
        }

        // The smoke's seconds of intake make about a thousand codes: a smaller cached set leaves most of them to the first reads.
        private int TrackedSet => o.Smoke ? 100 : 1000;

        private async Task TrackingAsync(AppServer server, HttpClient http, string name, int codeCount, CancellationToken ct)
        {
            if (_received.Count == 0)
            {
                return;
            }

            var codes = _received.Take(codeCount).Select(r => $"/api/v1/tracking/{Uri.EscapeDataString(r.Code)}?verifier={r.Verifier}").Select(u => new Uri(u, UriKind.Relative)).ToArray();
            await MeasureAsync(server, name, async (w, i, token) =>
            {
                using var r = await http.GetAsync(codes[(int)(((i + 1) * o.Clients + w) % codes.Length)], token);
                if (r.StatusCode != HttpStatusCode.OK)
                {
                    return $"{(int)r.StatusCode}";
                }

                await r.Content.CopyToAsync(Stream.Null, token);
                return null;
            });
        }

        /// <summary>Every code the cached scenario did not read, each once: all cache misses, until the codes or the time run out.</summary>
        private async Task FirstReadsAsync(AppServer server, HttpClient http)
        {
            var codes = _received.Skip(TrackedSet).Select(r => new Uri($"/api/v1/tracking/{Uri.EscapeDataString(r.Code)}?verifier={r.Verifier}", UriKind.Relative)).ToArray();
            if (codes.Length < 4 * o.Clients)
            {
                Skip($"tracking, first reads: only {codes.Length} codes beyond the cached set");
                return;
            }

            var next = -1L;
            // No warm-up beyond each worker's first request: the codes are finite and a warm-up would spend them unmeasured.
            await MeasureAsync(server, $"tracking, first reads: each of {codes.Length:N0} other codes once", TimeSpan.Zero, async (_, _, token) =>
            {
                var k = Interlocked.Increment(ref next);
                if (k >= codes.Length)
                {
                    return ClosedLoop.Exhausted;
                }

                using var r = await http.GetAsync(codes[k], token);
                if (r.StatusCode != HttpStatusCode.OK)
                {
                    return $"{(int)r.StatusCode}";
                }

                await r.Content.CopyToAsync(Stream.Null, token);
                return null;
            });
        }

        private async Task IndicatorsAndImportAsync(
            AppServer server, HttpClient http, string leader, string admin, (string Dll, string Folder, string Connection) run, CancellationToken ct)
        {
            var indicators = new Uri($"/api/v1/indicators?{o.IndicatorsQuery}", UriKind.Relative);
            var hasIndicators = await StatusAsync(http, HttpMethod.Get, indicators, leader, null, ct) != HttpStatusCode.NotFound;
            var importUri = new Uri("/api/v1/dossiers/import", UriKind.Relative);
            var hasImport = await StatusAsync(http, HttpMethod.Post, importUri, admin, "", ct) != HttpStatusCode.NotFound;
            if (!hasImport)
            {
                Skip("bulk import: POST /api/v1/dossiers/import answered 404 (not in this build; merge branch 'indicators')");
            }
            else if (o.ImportFiles.Count == 0)
            {
                Skip("bulk import: no --import FILE given (generate 10^5/10^6/10^7 dossiers with the app's seeded generator)");
            }

            if (!hasIndicators)
            {
                Skip("indicators: GET /api/v1/indicators answered 404 (not in this build; merge branch 'indicators')");
                return;
            }

            await IndicatorsAsync(server, http, leader, indicators,
                o.SqliteFile is null ? $"{_received.Count:N0} dossiers from the intake run" : $"{await CountDossiersAsync(ct):N0} dossiers in {Path.GetFileName(o.SqliteFile)}", ct);
            if (!hasImport)
            {
                return;
            }

            foreach (var file in o.ImportFiles)
            {
                server.ResetPeakRss();
                var cpu0 = server.CpuSeconds();
                var sw = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Post, importUri) { Content = new StreamContent(File.OpenRead(file)) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
                using var importHttp = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromHours(1) };
                using var r = await importHttp.SendAsync(request, ct);
                var answer = await r.Content.ReadAsStringAsync(ct);
                sw.Stop();
                var lines = File.ReadLines(file).LongCount();
                var name = $"bulk import: {Path.GetFileName(file)} ({lines:N0} lines)";
                if (!r.IsSuccessStatusCode)
                {
                    Fail($"{name}: {(int)r.StatusCode} {Truncate(answer)}");
                    continue;
                }

                _results.Add(new(name, 1, sw.Elapsed.TotalSeconds, lines, 0, lines / sw.Elapsed.TotalSeconds, 0, 0, sw.Elapsed.TotalMilliseconds,
                    server.PeakRssKb() / 1024, (server.CpuSeconds() - cpu0) / sw.Elapsed.TotalSeconds * 100, $"{sw.Elapsed.TotalSeconds:F1} s; answer {Truncate(answer)}"));
                await IndicatorsAsync(server, http, leader, indicators, $"after importing {Path.GetFileName(file)}", ct);
                await RawImportAsync(run, file, lines, ct);
            }
        }

        private async Task<long> CountDossiersAsync(CancellationToken ct)
        {
            await using var c = new SqliteConnection($"Data Source={o.SqliteFile};Mode=ReadOnly");
            await c.OpenAsync(ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM \"Dossiers\"";
            return (long)(await cmd.ExecuteScalarAsync(ct))!;
        }

        /// <summary>The import's physical reference in the same run: its rows inserted raw into a second, freshly seeded database.</summary>
        private async Task RawImportAsync((string Dll, string Folder, string Connection) run, string file, long lines, CancellationToken ct)
        {
            var folder = Path.Combine(run.Folder, "raw-" + Path.GetFileNameWithoutExtension(file));
            Directory.CreateDirectory(folder);
            var (settings, connection, drop) = await PrepareDatabaseAsync(folder, null, ct);
            try
            {
                await AppServer.RunCommandAsync(run.Dll, settings, ["seed-demo"], ct);
                var code = JsonDocument.Parse(File.ReadLines(file).First()).RootElement.GetProperty("code").GetString()!;
                Console.WriteLine($"reference: raw insert of {lines:N0} dossiers …");
                var sw = Stopwatch.StartNew();
                var rows = await RawImport.RunAsync(Postgres, run.Connection, connection, code, lines, ct);
                sw.Stop();
                _results.Add(new($"reference: raw insert of the import's rows ({RawImport.Describe(Postgres)})", 1, sw.Elapsed.TotalSeconds, lines, 0,
                    lines / sw.Elapsed.TotalSeconds, 0, 0, sw.Elapsed.TotalMilliseconds, 0, 0, $"{sw.Elapsed.TotalSeconds:F1} s, {rows:N0} rows"));
            }
            finally
            {
                await drop();
                if (!Postgres)
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        /// <summary>Indicators are a single request's latency: one client, sequential requests.</summary>
        private async Task IndicatorsAsync(AppServer server, HttpClient http, string leader, Uri uri, string data, CancellationToken ct)
        {
            server.ResetPeakRss();
            var cpu0 = server.CpuSeconds();
            var outcome = await ClosedLoop.RunAsync(1, TimeSpan.FromSeconds(1), o.Duration / 3, async (_, _, token) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", leader);
                using var r = await http.SendAsync(request, token);
                await r.Content.CopyToAsync(Stream.Null, token);
                return r.IsSuccessStatusCode ? null : $"{(int)r.StatusCode}";
            });
            Add($"indicators: GET {uri} ({data})", 1, outcome, server.PeakRssKb() / 1024, (server.CpuSeconds() - cpu0) / (1 + (o.Duration / 3).TotalSeconds) * 100);
        }

        private static async Task<HttpStatusCode> StatusAsync(HttpClient http, HttpMethod method, Uri uri, string token, string? body, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");
            }

            using var r = await http.SendAsync(request, ct);
            return r.StatusCode;
        }

        private Task MeasureAsync(AppServer server, string name, Func<int, long, CancellationToken, Task<string?>> request) =>
            MeasureAsync(server, name, o.Warmup, request);

        private async Task MeasureAsync(AppServer server, string name, TimeSpan warmup, Func<int, long, CancellationToken, Task<string?>> request)
        {
            Console.WriteLine($"{name} …");
            server.ResetPeakRss();
            // The background JIT's CPU in the measured window tells whether the server had reached its steady state.
            var jit = new Dictionary<int, long>();
            var jitAtStart = new Dictionary<int, long>();
            var (cpu0, t0) = (0.0, 0L);
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    lock (jit)
                    {
                        server.SampleJitTicks(jit);
                    }

                    await Task.Delay(200, CancellationToken.None);
                }
            });
            var outcome = await ClosedLoop.RunAsync(o.Clients, warmup, o.Duration, request, measuring: () =>
            {
                lock (jit)
                {
                    server.SampleJitTicks(jit);
                    jitAtStart = new(jit);
                }

                (cpu0, t0) = (server.CpuSeconds(), Stopwatch.GetTimestamp());
            });
            var cpu = server.CpuSeconds() - cpu0;
            var wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            await sampling.CancelAsync();
            await sampler;
            server.SampleJitTicks(jit);
            var jitSeconds = jit.Sum(t => t.Value - jitAtStart.GetValueOrDefault(t.Key)) / 100.0;
            Add(name, o.Clients, outcome, server.PeakRssKb() / 1024, cpu / wall * 100, jitPercent: cpu > 0 ? jitSeconds / cpu * 100 : 0);
        }

        private void Add(string name, int clients, ClosedLoop.Outcome outcome, long rssMb, double cpu, string? note = null, double? jitPercent = null)
        {
            var result = new Result(name, clients, outcome.Seconds, outcome.Ok, outcome.Errors, outcome.Ok / outcome.Seconds,
                ClosedLoop.PercentileMs(outcome.LatencyTicks, 0.50), ClosedLoop.PercentileMs(outcome.LatencyTicks, 0.99),
                ClosedLoop.PercentileMs(outcome.LatencyTicks, 1.0), rssMb, cpu, note, jitPercent);
            _results.Add(result);
            Console.WriteLine($"  {result.PerSecond:N0}/s, p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, {result.Ok:N0} ok, {result.Errors:N0} errors, peak RSS {rssMb} MB, CPU {cpu:F0} %{(jitPercent is { } j ? $" ({j:F0} % of it JIT)" : "")}");
            if (outcome.Errors > 0)
            {
                Fail($"{name}: {outcome.Errors} errors, e.g. {string.Join(" | ", outcome.ErrorSamples)}");
            }

            if (outcome.Ok == 0)
            {
                Fail($"{name}: no successful request");
            }
        }

        private void Fail(string message)
        {
            _failed = true;
            _notes.Add("FAILED: " + message);
            Console.WriteLine("  FAILED: " + message);
        }

        private void Skip(string message)
        {
            _notes.Add("skipped: " + message);
            Console.WriteLine("skipped: " + message);
        }

        private string Report()
        {
            var sb = new StringBuilder();
            var cpuModel = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() : null;
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
            sb.AppendLine($"Load test, {o.Database}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores ({cpuModel}), {Environment.OSVersion}, .NET {Environment.Version}; load average at the end: {load}");
            sb.AppendLine($"{o.Clients} clients, closed loop, {o.Warmup.TotalSeconds} s warm-up + {o.Duration.TotalSeconds} s measured per scenario; RSS = server's VmHWM during the scenario; CPU = server's CPU time / wall time in the measured window (200 % = both cores); JIT = the share of that CPU spent by the runtime's background (tiered) JIT, which falls to about 0 once the server is warm.");
            sb.AppendLine();
            sb.AppendLine("| scenario | clients | per second | p50 ms | p99 ms | max ms | ok | errors | peak RSS MB | CPU % | JIT % | note |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var r in _results)
            {
                sb.AppendLine($"| {r.Name} | {r.Clients} | {r.PerSecond:N0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} | {r.Ok:N0} | {r.Errors:N0} | {(r.PeakRssMb > 0 ? r.PeakRssMb.ToString(CultureInfo.InvariantCulture) : "")} | {r.CpuPercent:F0} | {(r.JitPercent is { } j ? j.ToString("F0", CultureInfo.InvariantCulture) : "")} | {r.Note} |");
            }

            sb.AppendLine();
            var ping = _results.FirstOrDefault(r => r.Name.StartsWith("reference: GET", StringComparison.Ordinal));
            var raw = _results.FirstOrDefault(r => r.Name.StartsWith("reference: raw", StringComparison.Ordinal));
            var intake = _results.FirstOrDefault(r => r.Name.StartsWith("intake", StringComparison.Ordinal));
            var tracking = _results.FirstOrDefault(r => r.Name.StartsWith("tracking", StringComparison.Ordinal));
            if (intake is not null && raw is not null)
            {
                sb.AppendLine($"- intake / raw insert = {intake.PerSecond / raw.PerSecond:P0} (goal ≥ 50 %)");
            }

            if (intake is not null && ping is not null)
            {
                sb.AppendLine($"- intake / trivial endpoint = {intake.PerSecond / ping.PerSecond:P1}");
            }

            if (tracking is not null && ping is not null)
            {
                sb.AppendLine($"- tracking / trivial endpoint = {tracking.PerSecond / ping.PerSecond:P0}");
            }

            if (intake is not null)
            {
                sb.AppendLine($"- goal intake ≥ 1,000/s with p99 ≤ 50 ms: {Verdict(intake.PerSecond >= 1000 && intake.P99Ms <= 50)} ({intake.PerSecond:N0}/s, p99 {intake.P99Ms:F0} ms)");
            }

            if (tracking is not null)
            {
                sb.AppendLine($"- goal tracking ≥ 10,000/s with p99 ≤ 10 ms: {Verdict(tracking.PerSecond >= 10000 && tracking.P99Ms <= 10)} ({tracking.PerSecond:N0}/s, p99 {tracking.P99Ms:F1} ms)");
            }

            var peak = _results.Max(r => (long?)r.PeakRssMb) ?? 0;
            sb.AppendLine($"- goal peak RSS ≤ 500 MB: {Verdict(peak <= 500)} ({peak} MB)");
            foreach (var note in _notes)
            {
                sb.AppendLine("- " + note);
            }

            return sb.ToString();
        }

        private static string Verdict(bool met) => met ? "met" : "MISSED";

        private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";
    }
}
