namespace MotCua.Domain.ReformPlan;

public enum OccurrenceStatus
{
    NotStarted,
    InProgress,
    Done,
    Overdue,

    /// <summary>No due date yet: a person must set it.</summary>
    NeedsDate,
}

public static class OccurrenceStatuses
{
    /// <summary>Done wins; an unfinished occurrence past its due date is overdue (the due day itself is still in time).</summary>
    public static OccurrenceStatus Derive(bool done, bool started, DateOnly? due, DateOnly today) =>
        done ? OccurrenceStatus.Done
        : due is null ? OccurrenceStatus.NeedsDate
        : today > due ? OccurrenceStatus.Overdue
        : started ? OccurrenceStatus.InProgress
        : OccurrenceStatus.NotStarted;

    public static string Label(OccurrenceStatus s) => s switch
    {
        OccurrenceStatus.NotStarted => "Chưa thực hiện",
        OccurrenceStatus.InProgress => "Đang thực hiện",
        OccurrenceStatus.Done => "Hoàn thành",
        OccurrenceStatus.Overdue => "Quá hạn",
        _ => "Cần đặt hạn",
    };
}
