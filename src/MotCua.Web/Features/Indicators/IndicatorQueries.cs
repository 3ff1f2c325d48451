using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Indicators;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>One procedure's period sums in one unit that the national index scores (QĐ 766 criteria on online use, payment, identification).</summary>
public sealed record ProcedureUse(string UnitPath, string ProcedureCode, long ReceivedOnline, long FeeBearingPaidOnline, long Identified);

/// <summary>Reads indicator counts from the aggregate rows: a period sum plus a prefix sum up to its end, over a unit subtree.</summary>
public static class IndicatorQueries
{
    /// <summary>The counts of the subtree at <paramref name="unitPath"/>, grouped by <paramref name="groupBy"/> (a row's unit path or procedure).</summary>
    public static async Task<Dictionary<string, IndicatorCounts>> CountsAsync(
        AppDbContext db, string unitPath, DateOnly from, DateOnly to, Func<IndicatorAggregate, string?> groupBy, bool byProcedure, CancellationToken ct)
    {
        var period = Grains.Cover(from, to);
        var prefix = Grains.Cover(Grains.Origin, to);
        var rows = await RowsAsync(db, unitPath, [.. period, .. prefix], byProcedure, ct);
        return Sum(rows, period, prefix, groupBy);
    }

    public static async Task<IndicatorCounts> TotalAsync(AppDbContext db, string unitPath, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await CountsAsync(db, unitPath, from, to, _ => "", byProcedure: false, ct)).GetValueOrDefault("") ?? new IndicatorCounts();

    /// <summary>The counts of several disjoint subtrees summed (a unit and its predecessors, issue 20 item 5).</summary>
    public static async Task<IndicatorCounts> TotalAsync(AppDbContext db, IReadOnlyList<string> unitPaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var period = Grains.Cover(from, to);
        var prefix = Grains.Cover(Grains.Origin, to);
        var rows = new List<IndicatorAggregate>();
        foreach (var path in unitPaths)
        {
            rows.AddRange(await RowsAsync(db, path, [.. period, .. prefix], byProcedure: false, ct));
        }

        return Sum(rows, period, prefix, _ => "").GetValueOrDefault("") ?? new IndicatorCounts();
    }

    /// <summary>
    /// The rows of the ranges, one parameterised index-range query per merged run of one grain: constant-free, so EF Core
    /// compiles it once, and each query reads only the (grain, day) range it needs.
    /// </summary>
    public static async Task<List<IndicatorAggregate>> RowsAsync(
        AppDbContext db, string unitPath, IEnumerable<GrainRange> ranges, bool byProcedure, CancellationToken ct)
    {
        var rows = new List<IndicatorAggregate>();
        foreach (var r in Merge(ranges))
        {
            var grain = r.Grain;
            var first = r.First;
            var last = r.Last;
            var q = db.Set<IndicatorAggregate>().AsNoTracking()
                .Where(a => a.Grain == grain && a.Day >= first && a.Day <= last && a.UnitPath.StartsWith(unitPath));
            q = byProcedure ? q.Where(a => a.ProcedureCode != IndicatorAggregate.AllProcedures) : q.Where(a => a.ProcedureCode == IndicatorAggregate.AllProcedures);
            rows.AddRange(await q.Select(IndicatorAggregate.Lean).ToListAsync(ct));
        }

        return rows;
    }

    /// <summary>
    /// What the national index asks of each offered procedure over a period (received online, paid online, identified applicant),
    /// summed per unit path and procedure in the database: index seeks on the aggregates' key (procedure, grain, day).
    /// </summary>
    public static async Task<List<ProcedureUse>> ProcedureUseAsync(
        AppDbContext db, string unitPath, IEnumerable<GrainRange> period, IReadOnlyCollection<string> procedureCodes, CancellationToken ct)
    {
        var codes = procedureCodes.Where(c => c != IndicatorAggregate.AllProcedures).Distinct(StringComparer.Ordinal).ToArray();
        var rows = new List<ProcedureUse>();
        if (codes.Length == 0)
        {
            return rows;
        }

        foreach (var r in Merge(period))
        {
            var grain = r.Grain;
            var first = r.First;
            var last = r.Last;
            rows.AddRange(await db.Set<IndicatorAggregate>().AsNoTracking()
                .Where(a => codes.Contains(a.ProcedureCode) && a.Grain == grain && a.Day >= first && a.Day <= last && a.UnitPath.StartsWith(unitPath))
                .GroupBy(a => new { a.UnitPath, a.ProcedureCode })
                .Select(g => new ProcedureUse(
                    g.Key.UnitPath, g.Key.ProcedureCode, g.Sum(a => EF.Property<long>(a, nameof(Measure.ReceivedOnline))),
                    g.Sum(a => EF.Property<long>(a, nameof(Measure.FeeBearingPaidOnline))), g.Sum(a => EF.Property<long>(a, nameof(Measure.Identified)))))
                .ToListAsync(ct));
        }

        return rows;
    }

    /// <summary>Sums fetched rows into the period and up-to-end vectors of each group.</summary>
    public static Dictionary<string, IndicatorCounts> Sum(
        IEnumerable<IndicatorAggregate> rows, IReadOnlyList<GrainRange> period, IReadOnlyList<GrainRange> prefix, Func<IndicatorAggregate, string?> groupBy) =>
        SumVectors(rows, period, prefix, groupBy).ToDictionary(s => s.Key, s => IndicatorCounts.FromSums(s.Value.Period, s.Value.UpToEnd), StringComparer.Ordinal);

    /// <summary>The period and up-to-end vectors of each group, before the counts are derived: they add up across groups.</summary>
    public static Dictionary<string, (MeasureVector Period, MeasureVector UpToEnd)> SumVectors(
        IEnumerable<IndicatorAggregate> rows, IReadOnlyList<GrainRange> period, IReadOnlyList<GrainRange> prefix, Func<IndicatorAggregate, string?> groupBy)
    {
        var sums = new Dictionary<string, (MeasureVector Period, MeasureVector UpToEnd)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var inPeriod = period.Any(r => r.Contains(row.Grain, row.Day));
            var inPrefix = prefix.Any(r => r.Contains(row.Grain, row.Day));
            if ((!inPeriod && !inPrefix) || groupBy(row) is not { } key)
            {
                continue;
            }

            if (!sums.TryGetValue(key, out var s))
            {
                sums[key] = s = (new MeasureVector(), new MeasureVector());
            }

            var v = row.Measures;
            if (inPeriod)
            {
                s.Period.Add(v);
            }

            if (inPrefix)
            {
                s.UpToEnd.Add(v);
            }
        }

        return sums;
    }

    /// <summary>Overlapping or adjacent ranges of one grain become one, so a monthly series reads each grain once.</summary>
    internal static List<GrainRange> Merge(IEnumerable<GrainRange> ranges)
    {
        List<GrainRange> merged = [];
        foreach (var g in ranges.GroupBy(r => r.Grain))
        {
            GrainRange? run = null;
            foreach (var r in g.OrderBy(r => r.First))
            {
                if (run is { } x && r.First <= Next(x.Grain, x.Last))
                {
                    run = x with { Last = r.Last > x.Last ? r.Last : x.Last };
                }
                else
                {
                    if (run is { } done)
                    {
                        merged.Add(done);
                    }

                    run = r;
                }
            }

            if (run is { } end)
            {
                merged.Add(end);
            }
        }

        return merged;
    }

    private static DateOnly Next(Grain grain, DateOnly key) => grain switch
    {
        Grain.Year => key.AddYears(1),
        Grain.Month => key.AddMonths(1),
        _ => key.AddDays(1),
    };
}
