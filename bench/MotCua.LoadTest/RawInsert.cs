using System.Data.Common;
using System.Globalization;

namespace MotCua.LoadTest;

/// <summary>
/// The physical reference for intake: the rows one intake wrote (dossier, documents, steps, events, outbox, counter),
/// copied from a dossier the app received and inserted again with plain ADO.NET, one transaction per dossier, into the same
/// database with the same durability (SQLite WAL + synchronous=FULL; PostgreSQL with the server's fsync/synchronous_commit).
/// </summary>
internal sealed class RawInsert
{
    private static readonly string[] Children = ["DossierDocuments", "DossierSteps", "DossierEvents"];

    private readonly bool _postgres;
    private readonly string _connectionString;
    private readonly List<(string Table, string[] Columns, object?[] Values)> _rows = [];
    private int _unitId;

    private RawInsert(bool postgres, string connectionString)
    {
        _postgres = postgres;
        _connectionString = connectionString;
    }

    public int RowsPerDossier => _rows.Count + 1;

    /// <summary>Reads the template rows of the dossier <paramref name="code"/> (received through the API).</summary>
    public static async Task<RawInsert> FromDossierAsync(bool postgres, string connectionString, string code, CancellationToken ct)
    {
        var raw = new RawInsert(postgres, connectionString);
        await using var c = await raw.OpenAsync(ct);
        var dossier = await ReadAsync(c, "Dossiers", "Code", code, ct);
        if (dossier.Count != 1)
        {
            throw new InvalidOperationException($"Dossier {code} not found in the database");
        }

        raw._rows.Add(dossier[0]);
        var id = dossier[0].Values[Array.IndexOf(dossier[0].Columns, "Id")];
        raw._unitId = Convert.ToInt32(dossier[0].Values[Array.IndexOf(dossier[0].Columns, "ReceivingUnitId")], CultureInfo.InvariantCulture);
        foreach (var table in Children)
        {
            raw._rows.AddRange(await ReadAsync(c, table, "DossierId", id!, ct));
        }

        raw._rows.AddRange(await ReadAsync(c, "OutboxMessages", "DossierCode", code, ct));
        return raw;
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => RawImport.OpenAsync(_postgres, _connectionString, ct);

    private static async Task<List<(string Table, string[] Columns, object?[] Values)>> ReadAsync(DbConnection c, string table, string key, object value, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"""SELECT * FROM "{table}" WHERE "{key}" = @v ORDER BY "Id" """;
        Add(cmd, "@v", value);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<(string Table, string[] Columns, object?[] Values)>();
        while (await r.ReadAsync(ct))
        {
            var columns = Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToArray();
            var values = Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray();
            rows.Add((table, columns, values));
        }

        return rows;
    }

    /// <summary>Runs <paramref name="workers"/> insert loops (each its own connection) for the measured window.</summary>
    /// <remarks>Worker w bumps counter row w % <paramref name="counterRows"/>: as many hot counter rows as the intake had units.</remarks>
    public async Task<ClosedLoop.Outcome> RunAsync(int workers, int counterRows, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var day = new DateOnly(2099, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        var connections = new DbConnection[workers];
        for (var i = 0; i < workers; i++)
        {
            connections[i] = await OpenAsync(ct);
        }

        try
        {
            return await ClosedLoop.RunAsync(workers, warmup, duration, async (w, _, token) =>
            {
                await InsertOneAsync(connections[w], run, day.AddDays(w % Math.Max(1, counterRows)), token);
                return null;
            });
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
        }
    }

    private async Task InsertOneAsync(DbConnection c, string run, DateOnly day, CancellationToken ct)
    {
        await using var tx = await c.BeginTransactionAsync(ct);
        await using var counter = c.CreateCommand();
        counter.Transaction = tx;
        counter.CommandText = _postgres
            ? """INSERT INTO "DossierCounters" AS c ("UnitId", "Day", "Last") VALUES (@unit, @day, 1) ON CONFLICT ("UnitId", "Day") DO UPDATE SET "Last" = c."Last" + 1 RETURNING c."Last";"""
            : """INSERT INTO "DossierCounters" AS c ("UnitId", "Day", "Last") VALUES (@unit, @day, 1) ON CONFLICT ("UnitId", "Day") DO UPDATE SET "Last" = c."Last" + 1 RETURNING "Last";""";
        Add(counter, "@unit", _unitId);
        Add(counter, "@day", _postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var seq = Convert.ToInt64(await counter.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var code = $"REF-{run}-{day:yyMMdd}-{seq}";
        object? dossierId = null;
        foreach (var (table, columns, values) in _rows)
        {
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            var names = new List<string>();
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                if (column == "Id")
                {
                    continue;
                }

                var value = column switch
                {
                    "Code" or "DossierCode" => code,
                    "DossierId" => dossierId,
                    _ => values[i],
                };
                names.Add(column);
                Add(cmd, "@p" + i, value);
            }

            cmd.CommandText = $"""INSERT INTO "{table}" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", cmd.Parameters.Cast<DbParameter>().Select(p => p.ParameterName))})"""
                + (table == "Dossiers" ? """ RETURNING "Id" """ : "");
            if (table == "Dossiers")
            {
                dossierId = await cmd.ExecuteScalarAsync(ct);
            }
            else
            {
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }

        await tx.CommitAsync(ct);
    }

    private static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
