using MotCua.Domain.Indicators;

namespace MotCua.UnitTests.Indicators;

/// <summary>The synchronisation rate (QĐ 766 criterion 1.4) on hand-built dossiers: counted on the receipt date, over all received.</summary>
public sealed class NationalSyncRateTests
{
    private static readonly DateOnly From = new(2026, 12, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    private static DossierFacts D(string received, bool synced, string? finished = null) => new()
    {
        UnitPath = "56/56.BACAI/",
        ProcedureCode = "2.000815",
        ReceivedOn = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture),
        DueDate = new DateOnly(2026, 12, 20),
        FinishedOn = finished is null ? null : DateOnly.Parse(finished, System.Globalization.CultureInfo.InvariantCulture),
        FinishKind = finished is null ? null : "approved",
        NationalSynced = synced,
    };

    private static readonly DossierFacts[] Dossiers =
    [
        D("2026-12-01", synced: true),
        D("2026-12-02", synced: true, finished: "2026-12-05"),
        D("2026-12-03", synced: false),                         // changed, waiting for the portal
        D("2026-12-07", synced: false, finished: "2026-12-07"),
        D("2026-11-30", synced: true),                          // received before the period: not counted
        D("2027-01-02", synced: true),                          // after
    ];

    [Fact]
    public void Rate_is_synced_over_received_in_the_period()
    {
        var counts = IndicatorCounts.FromDossiers(Dossiers, From, To);
        Assert.Equal(4, counts.Received);
        Assert.Equal(2, counts.NationalSynced);
        var set = IndicatorSet.From(counts);
        Assert.Equal(0.5, set.NationalSyncRate);
        Assert.Equal(0.5, set.ByKey()["nationalSyncRate"]);
    }

    [Fact]
    public void Nothing_received_gives_no_rate_and_nothing_synced_gives_zero()
    {
        Assert.Null(IndicatorSet.From(IndicatorCounts.FromDossiers([], From, To)).NationalSyncRate);
        Assert.Equal(0, IndicatorSet.From(IndicatorCounts.FromDossiers([D("2026-12-01", synced: false)], From, To)).NationalSyncRate);
    }

    [Fact]
    public void The_aggregate_contributions_give_the_same_counts_as_the_reference()
    {
        var sum = new MeasureVector();
        foreach (var d in Dossiers)
        {
            foreach (var (_, vector) in Contributions.Of(d).Where(c => c.Key >= From && c.Key <= To))
            {
                sum.Add(vector);
            }
        }

        Assert.Equal(IndicatorCounts.FromDossiers(Dossiers, From, To).NationalSynced, sum[Measure.NationalSynced]);
    }

    [Fact]
    public void Criterion_1_4_scores_six_times_the_rate()
    {
        var counts = IndicatorCounts.FromDossiers(Dossiers, From, To);
        var c = Index766.Score(new Index766Input { Counts = counts }).Groups.SelectMany(g => g.Criteria).Single(x => x.Code == "1.4");
        Assert.Equal(Index766Data.Measured, c.Data);
        Assert.Equal(2, c.Numerator);
        Assert.Equal(4, c.Denominator);
        Assert.Equal(3, c.Points);
    }
}
