namespace MotCua.Domain.Dossiers;

/// <summary>One online submission as the acknowledgement rate sees it (instants in UTC).</summary>
public readonly record struct AcknowledgementFact(DateTime SubmittedAtUtc, DateTime DeadlineUtc, DateTime? AcknowledgedAtUtc);

/// <summary>Counts of the 8-working-hour acknowledgement of online dossiers and the on-time rate in percent (null when nothing counts).</summary>
public sealed record AcknowledgementRate(int OnTime, int Late, int PendingInTime, int PendingOverdue)
{
    public int Total => OnTime + Late + PendingInTime + PendingOverdue;

    /// <summary>As the national on-time rate: (acknowledged on time + still within the deadline) / all submissions.</summary>
    public double? Percent => Total == 0 ? null : Math.Round(100.0 * (OnTime + PendingInTime) / Total, 2);
}

/// <summary>The rule of docs/domain.md §1: an online dossier is acknowledged (accepted, or a supplement asked for) within 8 working hours.</summary>
public static class Acknowledgement
{
    public const double DefaultHours = 8;

    /// <summary>Accept, a supplement request or a refusal of a not yet received online dossier answer the applicant.</summary>
    public static bool Acknowledges(DossierAction action) => action is DossierAction.Accept or DossierAction.RequestSupplement or DossierAction.Refuse;

    public static bool IsOnTime(AcknowledgementFact f) => f.AcknowledgedAtUtc is { } at && at <= f.DeadlineUtc;

    public static AcknowledgementRate Rate(IEnumerable<AcknowledgementFact> facts, DateTime nowUtc)
    {
        int onTime = 0, late = 0, pendingInTime = 0, pendingOverdue = 0;
        foreach (var f in facts)
        {
            switch (f.AcknowledgedAtUtc)
            {
                case { } at when at <= f.DeadlineUtc:
                    onTime++;
                    break;
                case not null:
                    late++;
                    break;
                case null when nowUtc <= f.DeadlineUtc:
                    pendingInTime++;
                    break;
                default:
                    pendingOverdue++;
                    break;
            }
        }

        return new AcknowledgementRate(onTime, late, pendingInTime, pendingOverdue);
    }
}
