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
}
