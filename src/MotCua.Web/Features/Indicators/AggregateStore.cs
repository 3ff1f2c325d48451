using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Domain.Indicators;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

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

    private const int RowsPerStatement = 400;

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

        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder();
            var args = new List<object>(chunk.Length * (4 + MeasureVector.Length));
            sql.Append("INSERT INTO \"IndicatorAggregates\" (\"ProcedureCode\", \"Grain\", \"Day\", \"UnitPath\"");
            foreach (var c in IndicatorAggregate.MeasureColumns)
            {
                sql.Append(", \"").Append(c).Append('"');
            }

            sql.Append(") VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                var ((procedure, grain, day, unit), v) = chunk[i];
                sql.Append(i == 0 ? "(" : ", (");
                args.Add(procedure);
                args.Add(grain.ToString());
                args.Add(day);
                args.Add(unit);
                for (var m = 0; m < MeasureVector.Length; m++)
                {
                    args.Add(v[m]);
                }

                for (var p = args.Count - 4 - MeasureVector.Length; p < args.Count; p++)
                {
                    sql.Append(p == args.Count - 4 - MeasureVector.Length ? "" : ", ").Append('{').Append(p.ToString(CultureInfo.InvariantCulture)).Append('}');
                }

                sql.Append(')');
            }

            sql.Append(" ON CONFLICT (\"ProcedureCode\", \"Grain\", \"Day\", \"UnitPath\") DO UPDATE SET ");
            sql.AppendJoin(", ", IndicatorAggregate.MeasureColumns.Select(c => $"\"{c}\" = \"IndicatorAggregates\".\"{c}\" + excluded.\"{c}\""));
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

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
