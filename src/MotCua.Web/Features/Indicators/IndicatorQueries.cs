using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Indicators;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>Reads indicator counts from the aggregate rows: a period sum plus a prefix sum up to its end, over a unit subtree.</summary>
public static class IndicatorQueries
{
    /// <summary>The counts of the subtree at <paramref name="unitPath"/>, grouped by <paramref name="groupBy"/> (a row's unit path or procedure).</summary>
    public static async Task<Dictionary<string, IndicatorCounts>> CountsAsync(
        AppDbContext db, string unitPath, DateOnly from, DateOnly to, Func<IndicatorAggregate, string?> groupBy, bool byProcedure, CancellationToken ct)
    {
        var period = Grains.Cover(from, to);
        var prefix = Grains.Cover(Grains.Origin, to);
        var rows = await db.Set<IndicatorAggregate>().AsNoTracking()
            .Where(byProcedure ? a => a.ProcedureCode != IndicatorAggregate.AllProcedures : a => a.ProcedureCode == IndicatorAggregate.AllProcedures)
            .Where(a => a.UnitPath.StartsWith(unitPath))
            .Where(InAny([.. period, .. prefix]))
            .ToListAsync(ct);

        var sums = new Dictionary<string, (MeasureVector Period, MeasureVector UpToEnd)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (groupBy(row) is not { } key)
            {
                continue;
            }

            if (!sums.TryGetValue(key, out var s))
            {
                sums[key] = s = (new MeasureVector(), new MeasureVector());
            }

            var v = row.ToVector();
            if (period.Any(r => r.Contains(row.Grain, row.Day)))
            {
                s.Period.Add(v);
            }

            if (prefix.Any(r => r.Contains(row.Grain, row.Day)))
            {
                s.UpToEnd.Add(v);
            }
        }

        return sums.ToDictionary(s => s.Key, s => IndicatorCounts.FromSums(s.Value.Period, s.Value.UpToEnd), StringComparer.Ordinal);
    }

    public static async Task<IndicatorCounts> TotalAsync(AppDbContext db, string unitPath, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await CountsAsync(db, unitPath, from, to, _ => "", byProcedure: false, ct)).GetValueOrDefault("") ?? new IndicatorCounts();

    private static Expression<Func<IndicatorAggregate, bool>> InAny(IEnumerable<GrainRange> ranges)
    {
        var a = Expression.Parameter(typeof(IndicatorAggregate), "a");
        var grain = Expression.Property(a, nameof(IndicatorAggregate.Grain));
        var day = Expression.Property(a, nameof(IndicatorAggregate.Day));
        Expression body = Expression.Constant(false);
        foreach (var r in ranges)
        {
            var one = Expression.AndAlso(
                Expression.Equal(grain, Expression.Constant(r.Grain)),
                Expression.AndAlso(
                    Expression.GreaterThanOrEqual(day, Expression.Constant(r.First)),
                    Expression.LessThanOrEqual(day, Expression.Constant(r.Last))));
            body = Expression.OrElse(body, one);
        }

        return Expression.Lambda<Func<IndicatorAggregate, bool>>(body, a);
    }
}
