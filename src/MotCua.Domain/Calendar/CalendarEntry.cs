namespace MotCua.Domain.Calendar;

public enum CalendarDayKind
{
    Holiday,
    MakeupWorkday,
}

/// <summary>One declared day: a day off (holiday, compensatory or swapped day, weekend inside a break) or a Saturday worked as make-up.</summary>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name, string? Source = null);

/// <summary>The clock stops from <see cref="RequestedOn"/> (a used day) to <see cref="ResumedOn"/> (not used); counting resumes the next working day.</summary>
public readonly record struct Pause(DateOnly RequestedOn, DateOnly ResumedOn);

public enum ExplanationKind
{
    Received,
    Holiday,
    Weekend,
    MakeupWorkday,
    Pause,
    Estimated,
    Due,
}

/// <summary>One line of "why is the due date this day": the dates it concerns and the Vietnamese sentence shown to people.</summary>
public sealed record ExplanationLine(ExplanationKind Kind, DateOnly From, DateOnly To, string Text);

public sealed record DueDateExplanation(DateOnly DueDate, bool Estimated, IReadOnlyList<ExplanationLine> Lines);
