using MotCua.Domain.Calendar;

namespace MotCua.UnitTests.Calendar;

public sealed class WorkingHoursTests
{
    private static readonly WorkingCalendar Cal = OfficialCalendar.Instance;

    [Theory]
    [InlineData("2025-06-02 08:00", 8, "2025-06-03 08:00")]   // 3.5 h morning + 3.5 h afternoon + 1 h next morning
    [InlineData("2025-06-02 06:00", 8, "2025-06-02 17:00")]   // before opening: starts at 7:00, a full day
    [InlineData("2025-06-02 12:00", 2, "2025-06-02 15:30")]   // lunch break: starts at 13:30
    [InlineData("2025-06-06 16:00", 8, "2025-06-09 16:00")]   // Friday afternoon → Monday
    [InlineData("2025-06-02 18:00", 1, "2025-06-03 08:00")]   // after closing: next morning
    [InlineData("2025-04-29 16:00", 8, "2025-05-05 16:00")]   // 30/4–4/5 off
    [InlineData("2025-04-25 16:00", 2, "2025-04-26 08:00")]   // make-up Saturday is worked
    [InlineData("2025-06-02 09:00", 2.5, "2025-06-02 11:30")] // ends exactly at the lunch break
    public void Adding_working_hours_skips_breaks_nights_and_days_off(string start, double hours, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var result = Cal.AddWorkingHours(DateTime.ParseExact(start, "yyyy-MM-dd HH:mm", culture), hours);
        Assert.Equal(DateTime.ParseExact(expected, "yyyy-MM-dd HH:mm", culture), result);
    }

    [Fact]
    public void Office_hours_are_configurable_per_unit()
    {
        var hours = WorkingHours.Parse("07:30-11:30,13:00-17:00")!;
        var unit = new WorkingCalendar(OfficialCalendar.Entries(), hours: hours);
        Assert.Equal(TimeSpan.FromHours(8), hours.PerDay);
        Assert.Equal(new DateTime(2025, 6, 2, 17, 0, 0), unit.AddWorkingHours(new DateTime(2025, 6, 2, 7, 30, 0), 8));
        Assert.Equal(new DateTime(2025, 6, 3, 8, 30, 0), unit.AddWorkingHours(new DateTime(2025, 6, 2, 7, 30, 0), 9));
    }

    [Theory]
    [InlineData("")]
    [InlineData("7-11")]
    [InlineData("11:30-07:00")]
    [InlineData("07:00-12:00,11:00-17:00")]
    public void Malformed_office_hours_are_rejected(string text)
    {
        Assert.Null(WorkingHours.Parse(text));
    }
}
