using System.Collections.Frozen;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Indicators;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace MotCua.Web.Features.Indicators;

/// <summary>
/// One aggregate row: the summed <see cref="Measure"/> counts of the dossiers received by one unit for one procedure
/// ("*" for all) on one day, month or year (docs/decisions/0009-indicator-aggregates.md).
/// </summary>
/// <remarks>
/// The measures are declared once, by <see cref="Measure"/>: there is one column per measure, named after it and mapped
/// through the indexer (<see cref="Configure"/>), and the same names make the SQL of <see cref="AggregateContribution"/>.
/// </remarks>
public sealed class IndicatorAggregate
{
    public const string AllProcedures = "*";

    /// <summary>The measure columns, in <see cref="Measure"/> order.</summary>
    public static readonly string[] MeasureColumns = Enum.GetNames<Measure>();

    private static readonly FrozenDictionary<string, int> ColumnIndex =
        MeasureColumns.Select((name, i) => (name, i)).ToFrozenDictionary(x => x.name, x => x.i, StringComparer.Ordinal);

    private readonly MeasureVector _measures = new();

    public required string ProcedureCode { get; set; }
    public Grain Grain { get; set; }

    /// <summary>The day, the first day of the month or 1 January.</summary>
    public DateOnly Day { get; set; }

    public required string UnitPath { get; set; }

    /// <summary>One measure column by name; EF reads and writes the counts through it.</summary>
    public long this[string measure]
    {
        get => _measures[ColumnIndex[measure]];
        set => _measures[ColumnIndex[measure]] = value;
    }

    public MeasureVector ToVector() => new(_measures.ToArray());

    /// <summary>The row's own counts, not a copy: for sums that only read them.</summary>
    internal MeasureVector Measures => _measures;

    /// <summary>
    /// The key and the measure columns of the rows, read as plain values: materialising the entity through its indexer
    /// properties cost most of the dashboard's time (docs/benchmarks.md, third pass).
    /// </summary>
    internal static readonly Expression<Func<IndicatorAggregate, IndicatorAggregate>> Lean = BuildLean();

    private static IndicatorAggregate Of(string procedureCode, Grain grain, DateOnly day, string unitPath, long[] values)
    {
        var row = new IndicatorAggregate { ProcedureCode = procedureCode, Grain = grain, Day = day, UnitPath = unitPath };
        for (var i = 0; i < values.Length; i++)
        {
            row._measures[i] = values[i];
        }

        return row;
    }

    private static Expression<Func<IndicatorAggregate, IndicatorAggregate>> BuildLean()
    {
        var a = Expression.Parameter(typeof(IndicatorAggregate), "a");
        var property = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(long));
        var values = Expression.NewArrayInit(typeof(long), MeasureColumns.Select(c => Expression.Call(property, a, Expression.Constant(c))));
        var of = typeof(IndicatorAggregate).GetMethod(nameof(Of), BindingFlags.NonPublic | BindingFlags.Static)!;
        return Expression.Lambda<Func<IndicatorAggregate, IndicatorAggregate>>(
            Expression.Call(of, Expression.Property(a, nameof(ProcedureCode)), Expression.Property(a, nameof(Grain)), Expression.Property(a, nameof(Day)),
                Expression.Property(a, nameof(UnitPath)), values),
            a);
    }

    internal static void Configure(ModelBuilder b) => b.Entity<IndicatorAggregate>(e =>
    {
        e.ToTable("IndicatorAggregates");
        // Day before path: a period reads a short date range of one grain, then filters the subtree.
        e.HasKey(a => new { a.ProcedureCode, a.Grain, a.Day, a.UnitPath });
        e.Property(a => a.ProcedureCode).HasMaxLength(40);
        e.Property(a => a.Grain).HasConversion<string>().HasMaxLength(8);
        e.Property(a => a.UnitPath).HasMaxLength(400);
        foreach (var column in MeasureColumns)
        {
            e.IndexerProperty<long>(column);
        }
    });
}

/// <summary>
/// What dossiers contribute to the indicator rows: signed per-dossier counts summed per row key, then added to the rows with
/// atomic upserts (ON CONFLICT … + excluded) on both providers. <see cref="Add"/> is the one contribution function of the
/// three writers of the rows — the SaveChanges hook (<see cref="AggregatesInterceptor"/>), the intake committer and the
/// bulk import — and of the rebuild.
/// </summary>
public sealed class AggregateContribution
{
    private readonly Dictionary<(string Procedure, Grain Grain, DateOnly Day, string Unit), MeasureVector> _rows = [];

    public bool IsEmpty => _rows.Values.All(v => v.IsZero);

    public int Count => _rows.Count;

    /// <summary>
    /// Adds (sign +1) or removes (−1) what one dossier contributes, under its procedure and under "*": its dossier counts
    /// once it is received and its acknowledgement counts as an online submission. <paramref name="pausedSince"/> is the
    /// start of its open pause (<see cref="OpenPauseSince"/>), which the caller knows for the dossier's old values too.
    /// </summary>
    public void Add(Dossier d, DateOnly? pausedSince, int sign)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (FactsOf(d, pausedSince) is { } facts)
        {
            foreach (var (day, v) in Contributions.Of(facts))
            {
                AddOnAllGrains(facts.ProcedureCode, facts.UnitPath, day, v, sign);
            }
        }

        if (AckOf(d) is { } ack)
        {
            var (day, v) = Contributions.Of(ack);
            AddOnAllGrains(ack.ProcedureCode, ack.UnitPath, day, v, sign);
        }
    }

    /// <summary>Adds (+1) or removes (−1) what one work file contributes to <c>workFilesOnlineRate</c>, under "*" only: it has no procedure.</summary>
    public void AddWorkFile(Documents.WorkFile w, int sign)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (Contributions.Of(new WorkFileFacts(w.UnitPath, w.ClosedOn, w.Secret, w.ProcessedOnline)) is var (day, v))
        {
            foreach (var grain in GrainsAll)
            {
                Bump((IndicatorAggregate.AllProcedures, grain, Grains.KeyOf(grain, day), w.UnitPath), v, sign);
            }
        }
    }

    /// <summary>
    /// Adds (+1) or removes (−1) one held meeting (issue 24). Meetings have no procedure: they are counted under "*" only, so
    /// a procedure's figures never include them.
    /// </summary>
    public void AddMeeting(MeetingFacts m, int sign)
    {
        ArgumentNullException.ThrowIfNull(m);
        var (day, v) = m.Contribution();
        foreach (var grain in GrainsAll)
        {
            Bump((IndicatorAggregate.AllProcedures, grain, Grains.KeyOf(grain, day), m.UnitPath), v, sign);
        }
    }

    /// <summary>The start of the dossier's open pause, from its loaded or newly built pauses; null unless it is paused.</summary>
    public static DateOnly? OpenPauseSince(Dossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.PausedFrom is null ? null : d.Pauses.Where(p => p.To is null).Select(p => (DateOnly?)p.From).Min();
    }

    /// <summary>Reads the indicator facts off a dossier row; null while it waits for the desk's acceptance (not yet received).</summary>
    public static DossierFacts? FactsOf(Dossier d, DateOnly? pausedSince)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Status == DossierStatus.AwaitingReception ? null : new DossierFacts
        {
            UnitPath = d.ReceivingUnitPath,
            ProcedureCode = d.ProcedureCode,
            Online = d.Channel == Channel.Online,
            Postal = d.Channel == Channel.Postal,
            ReceivedOn = d.ReceivedOn,
            DueDate = d.LegalDueDate,
            FinishKind = d.FinishKind,
            FinishedOn = d.FinishedOn,
            ReturnedOn = d.ReturnedOn,
            PausedSince = d.PausedFrom is null ? null : pausedSince,
            SupplementRequests = d.SupplementRequests,
            FeeVnd = d.FeeVnd,
            PaidOnline = d.PaidOnline,
            Digitized = d.Digitized,
            ElectronicResult = d.ElectronicResult,
            ReusedDocuments = d.ReusedDocuments,
            RoutedElectronically = d.RoutedElectronically,
            Identified = d.ElectronicallyIdentified || d.IdentityVerified,
            NationalSynced = d.NationalSynced == true,
            Rating = d.Rating,
            Complaint = d.Complaint,
        };
    }

    /// <summary>An online submission with a deadline; none once withdrawn before anyone answered (as <see cref="Acknowledgements.RateAsync"/>).</summary>
    private static AcknowledgementFacts? AckOf(Dossier d) =>
        d.Channel != Channel.Online || d.SubmittedAtUtc is not { } s || d.AckDeadlineUtc is not { } deadline
            || (d.Status == DossierStatus.Withdrawn && d.AcknowledgedAtUtc is null)
            ? null
            : new AcknowledgementFacts(d.ReceivingUnitPath, d.ProcedureCode, VietnamTime.LocalDate(s), d.AcknowledgedAtUtc is { } at ? at <= deadline : null);

    public void Clear() => _rows.Clear();

    private static readonly Grain[] GrainsAll = Enum.GetValues<Grain>();

    private void AddOnAllGrains(string procedure, string unit, DateOnly day, MeasureVector v, int sign)
    {
        foreach (var grain in GrainsAll)
        {
            var key = Grains.KeyOf(grain, day);
            Bump((procedure, grain, key, unit), v, sign);
            Bump((IndicatorAggregate.AllProcedures, grain, key, unit), v, sign);
        }
    }

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

    private static readonly string[] KeyColumns = ["ProcedureCode", "Grain", "Day", "UnitPath"];

    private static readonly string UpsertSet =
        " ON CONFLICT (\"ProcedureCode\", \"Grain\", \"Day\", \"UnitPath\") DO UPDATE SET "
        + string.Join(", ", IndicatorAggregate.MeasureColumns.Select(c => $"\"{c}\" = \"IndicatorAggregates\".\"{c}\" + excluded.\"{c}\""));

    private static readonly string PostgresUpsertSql =
        "INSERT INTO \"IndicatorAggregates\" (" + string.Join(", ", KeyColumns.Concat(IndicatorAggregate.MeasureColumns).Select(c => $"\"{c}\""))
        + ") SELECT * FROM unnest(@k0, @k1, @k2, @k3, " + string.Join(", ", IndicatorAggregate.MeasureColumns.Select((_, m) => $"@m{m}")) + ")"
        + UpsertSet;

    // Below this many rows (an intake, a status change) the prepared single-row upsert is kept.
    private const int SqliteSetWiseFrom = 64;

    private static string SqliteJson(List<KeyValuePair<(string Procedure, Grain Grain, DateOnly Day, string Unit), MeasureVector>> rows)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var ((procedure, grain, day, unit), v) in rows)
            {
                json.WriteStartArray();
                json.WriteStringValue(procedure);
                json.WriteStringValue(grain.ToString());
                json.WriteStringValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteStringValue(unit);
                for (var m = 0; m < MeasureVector.Length; m++)
                {
                    json.WriteNumberValue(v[m]);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
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
        var columns = KeyColumns.Concat(IndicatorAggregate.MeasureColumns).ToArray();
        if (rows.Count >= SqliteSetWiseFrom)
        {
            // A bulk import's batch: one statement over JSON rows; per row, binding 26 parameters from .NET cost more than the upsert itself.
            cmd.CommandText = $"INSERT INTO \"IndicatorAggregates\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", columns.Select((_, i) => $"value ->> {i}"))} FROM jsonb_each(@rows) WHERE true"
                + UpsertSet;
            var rowsParameter = cmd.CreateParameter();
            rowsParameter.ParameterName = "@rows";
            rowsParameter.Value = SqliteJson(rows);
            cmd.Parameters.Add(rowsParameter);
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }

        cmd.CommandText = $"INSERT INTO \"IndicatorAggregates\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})"
            + UpsertSet;
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
                parameters[KeyColumns.Length + m].Value = v[m];
            }

            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
