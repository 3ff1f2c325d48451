using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MotCua.LoadTest;

/// <summary>
/// The physical reference for the bulk import: the two rows an imported dossier writes (the dossier and its "imported" event),
/// copied from one dossier the import stored and inserted <c>count</c> times with new codes into a second, freshly seeded
/// database of the same schema, 5,000 per transaction, with no parsing, no checks, no conflict handling and no aggregates:
/// SQLite one prepared INSERT per row (WAL, synchronous=FULL), PostgreSQL binary COPY.
/// </summary>
internal static class RawImport
{
    private const int Batch = 5000;
    private const long FirstId = 1_000_000_000;

    public static async Task<long> RunAsync(bool postgres, string template, string target, string code, long count, CancellationToken ct)
    {
        (string[] Columns, object?[] Values) dossier, ev;
        await using (var source = await OpenAsync(postgres, template, ct))
        {
            dossier = await ReadAsync(source, "Dossiers", "Code", code, ct);
            ev = await ReadAsync(source, "DossierEvents", "DossierCode", code, ct);
        }

        await using var c = await OpenAsync(postgres, target, ct);
        for (long start = 0; start < count; start += Batch)
        {
            var n = (int)Math.Min(Batch, count - start);
            await using var tx = await c.BeginTransactionAsync(ct);
            if (postgres)
            {
                await CopyAsync((NpgsqlConnection)c, "Dossiers", dossier, start, n, ct);
                await CopyAsync((NpgsqlConnection)c, "DossierEvents", ev, start, n, ct);
            }
            else
            {
                await InsertAsync(c, tx, dossier, ev, start, n, ct);
            }

            await tx.CommitAsync(ct);
        }

        return count * 2;
    }

    private static string Code(long i) => $"RAW-{i:D10}";

    private static object? Value(string column, object? value, long i) => column switch
    {
        "Code" or "DossierCode" => Code(i),
        "Id" or "DossierId" => FirstId + i, // above the seeded demo rows of the fresh database
        _ => value,
    };

    private static async Task InsertAsync(DbConnection c, DbTransaction tx, (string[] Columns, object?[] Values) d, (string[] Columns, object?[] Values) e, long start, int n, CancellationToken ct)
    {
        DbCommand Prepare(string table, string[] columns)
        {
            var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(x => $"\"{x}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = $"@p{i}";
                cmd.Parameters.Add(p);
            }

            cmd.Prepare();
            return cmd;
        }

        await using var dossiers = Prepare("Dossiers", d.Columns);
        await using var events = Prepare("DossierEvents", e.Columns);
        for (var i = start; i < start + n; i++)
        {
            for (var k = 0; k < d.Columns.Length; k++)
            {
                dossiers.Parameters[k].Value = Value(d.Columns[k], d.Values[k], i) ?? DBNull.Value;
            }

            await dossiers.ExecuteNonQueryAsync(ct);
            for (var k = 0; k < e.Columns.Length; k++)
            {
                events.Parameters[k].Value = Value(e.Columns[k], e.Values[k], i) ?? DBNull.Value;
            }

            await events.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection c, string table, (string[] Columns, object?[] Values) row, long start, int n, CancellationToken ct)
    {
        var types = await TypesAsync(c, table, row.Columns, ct);
        await using var importer = await c.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", row.Columns.Select(x => $"\"{x}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = start; i < start + n; i++)
        {
            await importer.StartRowAsync(ct);
            for (var k = 0; k < row.Columns.Length; k++)
            {
                if (Value(row.Columns[k], row.Values[k], i) is { } v)
                {
                    await importer.WriteAsync(v, types[k], ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static async Task<string[]> TypesAsync(NpgsqlConnection c, string table, string[] columns, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = @t";
        cmd.Parameters.AddWithValue("t", table);
        var types = new Dictionary<string, string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            types[r.GetString(0)] = r.GetString(1);
        }

        return [.. columns.Select(x => types[x])];
    }

    /// <summary>A connection with the app's durability settings (SQLite: synchronous=FULL), as both raw references use.</summary>
    internal static async Task<DbConnection> OpenAsync(bool postgres, string connectionString, CancellationToken ct)
    {
        DbConnection c = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await c.OpenAsync(ct);
        if (!postgres)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            await cmd.ExecuteNonQueryAsync(ct);
        }

        return c;
    }

    private static async Task<(string[] Columns, object?[] Values)> ReadAsync(DbConnection c, string table, string key, string value, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"""SELECT * FROM "{table}" WHERE "{key}" = @v LIMIT 1""";
        var p = cmd.CreateParameter();
        p.ParameterName = "@v";
        p.Value = value;
        cmd.Parameters.Add(p);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            throw new InvalidOperationException($"{table}: no row for {value}");
        }

        return ([.. Enumerable.Range(0, r.FieldCount).Select(r.GetName)], [.. Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i))]);
    }

    public static string Describe(bool postgres) => postgres
        ? "binary COPY of the dossier and event rows, 5,000 per transaction"
        : "prepared INSERT of the dossier and event rows, 5,000 per transaction, synchronous=FULL";
}
