using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>SIGKILL of the app, or of the PostgreSQL server itself, in the middle of a burst of intakes: what was acknowledged survives whole and as answered, no code repeats.</summary>
public sealed class DurabilityTests
{
    private const int Workers = 8;

    // The process runs on the real clock: the district units closed on 30/06/2025, so intake goes to a commune in force today.
    private const string Unit = "56.BACAITAY";
    private const string DeskUser = "motcua.bacaitay";
    private const string DeskPassword = "Ben-vung-2026!";

    [Fact]
    public async Task A_server_killed_during_a_burst_of_intakes_keeps_every_acknowledged_dossier_whole_and_unique()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = await AppProcess.SeededAsync();
        await server.StartAsync();
        var created = await server.RunCommandAsync("create-user", "--username", DeskUser, "--password", DeskPassword, "--role", "desk", "--unit", Unit, "--name", "Cán bộ một cửa (kiểm thử)");
        Assert.True(created.Exit == 0, created.Output);

        var burst = await BurstAsync(server, () => server.Kill(), ct);
        // Requests were cut mid-flight: sent before the kill, no answer at all (the connection died with the process).
        Assert.True(burst.CutNoAnswer > 0, $"no request was in flight when the server was killed ({burst})");

        await server.StartAsync();
        using var admin = Client(server, await TokenAsync(server, "admin", ct));
        await CheckAcknowledgedAsync(admin, burst.Acknowledged, ct);

        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/history/verify", ct);
        Assert.Empty(verify.GetProperty("broken").EnumerateArray());
        var stored = await AllCodesAsync(admin, ct);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(verify.GetProperty("checked").GetInt32(), stored.Count);

        // After the restart the counter continues: the next intake gets a new, unique code.
        var documents = await DocumentsAsync(server, ct);
        using var desk = Client(server, await TokenAsync(server, DeskUser, ct, DeskPassword));
        var after = await desk.PostAsJsonAsync("/api/v1/dossiers", Intake(documents, "Sau khi khởi động lại"), ct);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var next = (await after.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString()!;
        Assert.DoesNotContain(next, stored);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{AppFactory.ProviderName}, app SIGKILL: {burst}; {stored.Count} stored after restart, every acknowledged body equal to its stored dossier, " +
            "0 acknowledged lost, 0 broken chains, 0 duplicate codes");
    }

    [Fact]
    public async Task A_postgresql_server_killed_with_fsync_on_during_a_burst_of_intakes_keeps_every_acknowledged_dossier()
    {
        var ct = TestContext.Current.CancellationToken;
        if (!AppFactory.UsePostgres)
        {
            Assert.Skip("PostgreSQL only: runs in the MOTCUA_TEST_DB=postgres pass, on a server of its own.");
        }

        var bin = PostgresInstance.FindBinaries();
        if (bin is null)
        {
            Assert.Skip("PostgreSQL binaries not found under /usr/lib/postgresql (.ci/run installs them).");
            return;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var pg = await PostgresInstance.CreateAsync(bin);
        using var server = new AppProcess { PostgresServer = pg.ConnectionString };
        server.Settings["Demo__HistoryDossiers"] = "0";
        await server.StartAsync();
        var created = await server.RunCommandAsync("create-user", "--username", DeskUser, "--password", DeskPassword, "--role", "desk", "--unit", Unit, "--name", "Cán bộ một cửa (kiểm thử)");
        Assert.True(created.Exit == 0, created.Output);
        var ready = watch.Elapsed;

        var killed = 0;
        var burst = await BurstAsync(server, () => killed = pg.KillServer(), ct);
        Assert.True(killed > 1, "the postmaster and its backends should all have been killed");
        // Under load, not idle: requests were in flight at the kill. Unlike the app kill, they may all have been past their
        // commit (answers already on the way), so "cut" is not required; the crash recovery in the log shows the kill was real.
        Assert.True(burst.InFlightAtKill > 0, $"no request was in flight when the database server was killed ({burst})");

        // Crash recovery from the WAL on restart; the app itself kept running and reconnects.
        await pg.StartAsync();
        Assert.Contains("not properly shut down", pg.Log(), StringComparison.Ordinal);
        using var admin = Client(server, await TokenUntilAsync(server, ct));
        await CheckAcknowledgedAsync(admin, burst.Acknowledged, ct);
        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/history/verify", ct);
        Assert.Empty(verify.GetProperty("broken").EnumerateArray());
        var stored = await AllCodesAsync(admin, ct);
        Assert.Equal(stored.Count, stored.Distinct().Count());

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"PostgreSQL (own server, fsync=on) SIGKILL of {killed} server processes: {burst}; crash recovery, {stored.Count} stored after restart, " +
            $"every acknowledged body equal to its stored dossier, 0 acknowledged lost, 0 broken chains; ready after {ready.TotalSeconds:F1} s, all in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private sealed record Acknowledged(string ApplicantName, JsonElement Body);

    private sealed record Burst(int Tried, Acknowledged[] Acknowledged, int InFlightAtKill, int CutNoAnswer, int CutErrorAnswer, int Refused)
    {
        public override string ToString() =>
            $"{Tried} intakes tried, {Acknowledged.Length} acknowledged (201 with the whole body read), {InFlightAtKill} in flight at the kill: " +
            $"{CutNoAnswer} cut with no answer, {CutErrorAnswer} answered with an error; {Refused} refusals before the kill";
    }

    /// <summary>
    /// Eight clients post intakes (each with its own applicant name, so that a body can be matched to its request) until 40 are
    /// acknowledged, then <paramref name="kill"/> runs while requests are in flight; the clients stop after their current request.
    /// </summary>
    private static async Task<Burst> BurstAsync(AppProcess server, Action kill, CancellationToken ct)
    {
        var documents = await DocumentsAsync(server, ct);
        var deskToken = await TokenAsync(server, DeskUser, ct, DeskPassword);
        var lastRefusal = "";
        var acknowledged = new ConcurrentBag<Acknowledged>();
        int tried = 0, inFlight = 0, noAnswer = 0, errorAnswer = 0, refused = 0;
        long killedAt = long.MaxValue;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            using var client = Client(server, deskToken);
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                Interlocked.Increment(ref tried);
                var name = $"Nguyễn Văn Bền {w}-{n}";
                var sent = System.Diagnostics.Stopwatch.GetTimestamp();
                bool ok, answered = true;
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/v1/dossiers", Intake(documents, name), CancellationToken.None);
                    ok = response.StatusCode == HttpStatusCode.Created;
                    if (ok)
                    {
                        // Acknowledged only once the whole answer is read: that is what a client would rely on.
                        acknowledged.Add(new Acknowledged(name, await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)));
                    }
                    else
                    {
                        lastRefusal = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or JsonException)
                {
                    ok = answered = false;
                }

                if (sent < Interlocked.Read(ref killedAt))
                {
                    if (killedAt != long.MaxValue)
                    {
                        // Sent before the kill, finished after it.
                        Interlocked.Increment(ref inFlight);
                        if (!answered)
                        {
                            Interlocked.Increment(ref noAnswer);
                        }
                        else if (!ok)
                        {
                            Interlocked.Increment(ref errorAnswer);
                        }
                    }
                    else if (!ok)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            }
        }, ct)).ToArray();

        // Kill once the burst is well under way, with requests in flight.
        var waitUntil = DateTime.UtcNow.AddMinutes(3);
        while (acknowledged.Count < 40)
        {
            Assert.True(DateTime.UtcNow < waitUntil, $"the burst did not get 40 intakes through in 3 minutes ({acknowledged.Count}); last refusal: {lastRefusal}");
            await Task.Delay(20, ct);
        }

        Interlocked.Exchange(ref killedAt, System.Diagnostics.Stopwatch.GetTimestamp());
        kill();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return new Burst(tried, [.. acknowledged], inFlight, noAnswer, errorAnswer, refused);
    }

    /// <summary>Every acknowledged answer against the stored dossier: same code, time, due date, status, unit, and the applicant that request sent.</summary>
    private static async Task CheckAcknowledgedAsync(HttpClient admin, Acknowledged[] acknowledged, CancellationToken ct)
    {
        Assert.Equal(acknowledged.Length, acknowledged.Select(a => a.Body.GetProperty("code").GetString()).Distinct().Count());
        foreach (var (name, body) in acknowledged)
        {
            var code = body.GetProperty("code").GetString()!;
            using var found = await admin.GetAsync($"/api/v1/dossiers/{code}", ct);
            Assert.True(found.StatusCode == HttpStatusCode.OK, $"acknowledged dossier {code} is missing after the kill ({(int)found.StatusCode})");
            var d = await found.Content.ReadFromJsonAsync<JsonElement>(ct);
            var what = $"dossier {code}: acknowledged {body}, stored {d}";
            Assert.True(d.GetProperty("code").GetString() == code, what);
            // The databases keep microseconds; the answer was written from the 100-ns clock value before storing.
            var ackAt = body.GetProperty("receivedAt").GetDateTime();
            Assert.True(Math.Abs((d.GetProperty("receivedAt").GetDateTime() - ackAt).Ticks) < 10, what);
            Assert.True(d.GetProperty("appointmentDate").ToString() == body.GetProperty("dueDate").ToString(), what);
            Assert.True(d.GetProperty("status").GetString() == body.GetProperty("status").GetString(), what);
            Assert.True(d.GetProperty("dueDateEstimated").GetBoolean() == body.GetProperty("dueDateEstimated").GetBoolean(), what);
            Assert.True(d.GetProperty("currentUnitCode").GetString() == body.GetProperty("currentUnitCode").GetString(), what);
            Assert.True(d.GetProperty("receivingUnitCode").GetString() == Unit, what);
            Assert.True(d.GetProperty("procedureCode").GetString() == "2.000815", what);
            Assert.True(d.GetProperty("channel").GetString() == "direct", what);
            var applicant = d.GetProperty("applicant");
            Assert.True(applicant.GetProperty("fullName").GetString() == name, what);
            Assert.True(applicant.GetProperty("idNumber").GetString() == "058090001234" && applicant.GetProperty("phone").GetString() == "0912345678", what);
            Assert.True(d.GetProperty("documents").GetArrayLength() > 0, what);
        }
    }

    /// <summary>A token once the app answers again (after the database came back its pooled connections are replaced).</summary>
    private static async Task<string> TokenUntilAsync(AppProcess server, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await TokenAsync(server, "admin", ct);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, ct);
            }
        }
    }

    private static object Intake(JsonElement documents, string applicantName) => new
    {
        procedureCode = "2.000815",
        unitCode = Unit,
        channel = "direct",
        applicant = new { fullName = applicantName, idNumber = "058090001234", phone = "0912345678" },
        documents,
    };

    private static HttpClient Client(AppProcess server, string token)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(AppProcess server, string user, CancellationToken ct, string password = AppFactory.DemoPassword)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> DocumentsAsync(AppProcess server, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var procedure = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/2.000815", ct);
        return JsonSerializer.SerializeToElement(procedure.GetProperty("documents").EnumerateArray()
            .Select(d => new { name = d.GetProperty("name").GetString(), kind = "original", count = 1 }).ToArray());
    }

    private static async Task<List<string>> AllCodesAsync(HttpClient admin, CancellationToken ct)
    {
        var codes = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?page={page}", ct);
            var items = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
            codes.AddRange(items);
            if (items.Count == 0 || codes.Count >= json.GetProperty("total").GetInt32())
            {
                return codes;
            }
        }
    }
}
