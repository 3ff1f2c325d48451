using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MotCua.Testing;
using Npgsql;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>SIGKILL in the middle of a bulk import: committed batches survive whole, a rerun of the same file resumes, no line twice.</summary>
public sealed class ImportDurabilityTests
{
    // One transaction each; smaller than the default 5,000 so that three batches take seconds, not minutes, on a loaded CI box.
    private const int Batch = 500;
    private const int Lines = 3 * Batch;
    private const int Seed = 20_261_126;

    [Fact]
    public async Task A_server_killed_during_a_bulk_import_keeps_whole_batches_and_a_rerun_imports_the_rest_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = await AppProcess.SeededAsync();
        server.Settings["Import__BatchSize"] = Batch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await server.StartAsync();
        var file = Path.Combine(server.Folder, "lich-su.ndjson");
        var generated = await server.RunCommandAsync("generate-dossiers", Lines.ToString(System.Globalization.CultureInfo.InvariantCulture), file, "--seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(generated.Exit == 0, generated.Output);
        var codes = File.ReadLines(file).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("code").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Lines, codes.Count);
        var before = await ScalarAsync(server, "SELECT COUNT(*) FROM \"Dossiers\"");

        // Stream the first batch and a half, hold the rest back, and kill the server once the first batch has committed:
        // the cut then always falls inside the import, however fast or slow the machine is.
        var token = await TokenAsync(server, ct);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Stopwatch.StartNew();
        var cut = Task.Run(() => ImportAsync(server, new HeldBackContent(file, Batch + Batch / 2, release.Task), token), CancellationToken.None);
        while (await ScalarAsync(server, "SELECT COUNT(*) FROM \"Dossiers\"") - before < Batch)
        {
            if (cut.IsCompleted)
            {
                // Only now: awaiting the held-back request earlier would wait for the release forever.
                Assert.Fail("the import ended before the first batch was seen: " + (cut.IsFaulted ? cut.Exception!.Message : (await cut).StatusCode.ToString()));
            }

            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(8), "no batch committed in 8 minutes");
            await Task.Delay(100, ct);
        }

        server.Kill();
        var killedAfter = watch.Elapsed;
        release.SetResult();
        var cutAnswer = await Record.ExceptionAsync(() => cut);
        Assert.NotNull(cutAnswer); // the kill cut the request: the client never got an answer

        // What survived: whole batches only (each is one transaction with its events and aggregates), never a half.
        var survived = await ScalarAsync(server, "SELECT COUNT(*) FROM \"Dossiers\"") - before;
        Assert.InRange(survived, Batch, Lines - 1);
        Assert.Equal(0, survived % Batch);
        Assert.Equal(survived, await ScalarAsync(server, "SELECT COUNT(*) FROM \"DossierEvents\" WHERE \"Action\" = 'imported'"));

        // Restart and send the same file again: the committed lines are skipped by code, the rest imported.
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

        // Every line exactly once, each with its one "imported" event; every history chain intact.
        var stored = await ColumnAsync(server, "SELECT \"Code\" FROM \"Dossiers\" WHERE \"Code\" LIKE 'SIM-%'");
        Assert.Equal(Lines, stored.Count);
        Assert.True(codes.SetEquals(stored), "the stored codes differ from the file's");
        Assert.Equal(Lines, await ScalarAsync(server, "SELECT COUNT(*) FROM \"DossierEvents\" WHERE \"Action\" = 'imported'"));
        var verify = await server.RunCommandAsync("verify-history");
        Assert.True(verify.Exit == 0, verify.Output);

        // The aggregates kept batch by batch equal a rebuild from the dossiers.
        var incremental = await AggregatesAsync(server);
        var rebuilt = await server.RunCommandAsync("rebuild-indicators");
        Assert.True(rebuilt.Exit == 0, rebuilt.Output);
        Assert.Equal(await AggregatesAsync(server), incremental);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{AppFactory.ProviderName}: {Lines} lines; SIGKILL after {killedAfter.TotalSeconds:F1} s with {survived} imported ({survived / Batch} whole batches of {Batch}); " +
            $"rerun of the same file in {rerunWatch.Elapsed.TotalSeconds:F1} s: {survived} already present, {Lines - survived} imported, 0 rejected; " +
            $"{stored.Count} stored, 0 duplicates, 0 broken chains, aggregates equal a rebuild ({incremental.Count} non-zero rows)");
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
