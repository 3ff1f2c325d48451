using MotCua.Domain.Calendar;

namespace MotCua.UnitTests.Calendar;

public sealed class ExplanationTests
{
    private static readonly WorkingCalendar Cal = OfficialCalendar.Instance;

    [Fact]
    public void Explanation_names_every_holiday_skipped_and_each_weekend()
    {
        var result = Cal.Explain(new DateOnly(2025, 4, 29), 1);
        var texts = result.Lines.Select(l => l.Text).ToArray();
        Assert.Equal(new DateOnly(2025, 5, 5), result.DueDate);
        Assert.Contains("30/04/2025 Ngày Chiến thắng", texts);
        Assert.Contains("01/05/2025 Ngày Quốc tế Lao động", texts);
        Assert.Contains(texts, t => t.StartsWith("02/05/2025 Nghỉ hoán đổi", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("03/05/2025 Kỳ nghỉ 30/4", StringComparison.Ordinal));
        Assert.Equal(5, result.Lines.Count(l => l.Kind == ExplanationKind.Holiday));
    }

    [Fact]
    public void Plain_weekends_are_grouped_and_named()
    {
        var result = Cal.Explain(new DateOnly(2024, 6, 7), 1);
        var weekend = Assert.Single(result.Lines, l => l.Kind == ExplanationKind.Weekend);
        Assert.Equal("08/06/2024–09/06/2024 Thứ Bảy, Chủ nhật (nghỉ cuối tuần)", weekend.Text);
    }

    [Fact]
    public void Make_up_Saturdays_counted_are_listed()
    {
        var result = Cal.Explain(new DateOnly(2025, 4, 25), 3);
        var makeup = Assert.Single(result.Lines, l => l.Kind == ExplanationKind.MakeupWorkday);
        Assert.Equal(new DateOnly(2025, 4, 26), makeup.From);
        Assert.Contains("làm việc bù", makeup.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pauses_are_explained_with_days_kept_and_left()
    {
        var result = Cal.Explain(new DateOnly(2024, 6, 3), 5, [new Pause(new DateOnly(2024, 6, 5), new DateOnly(2024, 6, 10))]);
        Assert.Equal(new DateOnly(2024, 6, 13), result.DueDate);
        var pause = Assert.Single(result.Lines, l => l.Kind == ExplanationKind.Pause);
        Assert.Contains("2 ngày làm việc đã dùng", pause.Text, StringComparison.Ordinal);
        Assert.Contains("còn 3 ngày", pause.Text, StringComparison.Ordinal);
        // The weekend 8–9/6 lies inside the pause: it is not a skipped day.
        Assert.DoesNotContain(result.Lines, l => l.Kind == ExplanationKind.Weekend);
        Assert.Equal(ExplanationKind.Due, result.Lines[^1].Kind);
        Assert.Contains("13/06/2024 (thứ Năm)", result.Lines[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_non_working_day_between_receipt_and_due_date_is_accounted_for()
    {
        var received = new DateOnly(2026, 2, 10);
        var result = Cal.Explain(received, 10);
        var covered = result.Lines.Where(l => l.Kind is ExplanationKind.Holiday or ExplanationKind.Weekend)
            .SelectMany(l => Enumerable.Range(0, l.To.DayNumber - l.From.DayNumber + 1).Select(i => l.From.AddDays(i)))
            .ToHashSet();
        for (var d = received.AddDays(1); d <= result.DueDate; d = d.AddDays(1))
        {
            Assert.Equal(!Cal.IsWorkingDay(d), covered.Contains(d));
        }
    }
}
