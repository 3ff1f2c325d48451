using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.UnitTests.Calendar;

namespace MotCua.UnitTests.Dossiers;

public sealed class AcknowledgementTests
{
    private static readonly DateTime Noon = new(2025, 6, 3, 5, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Rate_counts_on_time_and_still_within_deadline_over_all_submissions()
    {
        AcknowledgementFact[] facts =
        [
            new(Noon, Noon.AddHours(20), Noon.AddHours(1)), // on time
            new(Noon, Noon.AddHours(20), Noon.AddHours(20)), // on time, at the deadline
            new(Noon, Noon.AddHours(20), Noon.AddHours(21)), // late
            new(Noon, Noon.AddHours(30), null), // pending, still within
            new(Noon, Noon.AddHours(5), null), // pending, overdue
        ];

        var rate = Acknowledgement.Rate(facts, Noon.AddHours(24));

        Assert.Equal(new AcknowledgementRate(2, 1, 1, 1), rate);
        Assert.Equal(60.0, rate.Percent);
    }

    [Fact]
    public void Rate_of_nothing_is_unknown_not_zero()
    {
        Assert.Null(Acknowledgement.Rate([], Noon).Percent);
    }

    [Fact]
    public void Working_time_between_skips_lunch_nights_and_the_weekend()
    {
        var calendar = OfficialCalendar.Instance;
        // Friday 06/06/2025 16:00 → Monday 09/06/2025 08:00: one hour on Friday, one on Monday.
        var between = WorkingTime.Between(calendar, new DateTime(2025, 6, 6, 16, 0, 0), new DateTime(2025, 6, 9, 8, 0, 0));
        Assert.Equal(TimeSpan.FromHours(2), between);

        // 11:00 → 14:00 on a Tuesday: 30 minutes before lunch, 30 after.
        Assert.Equal(TimeSpan.FromHours(1), WorkingTime.Between(calendar, new DateTime(2025, 6, 3, 11, 0, 0), new DateTime(2025, 6, 3, 14, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(-1), WorkingTime.Between(calendar, new DateTime(2025, 6, 3, 14, 0, 0), new DateTime(2025, 6, 3, 11, 0, 0)));
    }

    [Theory]
    [InlineData(2025, 6, 6, 15, 0, 8.0)]
    [InlineData(2025, 6, 3, 11, 15, 8.0)]
    [InlineData(2025, 4, 29, 16, 45, 3.5)]
    public void Working_time_between_inverts_AddWorkingHours(int y, int mo, int d, int h, int mi, double hours)
    {
        var calendar = OfficialCalendar.Instance;
        var start = new DateTime(y, mo, d, h, mi, 0);
        var end = calendar.AddWorkingHours(start, hours);

        Assert.Equal(TimeSpan.FromHours(hours), WorkingTime.Between(calendar, start, end));
    }
}
