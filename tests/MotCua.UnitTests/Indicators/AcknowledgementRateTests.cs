using MotCua.Domain.Indicators;

namespace MotCua.UnitTests.Indicators;

public sealed class AcknowledgementRateTests
{
    private static readonly DateOnly From = new(2026, 3, 1);
    private static readonly DateOnly To = new(2026, 3, 31);

    private static AcknowledgementFacts Submitted(int day, bool? onTime, int month = 3) => new("58/584/22783/", "1.001", new DateOnly(2026, month, day), onTime);

    /// <summary>Sums the submissions' rows over the grains the way the store writes them and a report reads them.</summary>
    private static IndicatorCounts Counts(IEnumerable<AcknowledgementFacts> submissions, long pendingInTime)
    {
        var rows = new Dictionary<(Grain, DateOnly), MeasureVector>();
        foreach (var (day, v) in submissions.Select(Contributions.Of))
        {
            foreach (var grain in Enum.GetValues<Grain>())
            {
                var key = (grain, Grains.KeyOf(grain, day));
                if (!rows.TryGetValue(key, out var row))
                {
                    rows[key] = row = new MeasureVector();
                }

                row.Add(v);
            }
        }

        var period = new MeasureVector();
        foreach (var r in Grains.Cover(From, To))
        {
            foreach (var ((grain, key), v) in rows)
            {
                if (r.Contains(grain, key))
                {
                    period.Add(v);
                }
            }
        }

        return IndicatorCounts.FromSums(period, new MeasureVector()) with { AckPendingInTime = pendingInTime };
    }

    [Fact]
    public void Rate_is_on_time_acknowledgements_over_those_answered_or_overdue()
    {
        List<AcknowledgementFacts> submissions =
        [
            Submitted(2, true), Submitted(9, true), Submitted(30, true), // on time
            Submitted(10, false), // acknowledged after its 8 working hours
            Submitted(12, null), // unanswered, 8 hours run out
            Submitted(31, null), // unanswered, still within its 8 hours (the report's pending count)
            Submitted(28, true, month: 2), Submitted(1, false, month: 4), // outside the period
        ];

        var c = Counts(submissions, pendingInTime: 1);

        Assert.Equal(6, c.AckDue);
        Assert.Equal(3, c.AckOnTime);
        Assert.Equal(1, c.AckLate);
        Assert.Equal(5, c.AckDecided);
        Assert.Equal(3.0 / 5, IndicatorSet.From(c).AcknowledgedOnTimeRate!.Value, 9);
        Assert.Equal(3.0 / 5, IndicatorSet.From(c).ByKey()["acknowledgedOnTimeRate"]!.Value, 9);
    }

    [Fact]
    public void Rate_is_empty_while_every_submission_is_still_within_its_hours()
    {
        var c = Counts([Submitted(30, null), Submitted(31, null)], pendingInTime: 2);

        Assert.Equal(2, c.AckDue);
        Assert.Null(IndicatorSet.From(c).AcknowledgedOnTimeRate);
    }

    [Fact]
    public void A_late_acknowledgement_replacing_a_pending_one_moves_the_rate()
    {
        // The store subtracts the old contribution and adds the new one when the desk answers.
        var before = Contributions.Of(Submitted(12, null)).Counts;
        var after = Contributions.Of(Submitted(12, false)).Counts;
        var net = new MeasureVector();
        net.Add(after);
        net.Add(before, -1);

        Assert.Equal(0, net[Measure.AckDue]);
        Assert.Equal(1, net[Measure.AckLate]);
        Assert.Equal(0, net[Measure.AckOnTime]);
    }
}
