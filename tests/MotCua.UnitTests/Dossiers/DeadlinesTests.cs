using MotCua.Domain.Dossiers;

namespace MotCua.UnitTests.Dossiers;

public sealed class DeadlinesTests
{
    private static readonly HashSet<DateOnly> Holidays = [new(2026, 9, 2), new(2026, 9, 1)];

    // Test calendar: Monday–Friday minus the holidays above; counts d with from < d ≤ to.
    private static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(d))
            {
                n++;
            }
        }

        return n;
    }

    [Theory]
    [InlineData("2026-10-08", "2026-10-07", DeadlineStatus.Late, "Quá hạn")]          // a day late
    [InlineData("2026-10-08", "2026-10-08", DeadlineStatus.DueSoon, "Sắp đến hạn")]   // due today
    [InlineData("2026-10-08", "2026-10-09", DeadlineStatus.DueSoon, "Sắp đến hạn")]   // Thu, due Fri
    [InlineData("2026-10-09", "2026-10-12", DeadlineStatus.DueSoon, "Sắp đến hạn")]   // Fri, due Mon: one working day
    [InlineData("2026-10-08", "2026-10-12", DeadlineStatus.OnTime, "Còn hạn")]        // Thu, due Mon: two working days
    [InlineData("2026-08-31", "2026-09-03", DeadlineStatus.DueSoon, "Sắp đến hạn")]   // Mon, due Thu across the 1–2/9 holidays
    [InlineData("2026-08-28", "2026-09-03", DeadlineStatus.OnTime, "Còn hạn")]        // Fri, due Thu: Mon and Thu
    public void Evaluate_colours_by_working_days_left(string today, string due, DeadlineStatus status, string label)
    {
        var state = Deadlines.Evaluate(DateOnly.Parse(today), DateOnly.Parse(due), WorkingDaysBetween);

        Assert.Equal(status, state.Status);
        Assert.Equal(label, state.Label);
        Assert.Same(Deadlines.For(status), state);
    }

    [Fact]
    public void Late_does_not_ask_the_calendar()
    {
        var state = Deadlines.Evaluate(new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 8), (_, _) => throw new InvalidOperationException());
        Assert.Equal(DeadlineStatus.Late, state.Status);
    }

    [Fact]
    public void Every_status_carries_a_text_label_and_a_distinct_class()
    {
        var states = Enum.GetValues<DeadlineStatus>().Select(Deadlines.For).ToList();
        Assert.All(states, s => Assert.False(string.IsNullOrWhiteSpace(s.Label)));
        Assert.Equal(states.Count, states.Select(s => s.CssClass).Distinct().Count());
        Assert.Equal(states.Count, states.Select(s => s.Label).Distinct().Count());
    }

    [Theory]
    [InlineData("2026-10-07", "Trước hạn")]
    [InlineData("2026-10-08", "Đúng hạn")]
    [InlineData("2026-10-09", "Trễ hạn")]
    public void Outcome_for_the_control_sheet(string finished, string expected) =>
        Assert.Equal(expected, Deadlines.Outcome(DateOnly.Parse(finished), new DateOnly(2026, 10, 8)));
}
