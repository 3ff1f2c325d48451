namespace MotCua.Domain.Indicators;

/// <summary>A unit's procedures as the procedure-level shares see them.</summary>
public readonly record struct ProcedureFacts(bool FullyOnline, bool FeeBearing, bool PayableOnline);

/// <summary>The indicators of issue 7 as fractions (0.97); null when the denominator is 0.</summary>
public sealed record IndicatorSet
{
    public double? OnTimeRate { get; init; }
    public double? OnlineRate { get; init; }
    public long PostalCount { get; init; }

    /// <summary>The change of <see cref="PostalCount"/> against the same period of the base year, as a fraction.</summary>
    public double? PostalGrowth { get; init; }

    public double? OnlinePaymentRate { get; init; }
    public double? DigitizationRate { get; init; }
    public double? ElectronicResultRate { get; init; }
    public double? ReuseRate { get; init; }

    /// <summary>Finished dossiers whose every transfer between units was electronic / finished dossiers transferred between units at least once.</summary>
    public double? ElectronicRoutingRate { get; init; }

    /// <summary>Received dossiers whose applicant was identified through VNeID or the chip ID at the desk / all received (ADR 0009).</summary>
    public double? IdentifiedRate { get; init; }

    /// <summary>Received dossiers the national portal holds at their current state / all received (QĐ 766 criterion 1.4).</summary>
    public double? NationalSyncRate { get; init; }

    /// <summary>Work files processed and closed online / all work files closed (secret ones aside), by closing date (issue 23.6).</summary>
    public double? WorkFilesOnlineRate { get; init; }
    /// <summary>Meetings held online (through the platform or with documents shared only electronically) / meetings held (issue 24).</summary>
    public double? MeetingsOnlineRate { get; init; }

    public double? SatisfactionRate { get; init; }
    public double? NationalSatisfactionRate { get; init; }
    /// <summary>Online submissions acknowledged within 8 working hours / those acknowledged or whose 8 hours have run out.</summary>
    public double? AcknowledgedOnTimeRate { get; init; }

    public double? FullyOnlineProcedureShare { get; init; }
    public double? PayableOnlineProcedureShare { get; init; }

    public static double? Rate(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;

    public static IndicatorSet From(IndicatorCounts c, long? basePostalCount = null, IReadOnlyCollection<ProcedureFacts>? procedures = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new()
        {
            OnTimeRate = Rate(c.OnTime, c.Population),
            OnlineRate = Rate(c.ReceivedOnline, c.Received),
            PostalCount = c.ReceivedPostal,
            PostalGrowth = basePostalCount is { } b ? Rate(c.ReceivedPostal - b, b) : null,
            OnlinePaymentRate = Rate(c.FeeBearingPaidOnline, c.FeeBearing),
            DigitizationRate = Rate(c.Digitized, c.Received),
            ElectronicResultRate = Rate(c.ElectronicResult, c.Finished),
            ReuseRate = Rate(c.Reused, c.Received),
            ElectronicRoutingRate = Rate(c.RoutedElectronically, c.TransferredBetweenUnits),
            IdentifiedRate = Rate(c.Identified, c.Received),
            NationalSyncRate = Rate(c.NationalSynced, c.Received),
            WorkFilesOnlineRate = Rate(c.WorkFilesClosedOnline, c.WorkFilesClosed),
            MeetingsOnlineRate = Rate(c.MeetingsOnline, c.MeetingsHeld),
            SatisfactionRate = Rate(c.RatedGood, c.Rated),
            NationalSatisfactionRate = NationalSatisfaction(c),
            AcknowledgedOnTimeRate = Rate(c.AckOnTime, c.AckDecided),
            FullyOnlineProcedureShare = procedures is null ? null : Rate(procedures.Count(p => p.FullyOnline), procedures.Count),
            PayableOnlineProcedureShare = procedures is null ? null
                : Rate(procedures.Count(p => p.FeeBearing && p.PayableOnline), procedures.Count(p => p.FeeBearing)),
        };
    }

    /// <summary>1 − (late share of the on-time population + dissatisfied share of the returned); a term with nothing to count adds 0, both empty is null.</summary>
    public static double? NationalSatisfaction(IndicatorCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Population == 0 && c.Returned == 0)
        {
            return null;
        }

        var late = Rate(c.Population - c.OnTime, c.Population) ?? 0;
        var dissatisfied = Rate(c.ReturnedDissatisfied, c.Returned) ?? 0;
        return 1 - (late + dissatisfied);
    }

    /// <summary>The indicator keys as the API and the plan targets name them, with their values.</summary>
    public IReadOnlyDictionary<string, double?> ByKey() => new Dictionary<string, double?>
    {
        ["onTimeRate"] = OnTimeRate,
        ["onlineRate"] = OnlineRate,
        ["postalCount"] = PostalCount,
        ["postalGrowth"] = PostalGrowth,
        ["onlinePaymentRate"] = OnlinePaymentRate,
        ["digitizationRate"] = DigitizationRate,
        ["electronicResultRate"] = ElectronicResultRate,
        ["reuseRate"] = ReuseRate,
        ["electronicRoutingRate"] = ElectronicRoutingRate,
        ["identifiedRate"] = IdentifiedRate,
        ["nationalSyncRate"] = NationalSyncRate,
        ["workFilesOnlineRate"] = WorkFilesOnlineRate,
        ["meetingsOnlineRate"] = MeetingsOnlineRate,
        ["satisfactionRate"] = SatisfactionRate,
        ["nationalSatisfactionRate"] = NationalSatisfactionRate,
        ["acknowledgedOnTimeRate"] = AcknowledgedOnTimeRate,
        ["fullyOnlineProcedureShare"] = FullyOnlineProcedureShare,
        ["payableOnlineProcedureShare"] = PayableOnlineProcedureShare,
    };

    /// <summary>The national index's full-score thresholds (Quyết định 766/QĐ-TTg as summarised in docs/domain.md §6).</summary>
    public static readonly IReadOnlyDictionary<string, double> FullScoreThresholds = new Dictionary<string, double>
    {
        ["onlineRate"] = 0.50,
        ["digitizationRate"] = 0.80,
        ["reuseRate"] = 0.80,
        ["nationalSatisfactionRate"] = 0.90,
        ["fullyOnlineProcedureShare"] = 0.80,
        ["payableOnlineProcedureShare"] = 0.80,
    };
}
