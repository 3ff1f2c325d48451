namespace MotCua.Domain.Indicators;

/// <summary>The facts of one dossier that the service indicators count; the web layer maps its entity onto this.</summary>
public sealed record DossierFacts
{
    /// <summary>The receiving unit's materialised path ("58/584/22783/"): a dossier counts for the unit that received it.</summary>
    public required string UnitPath { get; init; }

    public required string ProcedureCode { get; init; }
    public bool Online { get; init; }
    public bool Postal { get; init; }

    /// <summary>The local (Asia/Ho_Chi_Minh) receipt date.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>The legal due date with closed pauses already excluded; null when the procedure has no deadline.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>approved, refused, stopped or withdrawn; null while the dossier is in process.</summary>
    public string? FinishKind { get; init; }

    public DateOnly? FinishedOn { get; init; }
    public DateOnly? ReturnedOn { get; init; }

    /// <summary>The start of a pause still open now (supplement or fee): the clock is stopped since then.</summary>
    public DateOnly? PausedSince { get; init; }

    public int SupplementRequests { get; init; }
    public long FeeVnd { get; init; }
    public bool PaidOnline { get; init; }
    public bool Digitized { get; init; }
    public bool ElectronicResult { get; init; }
    public int ReusedDocuments { get; init; }

    /// <summary>Every transfer between units was electronic (true), one was on paper (false), or it never left its unit (null, not counted).</summary>
    public bool? RoutedElectronically { get; init; }

    /// <summary>The applicant signed in through the national identity provider, or the desk checked the chip ID card (VNeID).</summary>
    public bool Identified { get; init; }

    /// <summary>The national portal holds the dossier as it is now: the last change was synced (ADR 0008, issue 22).</summary>
    public bool NationalSynced { get; init; }

    public int? Rating { get; init; }
    public bool Complaint { get; init; }
}

/// <summary>The per-dossier rules every indicator shares (issue 7, item 1).</summary>
public static class DossierRules
{
    public static readonly string[] FinishKinds = ["approved", "refused", "stopped", "withdrawn"];

    /// <summary>Approved, refused or stopped; a withdrawal is not a finish for the indicators.</summary>
    public static bool IsFinished(DossierFacts d) =>
        d.FinishedOn is not null && d.FinishKind is "approved" or "refused" or "stopped";

    /// <summary>The day the dossier leaves the in-process population: its decision or its withdrawal.</summary>
    public static DateOnly? EndedOn(DossierFacts d) =>
        d.FinishKind is null || d.FinishedOn is not { } end ? null : end < d.ReceivedOn ? d.ReceivedOn : end;

    /// <summary>
    /// The deadline an open dossier is judged against: none while a pause that began on time is still open (the clock is
    /// stopped and the due date moves when it resumes); a dossier paused after its due date stays late.
    /// </summary>
    public static DateOnly? EffectiveDueDate(DossierFacts d) =>
        d.PausedSince is { } p && (d.DueDate is null || p <= d.DueDate) ? null : d.DueDate;

    /// <summary>A finished dossier is on time when decided by its due date with at most one supplement request.</summary>
    public static bool FinishedOnTime(DossierFacts d) =>
        d.SupplementRequests <= 1 && (d.DueDate is null || d.FinishedOn <= d.DueDate);

    /// <summary>Received by <paramref name="end"/> and neither decided nor withdrawn by then.</summary>
    public static bool InProcessAt(DossierFacts d, DateOnly end) =>
        d.ReceivedOn <= end && (EndedOn(d) is not { } e || e > end);

    /// <summary>An unfinished dossier is on time at the period end when the end is not after its due date and it had at most one supplement request.</summary>
    public static bool InProcessOnTimeAt(DossierFacts d, DateOnly end) =>
        InProcessAt(d, end) && d.SupplementRequests <= 1 && (EffectiveDueDate(d) is not { } due || end <= due);

    public static bool FeeBearing(DossierFacts d) => d.FeeVnd > 0;

    /// <summary>Paths end with "/", so a prefix is exactly a subtree.</summary>
    public static bool InSubtree(DossierFacts d, string unitPath) => d.UnitPath.StartsWith(unitPath, StringComparison.Ordinal);

    public static bool Dissatisfied(DossierFacts d) => d.Complaint || d.Rating is <= 2;

    /// <summary>Transferred between units at least once: the electronic-routing rate's population (ADR 0009).</summary>
    public static bool TransferredBetweenUnits(DossierFacts d) => d.RoutedElectronically is not null;
}
