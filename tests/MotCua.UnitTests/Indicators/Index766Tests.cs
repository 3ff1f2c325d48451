using MotCua.Domain.Indicators;

namespace MotCua.UnitTests.Indicators;

/// <summary>The national index (QĐ 766/QĐ-TTg): each criterion's formula on hand-made counts, at and around its thresholds.</summary>
public sealed class Index766Tests
{
    private static readonly IndicatorCounts Empty = new();

    private static Criterion766 Criterion(Index766Input input, string code) =>
        Index766.Score(input).Groups.SelectMany(g => g.Criteria).Single(c => c.Code == code);

    private static Index766Input With(IndicatorCounts counts) => new() { Counts = counts };

    [Fact]
    public void The_five_groups_weigh_18_20_22_22_18_and_their_criteria_add_up_to_each_group()
    {
        var r = Index766.Score(With(Empty));
        Assert.Equal([("1", 18d), ("2", 20d), ("3", 22d), ("4", 22d), ("5", 18d)], r.Groups.Select(g => (g.Code, g.Max)));
        Assert.All(r.Groups, g => Assert.Equal(g.Max, g.Criteria.Sum(c => c.Max)));
        Assert.Equal(100, r.Max);
        Assert.Equal(100, r.Groups.Sum(g => g.Max));
        Assert.All(r.Groups.SelectMany(g => g.Criteria), c => Assert.StartsWith("QĐ 766/QĐ-TTg", c.Basis, StringComparison.Ordinal));
    }

    [Fact]
    public void Criteria_without_data_in_MotCua_score_zero_and_say_so()
    {
        var r = Index766.Score(With(new IndicatorCounts { Received = 10, ReceivedOnline = 10 }));
        var none = r.Groups.SelectMany(g => g.Criteria).Where(c => c.Data == Index766Data.None).ToList();
        Assert.Equal(["1.1", "1.2", "1.3", "3.5", "4.2b", "4.4"], none.Select(c => c.Code));
        Assert.All(none, c =>
        {
            Assert.Equal(0, c.Points);
            Assert.Null(c.Value);
            Assert.NotEmpty(c.Notes);
        });
        // 1.4 (sync to the national portal) is measured since issue 22: 18 − 12 of group 1 are out of reach.
        Assert.Equal(100 - 12 - 2 - 2 - 4, r.MeasurableMax);
    }

    [Theory]
    [InlineData(0, 0, 0)]          // no dossier: 0 (VPCP: 0 or N/A)
    [InlineData(10, 10, 20)]
    [InlineData(9, 10, 18)]
    [InlineData(528_684, 597_918, 17.68)] // Phú Thọ 2026: the portal shows 17.68
    [InlineData(0, 5, 0)]
    public void On_time_2_1_is_twenty_times_the_on_time_rate(long onTime, long population, double points)
    {
        // Population = finished + in process; on time = finished on time + in process on time.
        var c = Criterion(With(new IndicatorCounts { Finished = population, FinishedOnTime = onTime }), "2.1");
        Assert.Equal(points, c.Points);
        Assert.Equal(population, c.Denominator);
        Assert.Equal(Index766Rule.Proportional, c.Rule);
    }

    [Fact]
    public void On_time_2_1_counts_dossiers_still_in_process_at_the_period_end()
    {
        var c = Criterion(With(new IndicatorCounts { Finished = 2, FinishedOnTime = 1, InProcess = 2, InProcessOnTime = 2 }), "2.1");
        Assert.Equal(3, c.Numerator);
        Assert.Equal(4, c.Denominator);
        Assert.Equal(15, c.Points);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(8, 10, 2)]     // exactly 80 %: full
    [InlineData(9, 10, 2)]     // above: capped
    [InlineData(79, 100, 1.98)] // just under: 2 × 0.79 / 0.8 = 1.975 → 1.98
    [InlineData(4, 10, 1)]
    public void Online_procedures_3_1_are_full_from_80_percent(int online, int procedures, double points) =>
        Assert.Equal(points, Criterion(With(Empty) with { OnlineProcedures = online, Procedures = procedures }, "3.1").Points);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 4, 3)]
    [InlineData(4, 4, 4)]
    [InlineData(1, 3, 1.33)]
    public void Online_services_used_3_2_are_pro_rata(int used, int online, double points) =>
        Assert.Equal(points, Criterion(With(Empty) with { OnlineProceduresUsed = used, OnlineProcedures = online }, "3.2").Points);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(5, 10, 6)]     // exactly 50 %: full
    [InlineData(10, 10, 6)]
    [InlineData(49, 100, 5.88)]
    [InlineData(1, 10, 1.2)]
    public void Online_dossiers_3_3_are_full_from_50_percent(long online, long received, double points) =>
        Assert.Equal(points, Criterion(With(new IndicatorCounts { Received = received, ReceivedOnline = online }), "3.3").Points);

    [Theory]
    [InlineData(0, 0, 0)]      // no fee-bearing dossier: 0 (the portal gives such a unit 0/10 for payment)
    [InlineData(1, 4, 1.5)]
    [InlineData(4, 4, 6)]
    public void Dossiers_paid_online_3_6_are_pro_rata_without_threshold(long paid, long feeBearing, double points) =>
        Assert.Equal(points, Criterion(With(new IndicatorCounts { FeeBearing = feeBearing, FeeBearingPaidOnline = paid }), "3.6").Points);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(4, 5, 2)]      // 80 %: full
    [InlineData(1, 2, 1.25)]   // 2.5 × 0.5
    public void Fee_procedures_with_an_online_payment_3_5b_are_full_from_80_percent(int paid, int fee, double points) =>
        Assert.Equal(points, Criterion(With(Empty) with { FeeProceduresPaidOnline = paid, FeeProcedures = fee }, "3.5b").Points);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 4, 4.5)]
    [InlineData(4, 4, 6)]
    public void Electronic_results_4_1_are_pro_rata_of_the_decided(long electronic, long finished, double points) =>
        Assert.Equal(points, Criterion(With(new IndicatorCounts { Finished = finished, ElectronicResult = electronic }), "4.1").Points);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(8, 10, 4)]     // 80 %: full
    [InlineData(7, 10, 3.5)]
    [InlineData(10, 10, 4)]
    public void Digitized_dossiers_4_2_are_full_from_80_percent(long digitized, long received, double points) =>
        Assert.Equal(points, Criterion(With(new IndicatorCounts { Received = received, Digitized = digitized }), "4.2").Points);

    [Theory]
    [InlineData(8, 10, 2)]
    [InlineData(2, 10, 0.5)]
    [InlineData(0, 10, 0)]
    public void Reused_dossiers_4_3_are_full_from_80_percent(long reused, long received, double points) =>
        Assert.Equal(points, Criterion(With(new IndicatorCounts { Received = received, Reused = reused }), "4.3").Points);

    [Fact]
    public void Identified_dossiers_4_5b_and_procedures_4_5a_are_pro_rata()
    {
        var input = With(new IndicatorCounts { Received = 8, Identified = 2 }) with { ProceduresWithIdentified = 1, Procedures = 4 };
        Assert.Equal(0.5, Criterion(input, "4.5b").Points);
        Assert.Equal(0.5, Criterion(input, "4.5a").Points);
        Assert.Equal(Index766Data.Partial, Criterion(input, "4.5a").Data);
        Assert.Equal(0, Criterion(With(Empty), "4.5b").Points);
    }

    [Theory]
    [InlineData(0, 0, 6)]      // no complaint or suggestion: full, as the portal scores it
    [InlineData(3, 4, 4.5)]
    [InlineData(0, 2, 0)]
    public void Feedback_on_time_5_2_and_5_3_give_full_points_when_there_is_none(long onTime, long received, double points)
    {
        var input = With(Empty) with { FeedbackOnTime = onTime, Feedback = received };
        Assert.Equal(points, Criterion(input, "5.2").Points);
        Assert.Equal(points, Criterion(input, "5.3").Points);
        Assert.Equal(Index766Data.Partial, Criterion(input, "5.3").Data);
    }

    [Fact]
    public void Satisfaction_5_4_is_full_from_90_percent_and_zero_without_dossiers()
    {
        Assert.Equal(0, Criterion(With(Empty), "5.4").Points);
        Assert.Null(Criterion(With(Empty), "5.4").Value);
        // 1 late of 10 and nothing returned: 90 % → full.
        Assert.Equal(6, Criterion(With(new IndicatorCounts { Finished = 10, FinishedOnTime = 9 }), "5.4").Points);
        // 1 late of 10 and 1 dissatisfied of 10 returned: 80 % → 6 × 0.8 / 0.9 = 5.33.
        Assert.Equal(5.33, Criterion(With(new IndicatorCounts { Finished = 10, FinishedOnTime = 9, Returned = 10, ReturnedDissatisfied = 1 }), "5.4").Points);
        // Portal check: 88.38 % → 5.89.
        Assert.Equal(5.89, Index766.FullAtPoints(6, 0.90, 0.8838));
        // Everything late and everyone dissatisfied cannot go below 0.
        Assert.Equal(0, Criterion(With(new IndicatorCounts { Finished = 2, Returned = 2, ReturnedDissatisfied = 2 }), "5.4").Points);
    }

    [Fact]
    public void Feedback_is_on_time_when_closed_without_a_late_step_or_still_open_within_its_deadline()
    {
        var end = new DateOnly(2026, 6, 30);
        var resolveBy = new DateOnly(2026, 6, 20);
        Assert.True(Index766.FeedbackOnTime(new(new(2026, 6, 1), new(2026, 6, 10), false, resolveBy, null), end));
        Assert.False(Index766.FeedbackOnTime(new(new(2026, 6, 1), new(2026, 6, 25), true, resolveBy, null), end));
        // Open at the end: on time up to its resolve-by date, late the day after.
        Assert.True(Index766.FeedbackOnTime(new(new(2026, 6, 1), null, false, end, null), end));
        Assert.False(Index766.FeedbackOnTime(new(new(2026, 6, 1), null, false, end.AddDays(-1), null), end));
        // Closed after the end counts as open at the end; a late step taken after the end does not count yet.
        Assert.True(Index766.FeedbackOnTime(new(new(2026, 6, 1), new(2026, 7, 20), true, new(2026, 7, 10), null), end));
        // A late information request before the end already broke a deadline.
        Assert.False(Index766.FeedbackOnTime(new(new(2026, 6, 1), null, true, new(2026, 7, 10), new(2026, 6, 15)), end));
    }

    [Fact]
    public void The_total_adds_the_groups_and_is_rounded_to_two_decimals()
    {
        var counts = new IndicatorCounts
        {
            Received = 10,
            ReceivedOnline = 4,
            FeeBearing = 3,
            FeeBearingPaidOnline = 1,
            Digitized = 6,
            Reused = 1,
            Finished = 6,
            FinishedOnTime = 5,
            ElectronicResult = 2,
            InProcess = 4,
            InProcessOnTime = 3,
            Returned = 6,
            ReturnedDissatisfied = 1,
            Identified = 5,
        };
        var r = Index766.Score(With(counts) with
        {
            Procedures = 3,
            OnlineProcedures = 2,
            OnlineProceduresUsed = 1,
            FeeProcedures = 2,
            FeeProceduresPaidOnline = 1,
            ProceduresWithIdentified = 1,
            Feedback = 0,
        });
        // 2.1: 20 × 8/10 = 16. 3.1: 2 × (2/3)/0.8 = 1.67; 3.2: 4 × 1/2 = 2; 3.3: 6 × 0.4/0.5 = 4.8; 3.6: 6/3 = 2; 3.5b: 2 × 0.5/0.8 = 1.25.
        // 4.1: 6 × 2/6 = 2; 4.2: 4 × 0.6/0.8 = 3; 4.3: 2 × 0.1/0.8 = 0.25; 4.5b: 2 × 0.5 = 1; 4.5a: 2/3 = 0.67.
        // 5.2, 5.3: 6 + 6; 5.4: 1 − (2/10 + 1/6) = 0.6333 → 6 × 0.6333/0.9 = 4.22.
        Assert.Equal([0, 16, 11.72, 6.92, 16.22], r.Groups.Select(g => g.Points));
        Assert.Equal(50.86, r.Total);
    }
}
