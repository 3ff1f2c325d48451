using MotCua.Domain.Calendar;

namespace MotCua.UnitTests.Calendar;

/// <summary>The calendar built from the shared holidays-vn.csv, loaded once for all tests.</summary>
internal static class OfficialCalendar
{
    private static readonly Lazy<WorkingCalendar> Lazy = new(() => new WorkingCalendar(Entries()));

    public static WorkingCalendar Instance => Lazy.Value;

    public static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "Calendar", "Data", file);

    public static List<CalendarEntry> Entries()
    {
        using var reader = File.OpenText(DataPath("holidays-vn.csv"));
        var (rows, errors) = CalendarCsv.Parse(reader);
        Assert.Empty(errors);
        return [.. rows.Select(r => r.Entry)];
    }
}
