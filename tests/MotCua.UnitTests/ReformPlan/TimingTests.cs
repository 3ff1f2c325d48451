using MotCua.Domain.ReformPlan;

namespace MotCua.UnitTests.ReformPlan;

public sealed class TimingTests
{
    // Every distinct "thời gian thực hiện" of the seed's appendix, with what it must become.
    public static TheoryData<string, TimingKind, int, int, int?> SeedTimings => new()
    {
        { "Trước 15/11 hàng năm", TimingKind.Yearly, 11, 15, null },
        { "Quý I hàng năm", TimingKind.Yearly, 3, 31, null },
        { "Quý I  hàng năm", TimingKind.Yearly, 3, 31, null },
        { "Quý IV hàng năm", TimingKind.Yearly, 12, 31, null },
        { "Quý IV/2021", TimingKind.Once, 12, 31, 2021 },
        { "Quý IV năm 2021", TimingKind.Once, 12, 31, 2021 },
        { "Hàng năm", TimingKind.Yearly, 12, 31, null },
        { "Thường xuyên trong năm", TimingKind.Continuous, 12, 31, null },
        { "Thường xuyên hàng năm", TimingKind.Continuous, 12, 31, null },
        { "Trước 31/12 hàng năm", TimingKind.Yearly, 12, 31, null },
        { "6 tháng đầu năm", TimingKind.Yearly, 6, 30, null },
        { "Tháng 12 hàng năm", TimingKind.Yearly, 12, 31, null },
        { "Năm 2022", TimingKind.Once, 12, 31, 2022 },
        { "Thường xuyên", TimingKind.Continuous, 12, 31, null },
    };

    [Theory]
    [MemberData(nameof(SeedTimings))]
    public void Seed_timing_becomes_a_dated_rule(string text, TimingKind kind, int month, int day, int? year)
    {
        var rule = Timing.Parse(text);
        Assert.Equal((kind, month, day, year), (rule.Kind, rule.Month, rule.Day, rule.Year));
        Assert.False(rule.NeedsPerson);
    }

    [Theory]
    [InlineData("Theo quy định của Bộ Nội vụ")]
    [InlineData("Theo Kế hoạch - lộ trình của Chính phủ, UBND tỉnh")]
    [InlineData("Theo Kế hoạch hàng năm")]
    [InlineData("Theo kế hoạch hàng năm")]
    [InlineData("Theo lộ trình hàng năm")]
    [InlineData("Theo kế hoạch triển khai của UBND tỉnh")]
    [InlineData("Khi có yêu cầu")]
    [InlineData("Quý I")]
    [InlineData("Trước 31/02 hàng năm")]
    [InlineData("")]
    public void Timing_deferring_to_others_or_unreadable_is_flagged_for_a_person(string text)
    {
        var rule = Timing.Parse(text);
        Assert.True(rule.NeedsPerson);
        Assert.Empty(rule.Occurrences(2021, 2025));
    }

    [Fact]
    public void Recurring_task_generates_its_due_date_in_every_year_of_the_plan()
    {
        Assert.Equal(
            [new(2021, 11, 15), new(2022, 11, 15), new(2023, 11, 15), new(2024, 11, 15), new DateOnly(2025, 11, 15)],
            Timing.Parse("Trước 15/11 hàng năm").Occurrences(2021, 2025));
        Assert.Equal(
            [new(2021, 3, 31), new(2022, 3, 31), new(2023, 3, 31), new(2024, 3, 31), new DateOnly(2025, 3, 31)],
            Timing.Parse("Quý I hàng năm").Occurrences(2021, 2025));
        Assert.Equal(5, Timing.Parse("Thường xuyên trong năm").Occurrences(2021, 2025).Count(d => d is { Month: 12, Day: 31 }));
    }

    [Fact]
    public void One_off_task_falls_only_in_its_year_and_not_outside_the_plan()
    {
        Assert.Equal([new DateOnly(2021, 12, 31)], Timing.Parse("Quý IV/2021").Occurrences(2021, 2025));
        Assert.Empty(Timing.Parse("Quý IV/2021").Occurrences(2022, 2025));
    }

    [Theory]
    [InlineData(true, false, "2025-03-31", "2025-04-01", OccurrenceStatus.Done)]
    [InlineData(false, true, "2025-03-31", "2025-03-31", OccurrenceStatus.InProgress)]
    [InlineData(false, true, "2025-03-31", "2025-04-01", OccurrenceStatus.Overdue)]
    [InlineData(false, false, "2025-03-31", "2025-01-02", OccurrenceStatus.NotStarted)]
    [InlineData(false, false, null, "2025-12-31", OccurrenceStatus.NeedsDate)]
    public void Occurrence_status_is_derived_from_today(bool done, bool started, string? due, string today, OccurrenceStatus expected) =>
        Assert.Equal(expected, OccurrenceStatuses.Derive(done, started, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Printed_unit_names_map_to_offices_and_groups()
    {
        Assert.Equal(["584.NV"], PrintedUnits.Match("Phòng Nội vụ").Codes);
        Assert.Equal(["584.TCKH"], PrintedUnits.Match("Phòng Tài chính - Kế hoạch").Codes);
        Assert.Equal(["584.VP"], PrintedUnits.Match("Văn phòng HĐND và UBND huyện").Codes);
        Assert.Equal(["584.NV", "584.TCKH", "584.TNMT"], PrintedUnits.Match("Các cơ quan, đơn vị: Nội vụ, , Tài chính - Kế hoạch, Tài nguyên và Môi trường").Codes);
        var group = PrintedUnits.Match("Các cơ quan, đơn vị thuộc huyện UBND các xã");
        Assert.True(group.AllOffices && group.AllCommunes && group.Codes.Count == 0);
        var relevant = PrintedUnits.Match("Các cơ quan, đơn vị có liên quan, UBND các xã");
        Assert.True(!relevant.AllOffices && relevant.AllCommunes);
        Assert.True(PrintedUnits.Match("Các đơn vị sự nghiệp công lập thuộc ngành giáo dục").IsEmpty);
    }
}
