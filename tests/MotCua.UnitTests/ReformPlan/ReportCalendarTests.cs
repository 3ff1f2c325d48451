using MotCua.Domain.ReformPlan;

namespace MotCua.UnitTests.ReformPlan;

public sealed class ReportCalendarTests
{
    private static readonly ReportRule YearlyPlan = new(ReportKind.YearlyPlan, 15, -13);
    private static readonly ReportRule Monthly = new(ReportKind.Monthly, 20, 0);
    private static readonly ReportRule Quarterly = new(ReportKind.Quarterly, 20, 0);

    [Fact]
    public void Yearly_plan_is_due_on_15_november_of_the_year_before() =>
        Assert.Equal(new DateOnly(2024, 11, 15), Assert.Single(YearlyPlan.PeriodsOf(2025)).Due);

    [Fact]
    public void Quarterly_reports_fall_in_the_last_month_of_each_quarter() =>
        Assert.Equal(
            [new(2025, 3, 20), new(2025, 6, 20), new(2025, 9, 20), new DateOnly(2025, 12, 20)],
            Quarterly.PeriodsOf(2025).Select(p => p.Due));

    [Fact]
    public void Due_day_is_clamped_to_short_months() =>
        Assert.Equal(new DateOnly(2025, 2, 28), new ReportRule(ReportKind.Monthly, 31, 0).Period(2025, 2).Due);

    [Fact]
    public void Late_lists_past_due_unsubmitted_reports_of_existing_units_only()
    {
        var units = new[] { new ReportingUnit(1, new(2008, 1, 1), null), new ReportingUnit(2, new(2008, 1, 1), new(2025, 2, 28)) };
        var submitted = new HashSet<(int, ReportKind, int, int)> { (1, ReportKind.Quarterly, 2025, 1) };
        var late = ReportCalendar.Late([Quarterly], units, submitted, new DateOnly(2025, 6, 21)).ToList();

        // Unit 1 sent Q1 and misses Q2; unit 2 ceased on 28/02 so owes neither.
        Assert.Equal([(1, 2)], late.Select(m => (m.UnitId, m.Period.Period)));
    }

    [Fact]
    public void Report_is_not_late_on_its_due_day()
    {
        var units = new[] { new ReportingUnit(1, new(2008, 1, 1), null) };
        Assert.Empty(ReportCalendar.Late([Monthly], units, new HashSet<(int, ReportKind, int, int)>(), new DateOnly(2025, 1, 20)));
        Assert.Single(ReportCalendar.Late([Monthly], units, new HashSet<(int, ReportKind, int, int)>(), new DateOnly(2025, 1, 21)));
    }

    [Fact]
    public void Reminders_cover_deadlines_within_the_window_including_next_years_plan()
    {
        var units = new[] { new ReportingUnit(1, new(2008, 1, 1), null) };
        var reminders = ReportCalendar.Reminders([(YearlyPlan, 10), (Monthly, 3)], units, new HashSet<(int, ReportKind, int, int)>(), new DateOnly(2025, 11, 7)).ToList();
        Assert.Equal([(ReportKind.YearlyPlan, 2026, 0)], reminders.Select(r => (r.Period.Kind, r.Period.Year, r.Period.Period)));
    }
}
