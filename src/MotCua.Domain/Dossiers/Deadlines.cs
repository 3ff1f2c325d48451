namespace MotCua.Domain.Dossiers;

/// <summary>How an open item stands against its due date.</summary>
public enum DeadlineStatus
{
    /// <summary>Còn hạn.</summary>
    OnTime,

    /// <summary>Sắp đến hạn: due today or on the next working day (amber).</summary>
    DueSoon,

    /// <summary>Quá hạn: the due date has passed (red).</summary>
    Late,
}

/// <summary>A deadline status with its Vietnamese label and a CSS class; pages show the label, never the colour alone.</summary>
public sealed record DeadlineState(DeadlineStatus Status, string Label, string CssClass);

/// <summary>Red/amber/green status of items with a due date.</summary>
public static class Deadlines
{
    private static readonly DeadlineState OnTimeState = new(DeadlineStatus.OnTime, "Còn hạn", "deadline-ontime");
    private static readonly DeadlineState DueSoonState = new(DeadlineStatus.DueSoon, "Sắp đến hạn", "deadline-soon");
    private static readonly DeadlineState LateState = new(DeadlineStatus.Late, "Quá hạn", "deadline-late");

    /// <summary>
    /// Status of an open item due on <paramref name="due"/> as seen on <paramref name="today"/>.
    /// <paramref name="workingDaysBetween"/>(from, to) counts working days d with from &lt; d ≤ to (the calendar's rule: day 1 is the day after).
    /// </summary>
    public static DeadlineState Evaluate(DateOnly today, DateOnly due, Func<DateOnly, DateOnly, int> workingDaysBetween)
    {
        ArgumentNullException.ThrowIfNull(workingDaysBetween);
        if (today > due)
        {
            return LateState;
        }

        return today == due || workingDaysBetween(today, due) <= 1 ? DueSoonState : OnTimeState;
    }

    /// <summary>The state object for a status (label and CSS class).</summary>
    public static DeadlineState For(DeadlineStatus status) => status switch
    {
        DeadlineStatus.OnTime => OnTimeState,
        DeadlineStatus.DueSoon => DueSoonState,
        DeadlineStatus.Late => LateState,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Outcome of a finished item for form 06: early (before due), on time (on the due date) or late.</summary>
    public static string Outcome(DateOnly finishedOn, DateOnly due) =>
        finishedOn < due ? "Trước hạn" : finishedOn == due ? "Đúng hạn" : "Trễ hạn";
}
