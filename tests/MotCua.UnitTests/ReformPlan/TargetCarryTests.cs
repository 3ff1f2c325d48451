using MotCua.Domain.ReformPlan;

namespace MotCua.UnitTests.ReformPlan;

public sealed class TargetCarryTests
{
    [Fact]
    public void A_one_year_target_keeps_its_value_in_a_later_year() =>
        Assert.Equal(50m, TargetCarry.Next([(2025, 50m)], 2026, percent: true));

    [Fact]
    public void The_commune_digitization_ramp_continues_its_step_and_stops_at_100_percent()
    {
        (int, decimal)[] ramp = [(2021, 10m), (2022, 30m), (2023, 50m), (2024, 70m), (2025, 90m)];
        Assert.Equal(100m, TargetCarry.Next(ramp, 2026, percent: true));
        Assert.Equal(100m, TargetCarry.Next(ramp, 2030, percent: true));
        Assert.Equal(110m, TargetCarry.Next(ramp, 2026, percent: false));
    }

    [Fact]
    public void A_year_inside_the_series_takes_the_latest_value() =>
        Assert.Equal(90m, TargetCarry.Next([(2024, 70m), (2025, 90m)], 2025, percent: true));

    [Theory]
    [InlineData(0.90, 0.90, TargetComparison.AtLeast, true)]
    [InlineData(0.89, 0.90, TargetComparison.AtLeast, false)]
    [InlineData(0.90, 0.90, TargetComparison.Above, false)]
    [InlineData(0.91, 0.90, TargetComparison.Above, true)]
    [InlineData(0.05, 0.10, TargetComparison.AtMost, true)]
    [InlineData(0.11, 0.10, TargetComparison.AtMost, false)]
    [InlineData(1.00, 1.00, TargetComparison.Exactly, true)]
    [InlineData(0.75, 1.00, TargetComparison.Exactly, false)]
    public void Met_follows_the_printed_comparison(double current, double target, TargetComparison comparison, bool met) =>
        Assert.Equal(met, TargetComparisons.Met(current, target, comparison));

    [Fact]
    public void Gap_is_what_is_still_missing_and_never_negative()
    {
        Assert.Equal(0.25, TargetComparisons.Gap(0.75, 1.0, TargetComparison.AtLeast), 9);
        Assert.Equal(0, TargetComparisons.Gap(0.95, 0.90, TargetComparison.Above), 9);
        Assert.Equal(0.02, TargetComparisons.Gap(0.12, 0.10, TargetComparison.AtMost), 9);
        Assert.Equal(">", TargetComparisons.Symbol(TargetComparison.Above));
        Assert.Equal("≥", TargetComparisons.Symbol(TargetComparison.AtLeast));
    }
}
