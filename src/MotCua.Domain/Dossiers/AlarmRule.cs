using MotCua.Domain.Calendar;

namespace MotCua.Domain.Dossiers;

/// <summary>Why a dossier is waiting: each kind names the action expected next.</summary>
public enum AlarmKind
{
    /// <summary>Online, not yet accepted nor answered by the desk.</summary>
    NotAcknowledged,

    /// <summary>Received at the desk but not forwarded to a processing unit.</summary>
    NotRouted,

    /// <summary>Forwarded to a unit that has not acted on it since.</summary>
    NotTakenUp,

    /// <summary>The current processing step is past its own deadline.</summary>
    StepOverdue,

    /// <summary>Approved (or result recorded) but not returned to the applicant.</summary>
    NotReturned,

    /// <summary>An incoming official document whose chủ trì or phối hợp holder is past the deadline (issue 23.2); the alarm's DossierId is the document's id.</summary>
    DocumentOverdue,
}

/// <summary>Working-hour budgets per kind (configurable); a step's budget is its own due date.</summary>
public sealed record AlarmBudgets
{
    public double NotAcknowledgedHours { get; init; } = 8;
    public double NotRoutedHours { get; init; } = 8;
    public double NotTakenUpHours { get; init; } = 8;
    public double NotReturnedHours { get; init; } = 16;

    /// <summary>Working hours an alarm waits at one level before it goes to the next unit up.</summary>
    public double EscalateAfterHours { get; init; } = 8;
}

/// <summary>What the alarm rule needs to know about one dossier (instants in UTC).</summary>
public sealed record AlarmSnapshot(
    DossierStatus Status,
    bool Online,
    DateTime? SubmittedAtUtc,
    DateTime? AckDeadlineUtc,
    string? LastAction,
    DateTime LastEventAtUtc,
    DateTime? CurrentStepStartedAtUtc = null,
    DateOnly? CurrentStepDueDate = null,
    string? CurrentStepName = null);

/// <summary>The expected next action of a dossier, since when it is awaited and until when (local time of the unit).</summary>
public sealed record Expectation(AlarmKind Kind, string NextAction, DateTime SinceUtc, DateTime DueUtc)
{
    public bool IsOverdue(DateTime nowUtc) => nowUtc > DueUtc;
}

/// <summary>Stuck-dossier rule: pure, so that the job, the pages and the tests share it.</summary>
public static class AlarmRule
{
    /// <summary>The expectation that applies now, or null when nothing is awaited from the office (closed, paused, waiting for the applicant).</summary>
    public static Expectation? Expect(AlarmSnapshot s, AlarmBudgets budgets, WorkingCalendar calendar, Func<DateTime, DateTime> toLocal, Func<DateTime, DateTime> toUtc)
    {
        Expectation Budgeted(AlarmKind kind, string next, DateTime since, double hours) =>
            new(kind, next, since, toUtc(calendar.AddWorkingHours(toLocal(since), hours)));

        switch (s.Status)
        {
            case DossierStatus.AwaitingReception when s.Online && s.SubmittedAtUtc is { } submitted:
                return s.AckDeadlineUtc is { } deadline
                    ? new(AlarmKind.NotAcknowledged, "accept", submitted, deadline)
                    : Budgeted(AlarmKind.NotAcknowledged, "accept", submitted, budgets.NotAcknowledgedHours);
            case DossierStatus.Received:
                return Budgeted(AlarmKind.NotRouted, "forward", s.LastEventAtUtc, budgets.NotRoutedHours);
            case DossierStatus.Approved:
                return Budgeted(AlarmKind.NotReturned, "record-result", s.LastEventAtUtc, budgets.NotReturnedHours);
            case DossierStatus.ResultReady:
                return Budgeted(AlarmKind.NotReturned, "return-result", s.LastEventAtUtc, budgets.NotReturnedHours);
            case DossierStatus.InProcess or DossierStatus.AwaitingApproval:
                var stepDue = StepDue(s, calendar, toUtc);
                var takenUp = s.LastAction == "forward" && s.Status == DossierStatus.InProcess
                    ? Budgeted(AlarmKind.NotTakenUp, "process", s.LastEventAtUtc, budgets.NotTakenUpHours)
                    : null;
                // The earlier of the two deadlines is the one the office is failing first.
                return (takenUp, stepDue) switch
                {
                    ({ } a, { } b) => a.DueUtc <= b.DueUtc ? a : b,
                    ({ } a, null) => a,
                    (null, { } b) => b,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>Working hours waited since the expectation began (the "how long" of the admin page).</summary>
    public static double WaitedHours(Expectation e, DateTime nowUtc, WorkingCalendar calendar, Func<DateTime, DateTime> toLocal) =>
        WorkingTime.Between(calendar, toLocal(e.SinceUtc), toLocal(nowUtc)).TotalHours;

    /// <summary>When an alarm raised (or last escalated) at <paramref name="levelSinceUtc"/> goes one level up.</summary>
    public static DateTime EscalationDue(DateTime levelSinceUtc, AlarmBudgets budgets, WorkingCalendar calendar, Func<DateTime, DateTime> toLocal, Func<DateTime, DateTime> toUtc) =>
        toUtc(calendar.AddWorkingHours(toLocal(levelSinceUtc), budgets.EscalateAfterHours));

    private static Expectation? StepDue(AlarmSnapshot s, WorkingCalendar calendar, Func<DateTime, DateTime> toUtc)
    {
        if (s.CurrentStepStartedAtUtc is not { } started || s.CurrentStepDueDate is not { } due)
        {
            return null;
        }

        // A step due on a date is overdue after that day's office hours end.
        var end = due.ToDateTime(calendar.Hours.Periods[^1].End);
        return new(AlarmKind.StepOverdue, s.CurrentStepName ?? "process", started, toUtc(end));
    }
}
