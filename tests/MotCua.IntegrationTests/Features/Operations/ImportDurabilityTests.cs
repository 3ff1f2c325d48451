using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MotCua.Testing;
using Npgsql;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>SIGKILL while a bulk import's batch transaction is open: committed batches survive whole, the open one vanishes whole, a rerun resumes, no line twice.</summary>
public sealed class ImportDurabilityTests
{
    // One transaction each; smaller than the default 5,000 so that three batches take seconds, not minutes, on a loaded CI box.
    private const int Batch = 500;
    private const int Lines = 3 * Batch;
    private const int Seed = 20_261_126;

    // Each batch's transaction is held open this long before its commit (Import:HoldOpenBatchMs, a test hook) so that the kill lands inside it.
    private const int HoldOpenMs = 6000;

    [Fact]
    public async Task A_server_killed_while_a_batch_transaction_is_open_keeps_whole_batches_and_a_rerun_imports_the_rest_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = await AppProcess.SeededAsync();
        server.Settings["Import__BatchSize"] = Batch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        server.Settings["Import__HoldOpenBatchMs"] = HoldOpenMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        server.Settings["Logging__LogLevel__MotCua.Web.Features.Dossiers.Import.ImportDossiers"] = "Information";
        await server.StartAsync();
        var file = Path.Combine(server.Folder, "lich-su.ndjson");
        var generated = await server.RunCommandAsync("generate-dossiers", Lines.ToString(System.Globalization.CultureInfo.InvariantCulture), file, "--seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(generated.Exit == 0, generated.Output);
        var lines = File.ReadLines(file).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var codes = lines.Select(l => l.GetProperty("code").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Lines, codes.Count);
        var before = await ScalarAsync(server, "SELECT COUNT(*) FROM \"Dossiers\"");

        // The whole file at once; the importer logs when each batch's transaction holds its rows and when it committed.
        var token = await TokenAsync(server, ct);
        var watch = Stopwatch.StartNew();
        var cut = Task.Run(() => ImportAsync(server, new HeldBackContent(file, Lines, Task.CompletedTask), token), CancellationToken.None);
        var committed1 = await server.WaitForLineAsync(l => l.Contains("Import batch 1: committed", StringComparison.Ordinal), TimeSpan.FromMinutes(8));
        Assert.True(committed1 is not null, "batch 1 did not commit in 8 minutes" + (cut.IsCompleted ? $" (the import ended: {(cut.IsFaulted ? cut.Exception!.Message : (await cut).StatusCode.ToString())})" : ""));
        var open2 = await server.WaitForLineAsync(l => l.Contains("Import batch 2: transaction open", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        Assert.True(open2 is not null, "batch 2 never reached its open transaction");

        // Seen from outside, at that moment: a write transaction is open, and only batch 1 is visible.
        var openProof = await OpenWriteTransactionAsync(server);
        Assert.True(openProof is not null, "no open write transaction was seen in the database while batch 2 held its rows");
        var visible = await ScalarAsync(server, "SELECT COUNT(*) FROM \"Dossiers\"") - before;
        Assert.Equal(Batch, visible);
        server.Kill();
        var killedAfter = watch.Elapsed;
        Assert.DoesNotContain(server.OutputLines, l => l.Contains("Import batch 2: committed", StringComparison.Ordinal));
        var cutAnswer = await Record.ExceptionAsync(() => cut);
        Assert.NotNull(cutAnswer); // the kill cut the request: the client never got an answer

        // Every batch all or nothing: batch 1 whole (dossiers, one "imported" event each, their pauses), batch 2 (open at the kill) and 3 absent.
        var perBatch = await BatchCountsAsync(server, lines);
        Assert.Equal(new[] { (Batch, Batch, perBatch[0].ExpectedPauses), (0, 0, 0), (0, 0, 0) }, perBatch.Select(b => (b.Dossiers, b.Events, b.Pauses)).ToArray());
        var survived = perBatch.Sum(b => b.Dossiers);
        Assert.Equal(survived, await ScalarAsync(server, "SELECT COUNT(*) FROM \"Dossiers\"") - before);
        Assert.Equal(survived, await ScalarAsync(server, "SELECT COUNT(*) FROM \"DossierEvents\" WHERE \"Action\" = 'imported'"));

        // The aggregates kept by the committed batch equal a rebuild from the dossiers that survived: no half batch was counted.
        var afterKill = await AggregatesAsync(server);
        var rebuiltAfterKill = await server.RunCommandAsync("rebuild-indicators");
        Assert.True(rebuiltAfterKill.Exit == 0, rebuiltAfterKill.Output);
        Assert.Equal(await AggregatesAsync(server), afterKill);

        // Restart without the hold and send the same file again: the committed lines are skipped by code, the rest imported.
        server.Settings.Remove("Import__HoldOpenBatchMs");
        await server.StartAsync();
        var rerunWatch = Stopwatch.StartNew();
        using var rerunResponse = await ImportAsync(server, new HeldBackContent(file, Lines, Task.CompletedTask), await TokenAsync(server, ct));
        var rerun = await rerunResponse.Content.ReadFromJsonAsync<JsonElement>(ct);
        rerunWatch.Stop();
        Assert.True(rerunResponse.IsSuccessStatusCode, rerun.ToString());
        Assert.Equal(Lines, rerun.GetProperty("lines").GetInt64());
        Assert.Equal(survived, rerun.GetProperty("alreadyPresent").GetInt64());
        Assert.Equal(Lines - survived, rerun.GetProperty("imported").GetInt64());
        Assert.Equal(0, rerun.GetProperty("rejected").GetInt64());
        server.Kill();

        // Every line exactly once, each with its one "imported" event and its pauses; every history chain intact.
        var stored = await ColumnAsync(server, "SELECT \"Code\" FROM \"Dossiers\" WHERE \"Code\" LIKE 'SIM-%'");
        Assert.Equal(Lines, stored.Count);
        Assert.True(codes.SetEquals(stored), "the stored codes differ from the file's");
        Assert.All(await BatchCountsAsync(server, lines), b => Assert.Equal((Batch, Batch, b.ExpectedPauses), (b.Dossiers, b.Events, b.Pauses)));
        var verify = await server.RunCommandAsync("verify-history");
        Assert.True(verify.Exit == 0, verify.Output);

        // The aggregates kept batch by batch equal a rebuild from the dossiers.
        var incremental = await AggregatesAsync(server);
        var rebuilt = await server.RunCommandAsync("rebuild-indicators");
        Assert.True(rebuilt.Exit == 0, rebuilt.Output);
        Assert.Equal(await AggregatesAsync(server), incremental);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{AppFactory.ProviderName}: {Lines} lines in batches of {Batch}; SIGKILL after {killedAfter.TotalSeconds:F1} s while batch 2's transaction was open ({openProof}); " +
            $"after restart per batch (dossiers/events/pauses): {string.Join(", ", perBatch.Select(b => $"{b.Dossiers}/{b.Events}/{b.Pauses}"))}, aggregates equal a rebuild ({afterKill.Count} rows); " +
            $"rerun of the same file in {rerunWatch.Elapsed.TotalSeconds:F1} s: {survived} already present, {Lines - survived} imported, 0 rejected; " +
            $"{stored.Count} stored, 0 duplicates, 0 broken chains, aggregates equal a rebuild ({incremental.Count} non-zero rows)");
    }

    /// <summary>
    /// Evidence from a second connection that a write transaction is open: SQLite refuses a second writer (SQLITE_BUSY),
    /// PostgreSQL shows a session idle in a transaction that holds a transaction id. Null when none is seen.
    /// </summary>
    private static async Task<string?> OpenWriteTransactionAsync(AppProcess server)
    {
        await using var connection = Open(server);
        await using var cmd = connection.CreateCommand();
        if (AppFactory.UsePostgres)
        {
            cmd.CommandText = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction' AND backend_xid IS NOT NULL";
            var sessions = Convert.ToInt64(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return sessions > 0 ? $"pg_stat_activity: {sessions} session(s) idle in a transaction with an xid" : null;
        }

        cmd.CommandText = "BEGIN IMMEDIATE";
        cmd.CommandTimeout = 1;
        try
        {
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            cmd.CommandText = "ROLLBACK";
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            return null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            return "SQLite: BEGIN IMMEDIATE from a second connection refused, the database is locked by a writer";
        }
    }

    private sealed record BatchCount(int Dossiers, int Events, int Pauses, int ExpectedPauses);

    /// <summary>Per batch of the file (lines in order): stored dossiers, their "imported" events, their pauses, and the pauses the file gives them.</summary>
    private static async Task<List<BatchCount>> BatchCountsAsync(AppProcess server, List<JsonElement> lines)
    {
        var stored = new Dictionary<string, (int Events, int Pauses)>(StringComparer.Ordinal);
        await using (var connection = Open(server))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                SELECT d."Code",
                  (SELECT COUNT(*) FROM "DossierEvents" e WHERE e."DossierId" = d."Id" AND e."Action" = 'imported'),
                  (SELECT COUNT(*) FROM "DossierPauses" p WHERE p."DossierId" = d."Id")
                FROM "Dossiers" d WHERE d."Code" LIKE 'SIM-%'
                """;
            await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                stored[reader.GetString(0)] = (Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return lines.Chunk(Batch).Select(batch =>
        {
            var present = batch.Where(l => stored.ContainsKey(l.GetProperty("code").GetString()!)).ToList();
            return new BatchCount(
                present.Count,
                present.Sum(l => stored[l.GetProperty("code").GetString()!].Events),
                present.Sum(l => stored[l.GetProperty("code").GetString()!].Pauses),
                batch.Sum(l => l.TryGetProperty("pauses", out var p) ? p.GetArrayLength() : 0));
        }).ToList();
    }

    private static async Task<HttpResponseMessage> ImportAsync(AppProcess server, HttpContent content, string token)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return await client.PostAsync("/api/v1/dossiers/import", content, CancellationToken.None);
    }

    /// <summary>Sends the file's first <paramref name="first"/> lines at once and the rest only when <paramref name="release"/> completes (chunked).</summary>
    private sealed class HeldBackContent(string file, int first, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var lines = await File.ReadAllLinesAsync(file);
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(first)) + "\n"));
            await stream.FlushAsync();
            await release;
            if (lines.Length > first)
            {
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(first)) + "\n"));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    private static async Task<string> TokenAsync(AppProcess server, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = AppFactory.DemoPassword }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    private static DbConnection Open(AppProcess server)
    {
        DbConnection connection = AppFactory.UsePostgres ? new NpgsqlConnection(server.PostgresConnectionString) : new SqliteConnection($"Data Source={server.SqliteFile};Pooling=False");
        connection.Open();
        return connection;
    }

    private static async Task<long> ScalarAsync(AppProcess server, string sql)
    {
        await using var connection = Open(server);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ColumnAsync(AppProcess server, string sql)
    {
        await using var connection = Open(server);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var values = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Every aggregate row with a non-zero measure, as text, sorted (a rebuild leaves no all-zero rows).</summary>
    private static async Task<List<string>> AggregatesAsync(AppProcess server)
    {
        await using var connection = Open(server);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT * FROM \"IndicatorAggregates\"";
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var cells = new List<string>();
            var nonZero = false;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                nonZero |= value is long or int && text != "0" && reader.GetName(i) is not "Grain";
                cells.Add(reader.GetName(i) + "=" + text);
            }

            if (nonZero)
            {
                rows.Add(string.Join("|", cells.Order(StringComparer.Ordinal)));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
