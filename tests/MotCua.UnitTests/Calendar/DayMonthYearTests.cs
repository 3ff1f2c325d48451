using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.UnitTests.Calendar;

public sealed class DayMonthYearTests
{
    [Theory]
    [InlineData("07/12/2026", 2026, 12, 7)]
    [InlineData("7/12/2026", 2026, 12, 7)]
    [InlineData(" 07/12/2026 ", 2026, 12, 7)]
    [InlineData("7-12-2026", 2026, 12, 7)]
    [InlineData("7.12.2026", 2026, 12, 7)]
    [InlineData("2026-12-07", 2026, 12, 7)]
    [InlineData("31/01/2026", 2026, 1, 31)]
    [InlineData("29/02/2028", 2028, 2, 29)]
    public void Reads_day_first_and_iso(string text, int y, int m, int d)
    {
        Assert.True(DayMonthYear.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12/31/2026")] // month-first (en-US) is never guessed
    [InlineData("29/02/2026")]
    [InlineData("32/01/2026")]
    [InlineData("07/12/26")]
    [InlineData("hôm nay")]
    [InlineData("2026-12-7T00:00")]
    public void Refuses_what_is_not_a_date(string? text) => Assert.False(DayMonthYear.TryParse(text, out _));

    [Fact]
    public void Formats_day_first_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("en-US");
            Assert.Equal("07/12/2026", DayMonthYear.Format(new DateOnly(2026, 12, 7)));
            Assert.Equal("07/12/2026", DayMonthYear.Display("2026-12-07"));
            Assert.Equal("7/12", DayMonthYear.Display("7/12"));
            Assert.Null(DayMonthYear.Display(null));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Every_day_round_trips_through_its_display()
    {
        for (var day = new DateOnly(2019, 1, 1); day < new DateOnly(2029, 1, 1); day = day.AddDays(1))
        {
            Assert.True(DayMonthYear.TryParse(DayMonthYear.Format(day), out var back));
            Assert.Equal(day, back);
        }
    }
}
