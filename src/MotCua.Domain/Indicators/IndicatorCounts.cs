namespace MotCua.Domain.Indicators;

/// <summary>The numerators and denominators of every dossier indicator for one period and one set of dossiers.</summary>
public sealed record IndicatorCounts
{
    public long Received { get; init; }
    public long ReceivedOnline { get; init; }
    public long ReceivedPostal { get; init; }
    public long FeeBearing { get; init; }
    public long FeeBearingPaidOnline { get; init; }
    public long Digitized { get; init; }
    public long Reused { get; init; }

    /// <summary>Received with the applicant's identity verified electronically.</summary>
    public long Identified { get; init; }

    /// <summary>Received and held by the national portal at their current state.</summary>
    public long NationalSynced { get; init; }

    public long Finished { get; init; }
    public long FinishedOnTime { get; init; }
    public long ElectronicResult { get; init; }

    /// <summary>Finished and transferred between units at least once.</summary>
    public long TransferredBetweenUnits { get; init; }

    public long RoutedElectronically { get; init; }
    public long Returned { get; init; }
    public long Rated { get; init; }
    public long RatedGood { get; init; }
    public long ReturnedDissatisfied { get; init; }

    /// <summary>Online submissions of the period to acknowledge, acknowledged on time, acknowledged late.</summary>
    public long AckDue { get; init; }

    public long AckOnTime { get; init; }
    public long AckLate { get; init; }

    /// <summary>Work files closed in the period, and of those the ones processed online.</summary>
    public long WorkFilesClosed { get; init; }

    public long WorkFilesClosedOnline { get; init; }
    /// <summary>Meetings held in the period and, of those, held online (issue 24).</summary>
    public long MeetingsHeld { get; init; }

    public long MeetingsOnline { get; init; }

    /// <summary>Of <see cref="AckDue"/>, those not yet acknowledged whose deadline has not passed: they count in neither part of the rate.</summary>
    public long AckPendingInTime { get; init; }

    /// <summary>Acknowledged, or unanswered with the 8 working hours run out.</summary>
    public long AckDecided => AckDue - AckPendingInTime;

    /// <summary>Received by the period end and neither decided nor withdrawn by then.</summary>
    public long InProcess { get; init; }

    public long InProcessOnTime { get; init; }

    /// <summary>The on-time population: finished in the period plus in process at its end.</summary>
    public long Population => Finished + InProcess;

    public long OnTime => FinishedOnTime + InProcessOnTime;

    /// <summary>The definitions of issue 7 read straight from the dossiers: the reference the aggregates must equal.</summary>
    public static IndicatorCounts FromDossiers(IEnumerable<DossierFacts> dossiers, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        var v = new MeasureVector();
        long inProcess = 0, inProcessOnTime = 0;
        foreach (var d in dossiers)
        {
            if (d.ReceivedOn >= from && d.ReceivedOn <= to)
            {
                v[Measure.Received]++;
                v[Measure.ReceivedOnline] += d.Online ? 1 : 0;
                v[Measure.ReceivedPostal] += d.Postal ? 1 : 0;
                v[Measure.FeeBearing] += DossierRules.FeeBearing(d) ? 1 : 0;
                v[Measure.FeeBearingPaidOnline] += DossierRules.FeeBearing(d) && d.PaidOnline ? 1 : 0;
                v[Measure.Digitized] += d.Digitized ? 1 : 0;
                v[Measure.Reused] += d.ReusedDocuments > 0 ? 1 : 0;
                v[Measure.Identified] += d.Identified ? 1 : 0;
                v[Measure.NationalSynced] += d.NationalSynced ? 1 : 0;
            }

            if (DossierRules.IsFinished(d) && d.FinishedOn >= from && d.FinishedOn <= to)
            {
                v[Measure.Finished]++;
                v[Measure.FinishedOnTime] += DossierRules.FinishedOnTime(d) ? 1 : 0;
                v[Measure.ElectronicResult] += d.ElectronicResult ? 1 : 0;
                v[Measure.TransferredBetweenUnits] += DossierRules.TransferredBetweenUnits(d) ? 1 : 0;
                v[Measure.RoutedElectronically] += d.RoutedElectronically == true ? 1 : 0;
            }

            if (d.ReturnedOn >= from && d.ReturnedOn <= to)
            {
                v[Measure.Returned]++;
                v[Measure.Rated] += d.Rating is null ? 0 : 1;
                v[Measure.RatedGood] += d.Rating is >= 4 ? 1 : 0;
                v[Measure.ReturnedDissatisfied] += DossierRules.Dissatisfied(d) ? 1 : 0;
            }

            inProcess += DossierRules.InProcessAt(d, to) ? 1 : 0;
            inProcessOnTime += DossierRules.InProcessOnTimeAt(d, to) ? 1 : 0;
        }

        return FromPeriod(v) with { InProcess = inProcess, InProcessOnTime = inProcessOnTime };
    }

    /// <summary>
    /// The same counts from summed aggregate rows: <paramref name="period"/> summed over the period's dates,
    /// <paramref name="upToEnd"/> over every date up to its end.
    /// </summary>
    public static IndicatorCounts FromSums(MeasureVector period, MeasureVector upToEnd)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(upToEnd);
        return FromPeriod(period) with
        {
            InProcess = upToEnd[Measure.OpenIn] - upToEnd[Measure.OpenOut],
            InProcessOnTime = upToEnd[Measure.OnTimeIn] - upToEnd[Measure.OnTimeOut],
        };
    }

    private static IndicatorCounts FromPeriod(MeasureVector v) => new()
    {
        Received = v[Measure.Received],
        ReceivedOnline = v[Measure.ReceivedOnline],
        ReceivedPostal = v[Measure.ReceivedPostal],
        FeeBearing = v[Measure.FeeBearing],
        FeeBearingPaidOnline = v[Measure.FeeBearingPaidOnline],
        Digitized = v[Measure.Digitized],
        Reused = v[Measure.Reused],
        Identified = v[Measure.Identified],
        NationalSynced = v[Measure.NationalSynced],
        Finished = v[Measure.Finished],
        FinishedOnTime = v[Measure.FinishedOnTime],
        ElectronicResult = v[Measure.ElectronicResult],
        TransferredBetweenUnits = v[Measure.TransferredBetweenUnits],
        RoutedElectronically = v[Measure.RoutedElectronically],
        Returned = v[Measure.Returned],
        Rated = v[Measure.Rated],
        RatedGood = v[Measure.RatedGood],
        ReturnedDissatisfied = v[Measure.ReturnedDissatisfied],
        AckDue = v[Measure.AckDue],
        AckOnTime = v[Measure.AckOnTime],
        AckLate = v[Measure.AckLate],
        WorkFilesClosed = v[Measure.WorkFilesClosed],
        WorkFilesClosedOnline = v[Measure.WorkFilesClosedOnline],
        MeetingsHeld = v[Measure.MeetingsHeld],
        MeetingsOnline = v[Measure.MeetingsOnline],
    };
}
