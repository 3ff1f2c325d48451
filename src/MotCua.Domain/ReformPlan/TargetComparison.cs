namespace MotCua.Domain.ReformPlan;

/// <summary>How a measured value is compared with a plan's target value.</summary>
public enum TargetComparison
{
    /// <summary>Reached when the value is at least the target (most rates).</summary>
    AtLeast,

    /// <summary>Reached when the value is at most the target (late or refused shares).</summary>
    AtMost,

    /// <summary>Reached only at the target value.</summary>
    Exactly,

    /// <summary>Reached only above the target ("trên 90 %" of the satisfaction target, seed §III.2).</summary>
    Above,
}

/// <summary>Whether a measured value meets a target, and how far it still is from it.</summary>
public static class TargetComparisons
{
    /// <summary>The sign the plan prints: ≥, ≤, = or &gt;.</summary>
    public static string Symbol(TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtMost => "≤",
        TargetComparison.Exactly => "=",
        TargetComparison.Above => ">",
        _ => "≥",
    };

    /// <summary>True when <paramref name="current"/> meets the target; values within 1e-9 count as equal (rates are fractions of counts).</summary>
    public static bool Met(double current, double target, TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtMost => current <= target + Epsilon,
        TargetComparison.Exactly => Math.Abs(current - target) <= Epsilon,
        TargetComparison.Above => current > target + Epsilon,
        _ => current >= target - Epsilon,
    };

    /// <summary>How far the value still is from the target (0 once met); for "above" a value at the target still misses by 0 but is not met.</summary>
    public static double Gap(double current, double target, TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtMost => Math.Max(0, current - target),
        TargetComparison.Exactly => Math.Abs(target - current),
        _ => Math.Max(0, target - current),
    };

    private const double Epsilon = 1e-9;
}

/// <summary>
/// Carrying a plan's targets into a later period: a target set for one year keeps its value; a target set year by year
/// (a ramp such as the digitization targets of seed §III.2, "mỗi năm tăng tối thiểu 20 % … cho đến khi đạt 100 %")
/// continues its last yearly step, capped at 100 when the unit is a percentage.
/// </summary>
public static class TargetCarry
{
    public static decimal Next(IReadOnlyList<(int Year, decimal Value)> series, int year, bool percent)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("A target line has at least one year.", nameof(series));
        }

        var ordered = series.OrderBy(s => s.Year).ToList();
        var last = ordered[^1];
        if (ordered.Count < 2 || year <= last.Year)
        {
            return last.Value;
        }

        var before = ordered[^2];
        var step = (last.Value - before.Value) / (last.Year - before.Year);
        var value = last.Value + (step * (year - last.Year));
        return percent ? Math.Clamp(value, 0, 100) : value;
    }
}
