using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Domain.Indicators;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace MotCua.Web.Features.Indicators;

/// <summary>Adds signed per-dossier contributions to the aggregate rows with atomic upserts (ON CONFLICT … + excluded) on both providers.</summary>
public sealed class AggregateDelta
{
    private readonly Dictionary<(string Procedure, Grain Grain, DateOnly Day, string Unit), MeasureVector> _rows = [];

    public bool IsEmpty => _rows.Values.All(v => v.IsZero);

    public int Count => _rows.Count;

    /// <summary>Adds (sign +1) or removes (−1) what one dossier contributes, under its procedure and under "*".</summary>
    public void Add(DossierFacts? facts, int sign)
    {
        if (facts is null)
        {
            return;
        }

        foreach (var (day, v) in Contributions.Of(facts))
        {
            foreach (var grain in GrainsAll)
            {
                var key = Grains.KeyOf(grain, day);
                Bump((facts.ProcedureCode, grain, key, facts.UnitPath), v, sign);
                Bump((IndicatorAggregate.AllProcedures, grain, key, facts.UnitPath), v, sign);
            }
        }
    }

    /// <summary>Adds or removes what one online submission contributes to the acknowledgement counts.</summary>
    public void Add(AcknowledgementFacts? ack, int sign)
    {
        if (ack is null)
        {
            return;
        }

        var (day, v) = Contributions.Of(ack);
        foreach (var grain in GrainsAll)
        {
            var key = Grains.KeyOf(grain, day);
            Bump((ack.ProcedureCode, grain, key, ack.UnitPath), v, sign);
            Bump((IndicatorAggregate.AllProcedures, grain, key, ack.UnitPath), v, sign);
        }
    }

    /// <summary>Adds what a newly inserted dossier contributes (written without EF, so no interceptor sees it).</summary>
    public void AddInserted(Dossier d)
    {
        Add(DossierFactsMap.From(d, d.Pauses.Where(p => p.To is null).Select(p => (DateOnly?)p.From).Min()), +1);
        Add(DossierFactsMap.Ack(d), +1);
    }

    public void Clear() => _rows.Clear();

    private static readonly Grain[] GrainsAll = Enum.GetValues<Grain>();

    private void Bump((string, Grain, DateOnly, string) key, MeasureVector v, int sign)
    {
        if (!_rows.TryGetValue(key, out var row))
        {
            _rows[key] = row = new MeasureVector();
        }

        row.Add(v, sign);
    }

    /// <summary>Writes the deltas inside the caller's transaction, in key order so that concurrent writers never deadlock.</summary>
    public async Task ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = _rows.Where(r => !r.Value.IsZero)
            .OrderBy(r => r.Key.Procedure, StringComparer.Ordinal).ThenBy(r => r.Key.Grain).ThenBy(r => r.Key.Day).ThenBy(r => r.Key.Unit, StringComparer.Ordinal)
            .ToList();
        if (!db.Database.IsNpgsql())
        {
            await ApplySqliteAsync(db, rows, ct);
            return;
        }

        // One statement per call, the rows as typed arrays: a VALUES list of 400 rows × 26 parameters was parsed and planned per chunk.
        var n = rows.Count;
        if (n == 0)
        {
            return;
        }

        var procedures = new string[n];
        var grains = new string[n];
        var days = new DateOnly[n];
        var units = new string[n];
        var measures = new long[MeasureVector.Length][];
        for (var m = 0; m < measures.Length; m++)
        {
            measures[m] = new long[n];
        }

        for (var i = 0; i < n; i++)
        {
            var ((procedure, grain, day, unit), v) = rows[i];
            procedures[i] = procedure;
            grains[i] = grain.ToString();
            days[i] = day;
            units[i] = unit;
            for (var m = 0; m < measures.Length; m++)
            {
                measures[m][i] = v[m];
            }
        }

        List<object> args =
        [
            new NpgsqlParameter("k0", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = procedures },
            new NpgsqlParameter("k1", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = grains },
            new NpgsqlParameter("k2", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = days },
            new NpgsqlParameter("k3", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = units },
            .. measures.Select((values, m) => new NpgsqlParameter($"m{m}", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values }),
        ];
        await db.Database.ExecuteSqlRawAsync(PostgresUpsertSql, args, ct);
    }

    private static readonly string PostgresUpsertSql =
        "INSERT INTO \"IndicatorAggregates\" (\"ProcedureCode\", \"Grain\", \"Day\", \"UnitPath\", "
        + string.Join(", ", IndicatorAggregate.MeasureColumns.Select(c => $"\"{c}\""))
        + ") SELECT * FROM unnest(@k0, @k1, @k2, @k3, " + string.Join(", ", IndicatorAggregate.MeasureColumns.Select((_, m) => $"@m{m}"))
        + ") ON CONFLICT (\"ProcedureCode\", \"Grain\", \"Day\", \"UnitPath\") DO UPDATE SET "
        + string.Join(", ", IndicatorAggregate.MeasureColumns.Select(c => $"\"{c}\" = \"IndicatorAggregates\".\"{c}\" + excluded.\"{c}\""));

    /// <summary>
    /// SQLite: one prepared single-row upsert reused for every row. SQLite looks a named parameter up by a linear scan, so the
    /// multi-row statement (9,200 parameters) cost O(n²) per statement and dominated import and rebuild (docs/benchmarks.md).
    /// </summary>
    private static async Task ApplySqliteAsync(AppDbContext db, List<KeyValuePair<(string Procedure, Grain Grain, DateOnly Day, string Unit), MeasureVector>> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Aggregates are written inside the caller's transaction.");
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = tx.GetDbTransaction();
        var columns = new[] { "ProcedureCode", "Grain", "Day", "UnitPath" }.Concat(IndicatorAggregate.MeasureColumns).ToArray();
        cmd.CommandText = $"INSERT INTO \"IndicatorAggregates\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})"
            + " ON CONFLICT (\"ProcedureCode\", \"Grain\", \"Day\", \"UnitPath\") DO UPDATE SET "
            + string.Join(", ", IndicatorAggregate.MeasureColumns.Select(c => $"\"{c}\" = \"IndicatorAggregates\".\"{c}\" + excluded.\"{c}\""));
        var parameters = new System.Data.Common.DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = cmd.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            cmd.Parameters.Add(parameters[i]);
        }

        await cmd.PrepareAsync(ct);
        foreach (var ((procedure, grain, day, unit), v) in rows)
        {
            parameters[0].Value = procedure;
            parameters[1].Value = grain.ToString();
            parameters[2].Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            parameters[3].Value = unit;
            for (var m = 0; m < MeasureVector.Length; m++)
            {
                parameters[4 + m].Value = v[m];
            }

            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
