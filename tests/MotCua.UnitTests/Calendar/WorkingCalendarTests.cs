using MotCua.Domain.Calendar;

namespace MotCua.UnitTests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = OfficialCalendar.Instance;

    [Theory]
    [InlineData(2025, 4, 26, true)]   // make-up Saturday
    [InlineData(2025, 4, 30, false)]  // Ngày Chiến thắng
    [InlineData(2025, 5, 2, false)]   // swapped day
    [InlineData(2025, 6, 7, false)]   // ordinary Saturday
    [InlineData(2025, 6, 9, true)]    // ordinary Monday
    [InlineData(2026, 11, 24, false)] // Ngày Văn hóa Việt Nam
    public void Is_working_day_follows_weekdays_and_declared_days(int y, int m, int d, bool working)
    {
        Assert.Equal(working, Cal.IsWorkingDay(new DateOnly(y, m, d)));
    }

    [Fact]
    public void Counting_working_days_excludes_the_start_and_includes_the_end()
    {
        Assert.Equal(5, Cal.CountWorkingDays(new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 10)));
        Assert.Equal(0, Cal.CountWorkingDays(new DateOnly(2024, 6, 8), new DateOnly(2024, 6, 9)));
        Assert.Equal(-5, Cal.CountWorkingDays(new DateOnly(2024, 6, 10), new DateOnly(2024, 6, 3)));
    }

    [Fact]
    public void A_local_entry_overrides_the_national_calendar()
    {
        var local = new WorkingCalendar(OfficialCalendar.Entries(), [new CalendarEntry(new DateOnly(2025, 6, 9), CalendarDayKind.Holiday, "Ngày hội địa phương (dữ liệu mẫu)")]);
        Assert.False(local.IsWorkingDay(new DateOnly(2025, 6, 9)));
        Assert.Equal(new DateOnly(2025, 6, 10), local.DueDate(new DateOnly(2025, 6, 6), 1));
        Assert.Equal(new DateOnly(2025, 6, 9), Cal.DueDate(new DateOnly(2025, 6, 6), 1));
    }

    [Fact]
    public void Dates_outside_the_supported_years_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.IsWorkingDay(new DateOnly(1999, 12, 31)));
        Assert.False(WorkingCalendar.IsSupported(new DateOnly(2101, 1, 1)));
        Assert.True(WorkingCalendar.IsSupported(new DateOnly(2100, 12, 31)));
        // 31/12/2100 is a Friday; 1/1/2101 (Saturday, statutory) moves to Monday 3/1.
        Assert.Equal(new DateOnly(2101, 1, 4), Cal.DueDate(new DateOnly(2100, 12, 31), 1));
    }

    [Fact]
    public void Zero_or_negative_working_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.DueDate(new DateOnly(2025, 6, 2), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.DueDate(new DateOnly(2025, 6, 2), -1));
    }

    [Fact]
    public void Pause_validation_rejects_reversed_and_overlapping_pauses()
    {
        var received = new DateOnly(2025, 6, 2);
        Assert.Equal("end-before-start", WorkingCalendar.ValidatePauses(received, [new Pause(new DateOnly(2025, 6, 5), new DateOnly(2025, 6, 4))]));
        Assert.Equal("out-of-order", WorkingCalendar.ValidatePauses(received, [new Pause(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 4))]));
        Assert.Equal("out-of-order", WorkingCalendar.ValidatePauses(received,
            [new Pause(new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 6)), new Pause(new DateOnly(2025, 6, 5), new DateOnly(2025, 6, 9))]));
        Assert.Null(WorkingCalendar.ValidatePauses(received, [new Pause(new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 3))]));
    }

    [Fact]
    public void Statutory_estimate_moves_weekend_holidays_to_the_next_free_weekday()
    {
        // 2033: 30/4 Sat, 1/5 Sun → Mon 2/5 and Tue 3/5.
        var days = WorkingCalendar.StatutoryHolidays(2033).Select(e => e.Date).ToHashSet();
        Assert.Contains(new DateOnly(2033, 5, 2), days);
        Assert.Contains(new DateOnly(2033, 5, 3), days);
        Assert.DoesNotContain(WorkingCalendar.StatutoryHolidays(2033), e => e.Name.Contains("Tết Nguyên đán", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_rows_with_errors_are_reported_by_line()
    {
        var csv = "date,name,kind,source\n2025-01-01,Tết,holiday,x\n2025-13-01,Sai,holiday,\n2025-02-01,Sai loại,holidays,\n2025-03-01,\"Tên, có phẩy\",makeup_workday,\"a, b\"\n";
        var (rows, errors) = CalendarCsv.Parse(new StringReader(csv));
        Assert.Equal(2, rows.Count);
        Assert.Equal("Tên, có phẩy", rows[1].Entry.Name);
        Assert.Equal("a, b", rows[1].Entry.Source);
        Assert.Equal([3, 4], errors.Select(e => e.Line));
    }
}
