using MotCua.Domain.Indicators;

namespace MotCua.UnitTests.Indicators;

public sealed class IndicatorDefinitionTests
{
    private static readonly DateOnly From = new(2025, 3, 1);
    private static readonly DateOnly To = new(2025, 3, 31);

    private static DossierFacts D(string received, string? due = "2025-03-20", string? finished = null, string kind = "approved", int supplements = 0) => new()
    {
        UnitPath = "58/584/22783/",
        ProcedureCode = "1.000001",
        ReceivedOn = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture),
        DueDate = due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
        FinishedOn = finished is null ? null : DateOnly.Parse(finished, System.Globalization.CultureInfo.InvariantCulture),
        FinishKind = finished is null ? null : kind,
        SupplementRequests = supplements,
    };

    private static IndicatorSet Compute(params DossierFacts[] dossiers) =>
        IndicatorSet.From(IndicatorCounts.FromDossiers(dossiers, From, To));

    [Fact]
    public void On_time_population_is_finished_in_period_plus_open_at_its_end()
    {
        var c = IndicatorCounts.FromDossiers(
        [
            D("2025-03-02", finished: "2025-03-10"),                      // finished in period, on time
            D("2025-03-02", due: "2025-03-05", finished: "2025-03-10"),   // finished in period, late
            D("2025-02-01", due: "2025-02-20", finished: "2025-02-15"),   // finished before the period: not counted
            D("2025-02-10", due: "2025-04-10"),                            // still open, end ≤ due: on time
            D("2025-02-10", due: "2025-03-30"),                            // still open, past due at the period end: late
            D("2025-04-02", due: "2025-04-20"),                            // received after the period: not counted
            D("2025-03-03", due: "2025-04-20", finished: "2025-04-05"),   // finished after the end: open at the end, on time
        ], From, To);

        Assert.Equal(2, c.Finished);
        Assert.Equal(3, c.InProcess);
        Assert.Equal(5, c.Population);
        Assert.Equal(3, c.OnTime);
        Assert.Equal(0.6, IndicatorSet.From(c).OnTimeRate!.Value, 10);
    }

    [Fact]
    public void Two_supplement_requests_make_a_dossier_late_even_when_decided_before_its_due_date()
    {
        var s = Compute(D("2025-03-02", finished: "2025-03-10", supplements: 2), D("2025-03-02", finished: "2025-03-10", supplements: 1));
        Assert.Equal(0.5, s.OnTimeRate);

        var open = Compute(D("2025-03-02", due: "2025-05-01", supplements: 2));
        Assert.Equal(0.0, open.OnTimeRate);
    }

    [Fact]
    public void A_dossier_due_on_the_last_day_is_on_time_and_one_due_the_day_before_is_late()
    {
        Assert.Equal(1.0, Compute(D("2025-03-02", due: "2025-03-31")).OnTimeRate);
        Assert.Equal(0.0, Compute(D("2025-03-02", due: "2025-03-30")).OnTimeRate);
        Assert.Equal(1.0, Compute(D("2025-03-02", due: "2025-03-30", finished: "2025-03-30")).OnTimeRate);
    }

    [Fact]
    public void A_pause_spanning_the_period_end_stops_the_clock_when_it_began_on_time()
    {
        // Paused on 25/3 (due 28/3) and still paused: the due date moves only when it resumes, so it is on time on 31/3.
        var pausedInTime = D("2025-03-10", due: "2025-03-28") with { PausedSince = new DateOnly(2025, 3, 25) };
        Assert.Equal(1.0, Compute(pausedInTime).OnTimeRate);

        // Paused on 29/3, already past its due date of 28/3: it stays late.
        var pausedLate = D("2025-03-10", due: "2025-03-28") with { PausedSince = new DateOnly(2025, 3, 29) };
        Assert.Equal(0.0, Compute(pausedLate).OnTimeRate);

        // The pause ended after the period end and the due date was recomputed to 10/4 (pause excluded): on time at 31/3.
        var resumed = D("2025-03-10", due: "2025-04-10", finished: "2025-04-08");
        Assert.Equal(1.0, Compute(resumed).OnTimeRate);
    }

    [Fact]
    public void A_withdrawn_dossier_is_not_finished_and_leaves_the_population_when_withdrawn()
    {
        var withdrawnInPeriod = D("2025-03-02", due: "2025-03-05", finished: "2025-03-10", kind: "withdrawn");
        var c = IndicatorCounts.FromDossiers([withdrawnInPeriod], From, To);
        Assert.Equal(0, c.Finished);
        Assert.Equal(0, c.InProcess);
        Assert.Equal(1, c.Received);
        Assert.Null(IndicatorSet.From(c).OnTimeRate);

        var withdrawnAfter = D("2025-03-02", due: "2025-03-05", finished: "2025-04-10", kind: "withdrawn");
        Assert.Equal(0.0, Compute(withdrawnAfter).OnTimeRate);
    }

    [Fact]
    public void Rates_with_an_empty_denominator_are_null()
    {
        var s = Compute();
        Assert.Null(s.OnTimeRate);
        Assert.Null(s.OnlineRate);
        Assert.Null(s.OnlinePaymentRate);
        Assert.Null(s.DigitizationRate);
        Assert.Null(s.ElectronicResultRate);
        Assert.Null(s.ReuseRate);
        Assert.Null(s.ElectronicRoutingRate);
        Assert.Null(s.IdentifiedRate);
        Assert.Null(s.SatisfactionRate);
        Assert.Null(s.NationalSatisfactionRate);
        Assert.Equal(0, s.PostalCount);

        // Received dossiers, but none with a fee, none finished, none rated.
        var free = Compute(D("2025-03-02", due: "2025-05-01"));
        Assert.Null(free.OnlinePaymentRate);
        Assert.Null(free.ElectronicResultRate);
        Assert.Null(free.SatisfactionRate);
        Assert.Equal(0.0, free.OnlineRate);
    }

    [Fact]
    public void Received_based_rates_count_online_postal_fee_digitized_and_reused_dossiers()
    {
        var s = IndicatorSet.From(IndicatorCounts.FromDossiers(
        [
            D("2025-03-02") with { Online = true, FeeVnd = 50_000, PaidOnline = true, Digitized = true, ReusedDocuments = 2 },
            D("2025-03-03") with { Postal = true, FeeVnd = 50_000 },
            D("2025-03-04") with { Online = true, PaidOnline = true },    // paid online but free: outside the payment rate
            D("2025-03-05") with { Digitized = true },
            D("2025-02-05") with { Online = true, Postal = true },        // received before the period
        ], From, To), basePostalCount: 2);

        Assert.Equal(0.5, s.OnlineRate);
        Assert.Equal(1, s.PostalCount);
        Assert.Equal(-0.5, s.PostalGrowth);
        Assert.Equal(0.5, s.OnlinePaymentRate);
        Assert.Equal(0.5, s.DigitizationRate);
        Assert.Equal(0.25, s.ReuseRate);
    }

    [Fact]
    public void Finished_based_rates_count_electronic_results_and_routing_of_decisions_in_the_period()
    {
        var s = Compute(
            D("2025-03-02", finished: "2025-03-05") with { ElectronicResult = true, RoutedElectronically = true },
            D("2025-03-02", finished: "2025-03-06", kind: "refused") with { RoutedElectronically = false },
            D("2025-03-02", finished: "2025-03-07", kind: "stopped") with { ElectronicResult = true, RoutedElectronically = true },
            D("2025-03-02", finished: "2025-03-07", kind: "withdrawn") with { ElectronicResult = true, RoutedElectronically = false },
            D("2025-02-02", finished: "2025-02-07") with { ElectronicResult = true, RoutedElectronically = false });

        Assert.Equal(2.0 / 3, s.ElectronicResultRate!.Value, 10);
        Assert.Equal(2.0 / 3, s.ElectronicRoutingRate!.Value, 10);
    }

    [Fact]
    public void Electronic_routing_counts_only_finished_dossiers_transferred_between_units_and_never_defaults_to_true()
    {
        // Never transferred (null) is outside the population; the default of a fact is "not transferred", not "electronic".
        Assert.Null(new DossierFacts { UnitPath = "56/", ProcedureCode = "x" }.RoutedElectronically);
        var c = IndicatorCounts.FromDossiers(
        [
            D("2025-03-02", finished: "2025-03-05") with { RoutedElectronically = true },
            D("2025-03-02", finished: "2025-03-06") with { RoutedElectronically = false },
            D("2025-03-02", finished: "2025-03-06"),                                       // decided where it was received
            D("2025-03-02") with { RoutedElectronically = true },                         // transferred, not decided yet
        ], From, To);

        Assert.Equal(3, c.Finished);
        Assert.Equal(2, c.TransferredBetweenUnits);
        Assert.Equal(1, c.RoutedElectronically);
        Assert.Equal(0.5, IndicatorSet.From(c).ElectronicRoutingRate);
        Assert.Null(Compute(D("2025-03-02", finished: "2025-03-05")).ElectronicRoutingRate);
    }

    [Fact]
    public void Identified_rate_counts_received_dossiers_whose_applicant_was_identified_over_all_received()
    {
        var s = Compute(
            D("2025-03-02") with { Online = true, Identified = true },
            D("2025-03-03") with { Online = true },
            D("2025-03-04") with { Identified = true },                   // verified against the chip ID at the desk
            D("2025-03-05"),
            D("2025-02-05") with { Identified = true });                  // received before the period

        Assert.Equal(0.5, s.IdentifiedRate);
        Assert.Equal(0.5, s.ByKey()["identifiedRate"]);
    }

    [Fact]
    public void Satisfaction_counts_ratings_of_dossiers_returned_in_the_period_and_the_national_rate_subtracts_late_and_dissatisfied_shares()
    {
        var returned = new DateOnly(2025, 3, 12);
        var c = IndicatorCounts.FromDossiers(
        [
            D("2025-03-02", finished: "2025-03-10") with { ReturnedOn = returned, Rating = 5 },
            D("2025-03-02", finished: "2025-03-10") with { ReturnedOn = returned, Rating = 4 },
            D("2025-03-02", due: "2025-03-05", finished: "2025-03-10") with { ReturnedOn = returned, Rating = 2 },
            D("2025-03-02", finished: "2025-03-10") with { ReturnedOn = returned, Complaint = true },
            D("2025-02-02", finished: "2025-02-10") with { ReturnedOn = new DateOnly(2025, 2, 11), Rating = 1 },
        ], From, To);

        var s = IndicatorSet.From(c);
        Assert.Equal(2.0 / 3, s.SatisfactionRate!.Value, 10);
        // Late share 1/4 (one of four decided in March was late), dissatisfied share 2/4 (a rating of 2 and a complaint).
        Assert.Equal(1 - (0.25 + 0.5), s.NationalSatisfactionRate!.Value, 10);
    }

    [Fact]
    public void A_unit_subtree_counts_its_own_and_its_childrens_dossiers_only()
    {
        DossierFacts[] all =
        [
            D("2025-03-02") with { UnitPath = "58/584/", Online = true },
            D("2025-03-02") with { UnitPath = "58/584/22783/", Online = true },
            D("2025-03-02") with { UnitPath = "58/584/22786/" },
            D("2025-03-02") with { UnitPath = "58/5841/" },
        ];
        var district = IndicatorCounts.FromDossiers(all.Where(d => DossierRules.InSubtree(d, "58/584/")), From, To);
        var commune = IndicatorCounts.FromDossiers(all.Where(d => DossierRules.InSubtree(d, "58/584/22783/")), From, To);
        Assert.Equal(3, district.Received);
        Assert.Equal(2.0 / 3, IndicatorSet.From(district).OnlineRate!.Value, 10);
        Assert.Equal(1, commune.Received);
        Assert.Equal(1.0, IndicatorSet.From(commune).OnlineRate);
    }

    [Fact]
    public void Procedure_shares_count_fully_online_procedures_and_fee_bearing_ones_payable_online()
    {
        var s = IndicatorSet.From(new IndicatorCounts(), procedures:
        [
            new(FullyOnline: true, FeeBearing: true, PayableOnline: true),
            new(FullyOnline: false, FeeBearing: true, PayableOnline: false),
            new(FullyOnline: true, FeeBearing: false, PayableOnline: false),
            new(FullyOnline: false, FeeBearing: false, PayableOnline: false),
        ]);
        Assert.Equal(0.5, s.FullyOnlineProcedureShare);
        Assert.Equal(0.5, s.PayableOnlineProcedureShare);
        Assert.Null(IndicatorSet.From(new IndicatorCounts(), procedures: []).FullyOnlineProcedureShare);
    }
}
