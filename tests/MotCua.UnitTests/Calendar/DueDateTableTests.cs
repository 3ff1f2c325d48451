using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.UnitTests.Calendar;

public sealed class DueDateTableTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Pause[] Pauses(string pauses) =>
        [.. pauses.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('/')).Select(p => new Pause(D(p[0]), D(p[1])))];

    /// <summary>The twelve worked cases of the shared due-date-examples.csv, read from the file itself.</summary>
    public static TheoryData<string, int, string> SharedExamples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var line in File.ReadLines(OfficialCalendar.DataPath("due-date-examples.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            data.Add(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SharedExamples))]
    public void Shared_examples_give_their_due_date(string received, int days, string due)
    {
        Assert.Equal(D(due), OfficialCalendar.Instance.DueDate(D(received), days));
    }

    [Fact]
    public void All_twelve_shared_examples_are_read()
    {
        Assert.Equal(12, SharedExamples().Count);
    }

    // Expected values computed by hand from holidays-vn.csv; the comment names the days skipped.
    [Theory]
    // Tết
    [InlineData("2025-01-24", 1, "", "2025-02-03")]                    // 25/1–2/2 Tết Ất Tỵ
    [InlineData("2025-01-23", 3, "", "2025-02-04")]                    // 24/1, then 3/2, 4/2
    [InlineData("2023-01-19", 2, "", "2023-01-30")]                    // 20–26/1 Tết, 28–29/1 weekend
    [InlineData("2026-02-13", 1, "", "2026-02-23")]                    // 14–22/2 Tết Bính Ngọ
    [InlineData("2025-01-02", 20, "", "2025-02-06")]                   // 16 days in January, Tết, 4 in February
    // 30/4 – 1/5 and make-up Saturdays
    [InlineData("2025-04-25", 1, "", "2025-04-26")]                    // Saturday 26/4/2025 is worked
    [InlineData("2025-04-25", 3, "", "2025-04-29")]                    // 26/4 (Sat, worked), 28/4, 29/4
    [InlineData("2025-04-29", 1, "", "2025-05-05")]                    // 30/4–4/5 off
    [InlineData("2025-04-21", 15, "", "2025-05-14")]
    [InlineData("2024-04-26", 1, "", "2024-05-02")]                    // 27–28 weekend, 29 swapped, 30/4, 1/5
    [InlineData("2024-05-02", 3, "", "2024-05-06")]                    // 3/5, Sat 4/5 worked, 6/5
    [InlineData("2026-01-09", 1, "", "2026-01-10")]                    // Saturday 10/1/2026 is worked
    // 2/9
    [InlineData("2025-08-28", 2, "", "2025-09-03")]                    // 29/8, then 30/8–2/9 off
    [InlineData("2024-08-30", 1, "", "2024-09-04")]                    // 31/8–3/9 off
    [InlineData("2026-08-21", 1, "", "2026-08-22")]                    // Saturday 22/8/2026 is worked
    [InlineData("2026-08-28", 1, "", "2026-09-03")]                    // 29/8–2/9 off
    // Holidays on a weekend moved to the next working day
    [InlineData("2023-04-28", 1, "", "2023-05-04")]                    // Giỗ Tổ Sat 29/4, 30/4 Sun → 2/5, 3/5
    [InlineData("2022-04-29", 1, "", "2022-05-04")]                    // 30/4 Sat, 1/5 Sun → 2/5, 3/5
    [InlineData("2026-11-23", 1, "", "2026-11-25")]                    // 24/11/2026 Ngày Văn hóa Việt Nam
    // Year boundaries
    [InlineData("2022-12-30", 1, "", "2023-01-03")]                    // 31/12 Sat, 1/1 Sun, 2/1 compensatory
    [InlineData("2025-12-31", 1, "", "2026-01-05")]                    // 1/1, 2/1 swapped, 3–4/1 weekend
    // Pauses (supplement requested / received)
    [InlineData("2024-06-03", 5, "", "2024-06-10")]                    // docs/domain.md §5 without pause
    [InlineData("2024-06-03", 5, "2024-06-05/2024-06-10", "2024-06-13")] // docs/domain.md §5 example
    [InlineData("2024-02-05", 5, "2024-02-06/2024-02-07", "2024-02-20")] // 1 used, Tết 8–14/2, 15, 16, 19, 20
    [InlineData("2025-04-21", 5, "2025-04-23/2025-05-06", "2025-05-09")] // 2 used, resumes 7/5
    [InlineData("2024-04-26", 3, "2024-04-27/2024-05-02", "2024-05-06")] // request on a day off uses nothing
    [InlineData("2024-06-03", 2, "2024-06-06/2024-06-10", "2024-06-05")] // pause after the deadline changes nothing
    [InlineData("2024-06-03", 5, "2024-06-04/2024-06-05 2024-06-07/2024-06-10", "2024-06-12")] // two pauses
    [InlineData("2024-06-03", 5, "2024-06-05/2024-06-05", "2024-06-10")] // a same-day pause costs nothing
    public void Due_date_matches_hand_computed_value(string received, int days, string pauses, string due)
    {
        Assert.Equal(D(due), OfficialCalendar.Instance.DueDate(D(received), days, Pauses(pauses)));
    }

    [Theory]
    [InlineData("2020-12-31", 1, "2021-01-04")]  // 2020 has no data; 1/1/2021 official, weekend
    [InlineData("2027-04-29", 1, "2027-05-04")]  // statute: 30/4 Fri, 1/5 Sat moved to Mon 3/5
    [InlineData("2028-08-31", 1, "2028-09-05")]  // statute: 1/9 Fri adjacent, 2/9 Sat moved to Mon 4/9
    public void Beyond_official_data_statutory_rules_apply_and_the_result_is_estimated(string received, int days, string due)
    {
        var result = OfficialCalendar.Instance.Explain(D(received), days);
        Assert.Equal(D(due), result.DueDate);
        Assert.True(result.Estimated);
        Assert.Contains(result.Lines, l => l.Kind == ExplanationKind.Estimated && l.Text.Contains("Tết Nguyên đán", StringComparison.Ordinal));
    }

    [Fact]
    public void Inside_official_years_the_result_is_not_estimated()
    {
        Assert.False(OfficialCalendar.Instance.Explain(D("2025-12-31"), 2).Estimated);
    }
}
