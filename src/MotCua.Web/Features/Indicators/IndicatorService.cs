using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Indicators;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

public sealed record UnitRef(string Code, string Name, string Path);

/// <summary>One indicator against the plan's target for the year and the national index's full-score threshold.</summary>
public sealed record TargetView(
    string Indicator, double? Current, string? PlanTargetCode, string? PlanTargetText, double? PlanTarget, TargetComparison? Comparison,
    int? Year, double? PlanGap, double? FullScore, double? FullScoreGap)
{
    /// <summary>The plan the target comes from and its period (issue 20 item 4).</summary>
    public int? PlanId { get; init; }

    public string? PlanTitle { get; init; }
    public int? PlanPeriodFrom { get; init; }
    public int? PlanPeriodTo { get; init; }

    /// <summary>≥, ≤, = or &gt;, as the plan prints the comparison.</summary>
    public string? ComparisonSymbol { get; init; }

    /// <summary>True when the measured value meets the target; null when either is unknown.</summary>
    public bool? Met { get; init; }
}

public sealed record MonthPoint(string Month, DateOnly From, DateOnly To, long Received, IReadOnlyDictionary<string, double?> Indicators);

public sealed record BreakdownRow(string Key, string Name, long Received, long Population, IReadOnlyDictionary<string, double?> Indicators);

public sealed record IndicatorReport(
    UnitRef Unit, DateOnly From, DateOnly To, long Received, IndicatorCounts Counts, IReadOnlyDictionary<string, double?> Indicators,
    IReadOnlyDictionary<string, TargetView> Targets, int? BaseYear, IReadOnlyList<MonthPoint>? Series, IReadOnlyList<BreakdownRow>? Breakdown)
{
    /// <summary>Online dossiers a desk officer filed for a citizen who was present (issue 11 item 5); already inside the online counts.</summary>
    public long AssistedCount { get; init; }

    /// <summary>The units that ended into this one whose history the figures include (<c>includePredecessors=true</c>); empty otherwise.</summary>
    public IReadOnlyList<UnitRef> IncludedPredecessors { get; init; } = [];
}

public enum Breakdown
{
    Unit,
    Field,
    Procedure,
}

/// <summary>Builds the indicator report of a unit subtree from the aggregate rows, the catalogue and the plan targets.</summary>
public sealed class IndicatorService(AppDbContext db, IndicatorReferenceCache cache, IIndicatorTargets planTargets, TimeProvider time)
{
    private readonly Dictionary<string, List<(string UnitPath, string ProcedureCode, DateOnly On)>> _pending = new(StringComparer.Ordinal);

    /// <summary>The longest period one request may cover: the aggregates answer it, but a series would be pointless.</summary>
    public const int MaxYears = 15;

    public async Task<IndicatorReport> ReportAsync(
        OrgUnit unit, DateOnly from, DateOnly to, int? baseYear, bool monthly, Breakdown? breakdown, DateOnly today, CancellationToken ct,
        bool includePredecessors = false)
    {
        // A successor's history: its own subtree plus the disjoint subtrees of the units that ended into it (issue 20 item 5).
        IReadOnlyList<string> paths = [unit.Path];
        IReadOnlyList<UnitRef> predecessors = [];
        if (includePredecessors)
        {
            var lineage = await UnitLineage.HistoryAsync(db, unit.Path, ct);
            paths = lineage.Paths;
            var codes = lineage.Predecessors.Select(p => p.Id).ToList();
            predecessors = [.. (await db.Units.AsNoTracking().Where(u => codes.Contains(u.Id)).ToListAsync(ct))
                .OrderBy(u => u.Path, StringComparer.Ordinal).Select(u => new UnitRef(u.Code, u.Name, u.Path))];
        }

        if (paths.Count > 1)
        {
            return await LineageReportAsync(unit, paths, predecessors, from, to, baseYear, monthly, breakdown, today, ct);
        }

        var pending = await PendingAsync(unit.Path, ct);
        // One read of the aggregate rows for the total, the base year, the series and the ranking by unit: each sums its own ranges.
        var period = Grains.Cover(from, to);
        var prefix = Grains.Cover(Grains.Origin, to);
        (IReadOnlyList<GrainRange> Period, IReadOnlyList<GrainRange> Prefix)? baseRanges =
            baseYear is { } by && ShiftYear(from, by) is { } bf && ShiftYear(to, by + (to.Year - from.Year)) is { } bt
                ? (Grains.Cover(bf, bt), Grains.Cover(Grains.Origin, bt)) : null;
        var months = monthly ? Months(from, to) : [];
        IEnumerable<GrainRange> ranges = [.. period, .. prefix, .. baseRanges?.Period ?? [], .. baseRanges?.Prefix ?? [],
            .. months.SelectMany(m => m.Period.Concat(m.Prefix))];
        var aggregates = await IndicatorQueries.RowsAsync(db, unit.Path, ranges, byProcedure: false, ct);
        var counts = IndicatorQueries.Sum(aggregates, period, prefix, _ => "").GetValueOrDefault("") ?? new IndicatorCounts();
        counts = counts with { AckPendingInTime = pending.Count(p => p.On >= from && p.On <= to) };
        long? basePostal = baseRanges is { } br
            ? (IndicatorQueries.Sum(aggregates, br.Period, br.Prefix, _ => "").GetValueOrDefault("") ?? new IndicatorCounts()).ReceivedPostal
            : null;

        var procedures = await ProcedureFactsAsync(unit.Path, today, ct);
        var set = IndicatorSet.From(counts, basePostal, procedures).ByKey();
        var targets = await TargetsAsync(unit, to.Year, set, ct);
        var series = monthly ? Series(months, aggregates, pending) : null;
        var rows = breakdown switch
        {
            Breakdown.Unit => await UnitBreakdownAsync(unit, from, to, aggregates, ct),
            { } b => await BreakdownAsync(unit, from, to, b, today, ct),
            null => null,
        };
        // The assisted flag is set after the intake transaction, so it is counted from the dossiers (an indexed subtree prefix), not the aggregates.
        var assisted = await db.Dossiers.LongCountAsync(d => d.Assisted && d.ReceivingUnitPath.StartsWith(unit.Path) && d.ReceivedOn >= from && d.ReceivedOn <= to, ct);
        return new(new(unit.Code, unit.Name, unit.Path), from, to, counts.Received, counts, set, targets, baseYear, series, rows) { AssistedCount = assisted };
    }

    /// <summary>The report over several disjoint subtrees (a unit and its predecessors): each count is the sum over the subtrees.</summary>
    private async Task<IndicatorReport> LineageReportAsync(
        OrgUnit unit, IReadOnlyList<string> paths, IReadOnlyList<UnitRef> predecessors, DateOnly from, DateOnly to, int? baseYear, bool monthly,
        Breakdown? breakdown, DateOnly today, CancellationToken ct)
    {
        var pending = new List<(string UnitPath, string ProcedureCode, DateOnly On)>();
        foreach (var path in paths)
        {
            pending.AddRange(await PendingAsync(path, ct));
        }

        var counts = await IndicatorQueries.TotalAsync(db, paths, from, to, ct);
        counts = counts with { AckPendingInTime = pending.Count(p => p.On >= from && p.On <= to) };
        long? basePostal = null;
        if (baseYear is { } by && ShiftYear(from, by) is { } bf && ShiftYear(to, by + (to.Year - from.Year)) is { } bt)
        {
            basePostal = (await IndicatorQueries.TotalAsync(db, paths, bf, bt, ct)).ReceivedPostal;
        }

        var procedures = await ProcedureFactsAsync(unit.Path, today, ct);
        var set = IndicatorSet.From(counts, basePostal, procedures).ByKey();
        var targets = await TargetsAsync(unit, to.Year, set, ct);
        var series = monthly ? await SeriesAsync(paths, from, to, ct) : null;
        // The breakdown stays the unit's own children: a predecessor is not one of them.
        var rows = breakdown is { } b ? await BreakdownAsync(unit, from, to, b, today, ct) : null;
        long assisted = 0;
        foreach (var path in paths)
        {
            assisted += await db.Dossiers.LongCountAsync(d => d.Assisted && d.ReceivingUnitPath.StartsWith(path) && d.ReceivedOn >= from && d.ReceivedOn <= to, ct);
        }

        return new(new(unit.Code, unit.Name, unit.Path), from, to, counts.Received, counts, set, targets, baseYear, series, rows)
        {
            AssistedCount = assisted,
            IncludedPredecessors = predecessors,
        };
    }

    public Task<List<MonthPoint>> SeriesAsync(string unitPath, DateOnly from, DateOnly to, CancellationToken ct) => SeriesAsync([unitPath], from, to, ct);

    private sealed record Month(DateOnly Start, DateOnly From, DateOnly To, IReadOnlyList<GrainRange> Period, IReadOnlyList<GrainRange> Prefix);

    private static List<Month> Months(DateOnly from, DateOnly to)
    {
        List<Month> months = [];
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var a = m < from ? from : m;
            var end = m.AddMonths(1).AddDays(-1);
            var z = end > to ? to : end;
            months.Add(new(m, a, z, Grains.Cover(a, z), Grains.Cover(Grains.Origin, z)));
        }

        return months;
    }

    private static List<MonthPoint> Series(List<Month> months, List<IndicatorAggregate> rows, List<(string UnitPath, string ProcedureCode, DateOnly On)> pending) =>
        [.. months.Select(x =>
        {
            var c = IndicatorQueries.Sum(rows, x.Period, x.Prefix, _ => "").GetValueOrDefault("") ?? new IndicatorCounts();
            c = c with { AckPendingInTime = pending.Count(p => p.On >= x.From && p.On <= x.To) };
            return new MonthPoint($"{x.Start.Year:D4}-{x.Start.Month:D2}", x.From, x.To, c.Received, IndicatorSet.From(c).ByKey());
        })];

    /// <summary>The monthly series over one or more disjoint subtrees.</summary>
    public async Task<List<MonthPoint>> SeriesAsync(IReadOnlyList<string> unitPaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var months = Months(from, to);
        var pending = new List<(string UnitPath, string ProcedureCode, DateOnly On)>();
        var rows = new List<IndicatorAggregate>();
        foreach (var unitPath in unitPaths)
        {
            pending.AddRange(await PendingAsync(unitPath, ct));
            // One read for the whole series: the months' ranges overlap and merge into a few runs per grain.
            rows.AddRange(await IndicatorQueries.RowsAsync(db, unitPath, months.SelectMany(x => x.Period.Concat(x.Prefix)), byProcedure: false, ct));
        }

        return Series(months, rows, pending);
    }

    public async Task<List<BreakdownRow>> BreakdownAsync(OrgUnit unit, DateOnly from, DateOnly to, Breakdown kind, DateOnly today, CancellationToken ct)
    {
        if (kind == Breakdown.Unit)
        {
            var rows = await IndicatorQueries.RowsAsync(db, unit.Path, [.. Grains.Cover(from, to), .. Grains.Cover(Grains.Origin, to)], byProcedure: false, ct);
            return await UnitBreakdownAsync(unit, from, to, rows, ct);
        }

        var catalogue = await db.Procedures.AsNoTracking()
            .Select(p => new { p.Code, p.Name, p.Field, p.ValidFrom })
            .ToListAsync(ct);
        var latest = catalogue.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.ValidFrom).First());
        var byProcedure = await IndicatorQueries.CountsAsync(db, unit.Path, from, to,
            a => kind == Breakdown.Procedure ? a.ProcedureCode : latest.TryGetValue(a.ProcedureCode, out var p) && p.Field.Length > 0 ? p.Field : "—",
            byProcedure: true, ct);
        string KeyOf(string code) => kind == Breakdown.Procedure ? code : latest.TryGetValue(code, out var p) && p.Field.Length > 0 ? p.Field : "—";
        var pendingByKey = (await PendingAsync(unit.Path, ct)).Where(p => p.On >= from && p.On <= to)
            .GroupBy(p => KeyOf(p.ProcedureCode)).ToDictionary(g => g.Key, g => (long)g.Count());
        return [.. byProcedure.Select(kv => Row(
                kv.Key, kind == Breakdown.Procedure && latest.TryGetValue(kv.Key, out var p) ? p.Name : kv.Key,
                kv.Value with { AckPendingInTime = pendingByKey.GetValueOrDefault(kv.Key) }))
            .OrderByDescending(r => r.Received).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>The ranking of the child units from aggregate rows that hold at least the period's and its prefix's ranges.</summary>
    private async Task<List<BreakdownRow>> UnitBreakdownAsync(OrgUnit unit, DateOnly from, DateOnly to, List<IndicatorAggregate> rows, CancellationToken ct)
    {
        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.Code).ToListAsync(ct);
        // A row's child is found once per unit path, not once per row.
        var childOf = new Dictionary<string, string>(StringComparer.Ordinal);
        string ChildOf(string path)
        {
            if (!childOf.TryGetValue(path, out var code))
            {
                childOf[path] = code = children.FirstOrDefault(c => path.StartsWith(c.Path, StringComparison.Ordinal))?.Code ?? unit.Code;
            }

            return code;
        }

        var byChild = IndicatorQueries.Sum(rows, Grains.Cover(from, to), Grains.Cover(Grains.Origin, to), a => ChildOf(a.UnitPath));
        var names = children.ToDictionary(c => c.Code, c => c.Name);
        names[unit.Code] = unit.Name;
        var pendingByChild = (await PendingAsync(unit.Path, ct)).Where(p => p.On >= from && p.On <= to)
            .GroupBy(p => ChildOf(p.UnitPath))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        return [.. byChild.Select(kv => Row(kv.Key, names.GetValueOrDefault(kv.Key, kv.Key), kv.Value with { AckPendingInTime = pendingByChild.GetValueOrDefault(kv.Key) }))
            .OrderByDescending(r => r.Indicators["onTimeRate"] ?? -1).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Online submissions of the period still unanswered within their 8 working hours: they leave the acknowledgement rate's
    /// denominator until answered or overdue. Only dossiers awaiting reception can be unanswered (Workflow), a small indexed set.
    /// </summary>
    private async Task<List<(string UnitPath, string ProcedureCode, DateOnly On)>> PendingAsync(string unitPath, CancellationToken ct)
    {
        if (!_pending.TryGetValue(unitPath, out var list))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var rows = await db.Dossiers.AsNoTracking()
                .Where(d => d.Status == DossierStatus.AwaitingReception && d.Channel == Channel.Online && d.AcknowledgedAtUtc == null
                    && d.AckDeadlineUtc > now && d.SubmittedAtUtc != null && d.ReceivingUnitPath.StartsWith(unitPath))
                .Select(d => new { d.ReceivingUnitPath, d.ProcedureCode, Submitted = d.SubmittedAtUtc!.Value })
                .ToListAsync(ct);
            _pending[unitPath] = list = [.. rows.Select(r => (r.ReceivingUnitPath, r.ProcedureCode, VietnamTime.LocalDate(r.Submitted)))];
        }

        return list;
    }

    private static BreakdownRow Row(string key, string name, IndicatorCounts c) =>
        new(key, name, c.Received, c.Population, IndicatorSet.From(c).ByKey());

    /// <summary>The procedures offered in the subtree today: fully online ones, and fee-bearing ones offered online (payable online).</summary>
    private Task<List<ProcedureFacts>> ProcedureFactsAsync(string unitPath, DateOnly today, CancellationToken ct) =>
        cache.GetAsync("procedures", unitPath, today, () => LoadProcedureFactsAsync(db, unitPath, today, ct));

    internal static async Task<List<ProcedureFacts>> LoadProcedureFactsAsync(AppDbContext db, string unitPath, DateOnly today, CancellationToken ct)
    {
        var codes = await db.UnitProcedures.AsNoTracking()
            .Where(up => up.Unit!.Path.StartsWith(unitPath) && up.ValidFrom <= today && (up.ValidTo == null || up.ValidTo >= today))
            .Select(up => up.ProcedureCode).Distinct().ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking()
            .Where(p => codes.Contains(p.Code) && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today))
            .ToListAsync(ct);
        return [.. procedures.Select(p => new ProcedureFacts(p.OnlineMode == OnlineMode.Full, p.HasFee, p.HasFee && p.OnlineMode != OnlineMode.None))];
    }

    /// <summary>The plan targets that measure a dossier indicator, from plans issued by the unit or one of its ancestors.</summary>
    private async Task<Dictionary<string, TargetView>> TargetsAsync(OrgUnit unit, int year, IReadOnlyDictionary<string, double?> current, CancellationToken ct)
    {
        var level = unit.Kind == UnitKind.Commune ? "commune" : "district";
        var targets = await cache.GetAsync("targets", unit.Path, default, () => planTargets.ForUnitAsync(unit, ct));

        var result = new Dictionary<string, TargetView>(StringComparer.Ordinal);
        foreach (var key in current.Keys.Where(k => k != "postalCount"))
        {
            var value = current[key];
            // The year's target first; at equal distance a level-specific one, then the unit's own plan, its ancestors' (nearest first), its descendants'.
            var target = targets
                .Where(t => t.IndicatorKey == key && (t.Scope is null || t.Scope == level))
                .OrderBy(t => Math.Abs(t.Year - year)).ThenByDescending(t => t.Scope is not null).ThenBy(t => Nearness(unit.Path, t.IssuingUnitPath)).FirstOrDefault();
            double? planValue = target is null ? null : (double)target.Value / (target.Unit.StartsWith('%') ? 100 : 1);
            double? fullScore = IndicatorSet.FullScoreThresholds.TryGetValue(key, out var f) ? f : null;
            var comparison = target?.Comparison ?? TargetComparison.AtLeast;
            result[key] = new TargetView(
                key, value, target?.Code, target?.Text, planValue, target?.Comparison, target?.Year,
                Gap(value, planValue, comparison), fullScore, Gap(value, fullScore, TargetComparison.AtLeast))
            {
                PlanId = target?.PlanId,
                PlanTitle = target?.PlanTitle,
                PlanPeriodFrom = target?.PeriodFrom,
                PlanPeriodTo = target?.PeriodTo,
                ComparisonSymbol = target is null ? null : TargetComparisons.Symbol(comparison),
                Met = value is { } v && planValue is { } pv ? TargetComparisons.Met(v, pv, comparison) : null,
            };
        }

        return result;
    }

    /// <summary>How far the current value still is from the target (0 once reached); null when either is unknown.</summary>
    public static double? Gap(double? current, double? target, TargetComparison comparison) =>
        current is not { } c || target is not { } t ? null : TargetComparisons.Gap(c, t, comparison);

    /// <summary>0 for the unit's own plan, 1 + depth difference for an ancestor's, 1000 + depth for a descendant's (or unknown).</summary>
    private static int Nearness(string unitPath, string? issuingPath) =>
        issuingPath is null ? int.MaxValue
        : issuingPath == unitPath ? 0
        : unitPath.StartsWith(issuingPath, StringComparison.Ordinal) ? 1 + unitPath.Count(c => c == '/') - issuingPath.Count(c => c == '/')
        : 1000 + issuingPath.Count(c => c == '/');

    private static DateOnly? ShiftYear(DateOnly d, int year) =>
        year is < 1990 or > 9998 ? null : new DateOnly(year, d.Month, Math.Min(d.Day, DateTime.DaysInMonth(year, d.Month)));
}
