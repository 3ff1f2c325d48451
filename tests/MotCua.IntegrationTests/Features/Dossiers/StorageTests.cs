using System.Data.Common;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>
/// Issue 25 item 5: the bytes one desk intake adds to the database (every table and index, uploaded files excluded), for a
/// 1-component and a 24-component procedure. Prints the figure and the tables that hold it. The goal is 2 kB per dossier,
/// reached on both databases once plain components became tokens of the dossier and the procedure name stopped being copied
/// (docs/benchmarks.md, "Storage per dossier"); by default the test fails above ceilings that leave room for the outbox rows
/// the dispatcher has or has not yet marked sent (up to ~600 bytes on PostgreSQL); MOTCUA_STORAGE_GOAL=1 fails above the goal.
/// Run: dotnet test tests/MotCua.IntegrationTests --filter "Category=Storage" --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Storage")]
public sealed class StorageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Dossiers = 300;
    private const int Goal = 2048;

    [Theory]
    [InlineData(Certification, 1, 2600)]
    [InlineData("1.004837", 24, 2300)]
    public async Task A_desk_intake_stays_under_its_measured_ceiling_of_database_bytes(string procedureCode, int components, int ceiling)
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var procedure = await ProcedureAsync(desk, procedureCode);
        var documents = AllDocuments(procedure);
        Assert.Equal(components, documents.Length);

        // One intake first, so that per-day rows (counters, aggregates) exist before the measure.
        Assert.True((await ReceiveAsync(desk, "56.BACAI", procedureCode, documents: documents)).IsSuccessStatusCode);
        var before = await SizesAsync();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) <= Dossiers;)
            {
                var response = await ReceiveAsync(desk, "56.BACAI", procedureCode, idNumber: $"0580{i:D8}", phone: $"09{i:D8}", documents: documents);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            }
        }));
        var after = await SizesAsync();

        var perTable = after.Select(a => (a.Key, Bytes: (a.Value - before.GetValueOrDefault(a.Key)) / (double)Dossiers))
            .Where(x => Math.Abs(x.Bytes) >= 1).OrderByDescending(x => x.Bytes).ToList();
        var total = perTable.Sum(x => x.Bytes);
        var report = $"storage {AppFactory.ProviderName} {procedureCode} ({components} components): {total:F0} bytes per dossier over {Dossiers} intakes; "
            + string.Join(", ", perTable.Select(x => $"{x.Key} {x.Bytes:F0}"));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);
        var goalOnly = Environment.GetEnvironmentVariable("MOTCUA_STORAGE_GOAL") == "1";
        Assert.True(total <= (goalOnly ? Goal : ceiling), report);
    }

    [Fact]
    public async Task Components_of_the_list_are_compact_on_the_dossier_and_read_back_their_full_name()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var procedure = await ProcedureAsync(desk, "1.004837");
        string[] listed = [.. procedure.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()!)];
        object[] documents = [.. AllDocuments(procedure), new { name = "Giấy xác nhận thêm do bộ phận một cửa yêu cầu", kind = "copy", count = 2 }];

        var response = await ReceiveAsync(desk, "56.BACAI", "1.004837", idNumber: "058099000777", documents: documents);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var code = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString()!;
        var before = await GetAsync(desk, code);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == code).Select(d => new { d.Id, d.Components, d.OwnProcedureName }).SingleAsync(TestContext.Current.CancellationToken);
            // The procedure's name is the version's: not stored, read back from the version.
            Assert.Null(dossier.OwnProcedureName);
            Assert.Equal(procedure.GetProperty("name").GetString(), before.GetProperty("procedureName").GetString());
            var rows = await db.Set<MotCua.Web.Features.Dossiers.DossierDocument>().Where(x => x.DossierId == dossier.Id)
                .Select(x => new { x.OwnName, x.Item }).ToListAsync(TestContext.Current.CancellationToken);
            // Only the component the desk added is a row; the 24 of the list are tokens of the dossier's compact column (3 of
            // them with the "n" flag: their catalogue names are decomposed (NFD), the intake normalizes them).
            Assert.Equal("Giấy xác nhận thêm do bộ phận một cửa yêu cầu", Assert.Single(rows).OwnName);
            var tokens = dossier.Components!.Split(',');
            Assert.Equal(25, tokens.Length);
            Assert.Equal("*", tokens[^1]);
            Assert.Equal([.. Enumerable.Range(0, 24).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], tokens[..^1].Select(t => new string([.. t.TakeWhile(char.IsAsciiDigit)])));

            // A row stored before issue 25 (full name, no position) still reads as it was.
            db.Set<MotCua.Web.Features.Dossiers.DossierDocument>().Add(new() { DossierId = dossier.Id, Name = listed[3], Kind = "copy" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var read = await GetAsync(desk, code);
        string[] names = [.. read.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()!)];
        // Compared in NFC: the intake normalizes a name, as it did before.
        Assert.Equal([.. listed.Select(n => n.Trim().Normalize()), "Giấy xác nhận thêm do bộ phận một cửa yêu cầu", listed[3].Normalize()], names.Select(n => n.Normalize()));
        // Exactly the names, kinds and counts handed in (the "n" ones in NFC as stored before).
        Assert.Equal(Raw(before.GetProperty("documents")), Raw(read.GetProperty("documents")).Take(25));
    }

    [Fact]
    public async Task A_dossier_stored_before_the_compact_column_reads_its_rows_as_before()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var procedure = await ProcedureAsync(desk, "1.004837");
        var response = await ReceiveAsync(desk, "56.BACAI", "1.004837", idNumber: "058099000778", documents: AllDocuments(procedure));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var code = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString()!;
        var compact = await GetAsync(desk, code);

        using (var scope = app.Services.CreateScope())
        {
            // As written before: the procedure's name in the row, one row per component in order, step one's (position, no
            // name) and the full name before it.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dossier = await db.Dossiers.Where(d => d.Code == code).SingleAsync(TestContext.Current.CancellationToken);
            var docs = dossier.Documents.ToList(); // never loaded: the compact ones only, as the API read them
            Assert.Equal(24, docs.Count);
            dossier.Components = null;
            dossier.ProcedureNameFromVersion = false; // the full name stored, as before
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            var set = db.Set<MotCua.Web.Features.Dossiers.DossierDocument>();
            for (var i = 0; i < docs.Count; i++)
            {
                var old = new MotCua.Web.Features.Dossiers.DossierDocument { DossierId = dossier.Id, Name = docs[i].Name, Kind = docs[i].Kind, Count = docs[i].Count };
                // Step one linked only a name equal to the list's (the decomposed ones kept their normalized name).
                if (i % 2 == 0 && dossier.ComponentList![docs[i].Item!.Value] == docs[i].Name)
                {
                    (old.ProcedureId, old.Item) = (docs[i].ProcedureId, docs[i].Item);
                }

                set.Add(old);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }

        var read = await GetAsync(desk, code);
        Assert.Equal(compact.GetProperty("documents").GetRawText(), read.GetProperty("documents").GetRawText());
    }

    private static string[] Raw(System.Text.Json.JsonElement documents) => [.. documents.EnumerateArray().Select(d => d.GetRawText())];

    /// <summary>Bytes after compaction: the file's used pages on SQLite, each relation's size (heap with TOAST, or index) on PostgreSQL.</summary>
    private async Task<Dictionary<string, long>> SizesAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        if (AppFactory.UsePostgres)
        {
            // FULL: live rows only, so that the dead versions left by the dispatcher's and the sync's updates (reused in a
            // steady state) do not count, and the figure does not depend on the order of the cases.
            await ExecuteAsync(connection, "VACUUM FULL ANALYZE");
            await ReadAsync(connection, """
                SELECT c.relname, pg_relation_size(c.oid) + coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')
                """, sizes);
        }
        else
        {
            await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            await ExecuteAsync(connection, "VACUUM");
            // The bundled SQLite has no dbstat: the whole file's used pages (the sqlite3 shell's dbstat splits it, docs/benchmarks.md).
            await ReadAsync(connection, "SELECT 'database file (used pages)', (p.page_count - f.freelist_count) * s.page_size FROM pragma_page_count() p, pragma_freelist_count() f, pragma_page_size() s", sizes);
        }

        return sizes;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 300;
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task ReadAsync(DbConnection connection, string sql, Dictionary<string, long> into)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            into[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
