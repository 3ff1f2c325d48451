namespace MotCua.Domain.ReformPlan;

public enum ReportKind
{
    /// <summary>The unit's reform plan for a year, due before 15/11 of the year before.</summary>
    YearlyPlan,
    Monthly,
    Quarterly,
    SixMonth,
    Yearly,
}

/// <summary>One reporting period: <see cref="Period"/> is the month, quarter or half (0 for yearly kinds).</summary>
public readonly record struct ReportPeriod(ReportKind Kind, int Year, int Period, DateOnly Due)
{
    public string Label => Kind switch
    {
        ReportKind.YearlyPlan => $"Kế hoạch năm {Year}",
        ReportKind.Monthly => $"Tháng {Period}/{Year}",
        ReportKind.Quarterly => $"Quý {Period}/{Year}",
        ReportKind.SixMonth => $"6 tháng đầu năm {Year}",
        _ => $"Năm {Year}",
    };
}

/// <summary>
/// Due date = day <see cref="DueDay"/> of the period's last month shifted by <see cref="DueMonthOffset"/> months
/// (clamped to the month's length). The yearly plan is day 15, offset −13: 15/11 of the year before.
/// </summary>
public sealed record ReportRule(ReportKind Kind, int DueDay, int DueMonthOffset)
{
    public IEnumerable<ReportPeriod> PeriodsOf(int year)
    {
        foreach (var (period, lastMonth) in Kind switch
        {
            ReportKind.Monthly => Enumerable.Range(1, 12).Select(m => (m, m)),
            ReportKind.Quarterly => Enumerable.Range(1, 4).Select(q => (q, q * 3)),
            ReportKind.SixMonth => [(1, 6)],
            _ => [(0, 12)],
        })
        {
            yield return new ReportPeriod(Kind, year, period, DueOf(year, lastMonth));
        }
    }

    public ReportPeriod Period(int year, int period) =>
        PeriodsOf(year).FirstOrDefault(p => p.Period == period) is { Due.Year: > 1 } p
            ? p
            : throw new ArgumentOutOfRangeException(nameof(period), period, "No such period for " + Kind);

    private DateOnly DueOf(int year, int lastMonth)
    {
        var first = new DateOnly(year, lastMonth, 1).AddMonths(DueMonthOffset);
        return new DateOnly(first.Year, first.Month, Math.Min(DueDay, DateTime.DaysInMonth(first.Year, first.Month)));
    }
}

/// <summary>A unit that must report while it exists (<see cref="To"/> inclusive, null while current).</summary>
public readonly record struct ReportingUnit(int Id, DateOnly From, DateOnly? To)
{
    public bool ExistsOn(DateOnly d) => From <= d && (To is null || d <= To);
}

/// <summary>One unit missing one period's report.</summary>
public readonly record struct MissingReport(int UnitId, ReportPeriod Period);

public static class ReportCalendar
{
    /// <summary>
    /// Reports of the year of <paramref name="on"/> whose due date has passed (due &lt; on) and that the unit has not submitted.
    /// <paramref name="submitted"/> holds (unit, kind, year, period) of submitted reports, returned ones excluded by the caller.
    /// </summary>
    public static IEnumerable<MissingReport> Late(
        IEnumerable<ReportRule> rules, IEnumerable<ReportingUnit> units, ISet<(int Unit, ReportKind Kind, int Year, int Period)> submitted, DateOnly on)
    {
        var unitList = units.ToList();
        foreach (var rule in rules)
        {
            foreach (var p in rule.PeriodsOf(on.Year).Where(p => p.Due < on))
            {
                foreach (var u in unitList.Where(u => u.ExistsOn(p.Due) && !submitted.Contains((u.Id, p.Kind, p.Year, p.Period))))
                {
                    yield return new MissingReport(u.Id, p);
                }
            }
        }
    }

    /// <summary>Reports not yet submitted whose due date falls within each rule's reminder window (on &lt;= due &lt;= on + days).</summary>
    public static IEnumerable<MissingReport> Reminders(
        IEnumerable<(ReportRule Rule, int DaysBefore)> rules, IEnumerable<ReportingUnit> units, ISet<(int Unit, ReportKind Kind, int Year, int Period)> submitted, DateOnly on)
    {
        var unitList = units.ToList();
        foreach (var (rule, days) in rules)
        {
            foreach (var p in new[] { on.Year, on.Year + 1 }.SelectMany(rule.PeriodsOf).Where(p => p.Due >= on && p.Due <= on.AddDays(days)))
            {
                foreach (var u in unitList.Where(u => u.ExistsOn(p.Due) && !submitted.Contains((u.Id, p.Kind, p.Year, p.Period))))
                {
                    yield return new MissingReport(u.Id, p);
                }
            }
        }
    }
}
