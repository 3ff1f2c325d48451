using MotCua.Domain.Indicators;

namespace MotCua.UnitTests.Indicators;

public sealed class AggregateArithmeticTests
{
    [Fact]
    public void Cover_uses_whole_years_months_and_loose_days_without_overlap()
    {
        var ranges = Grains.Cover(new DateOnly(2023, 11, 15), new DateOnly(2025, 2, 3));
        Assert.Equal(
        [
            new GrainRange(Grain.Day, new(2023, 11, 15), new(2023, 11, 30)),
            new GrainRange(Grain.Month, new(2023, 12, 1), new(2023, 12, 1)),
            new GrainRange(Grain.Year, new(2024, 1, 1), new(2024, 1, 1)),
            new GrainRange(Grain.Month, new(2025, 1, 1), new(2025, 1, 1)),
            new GrainRange(Grain.Day, new(2025, 2, 1), new(2025, 2, 3)),
        ], ranges);
    }

    [Fact]
    public void Cover_counts_every_day_of_any_range_exactly_once()
    {
        var rng = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var from = new DateOnly(2021, 1, 1).AddDays(rng.Next(0, 1500));
            var to = from.AddDays(rng.Next(0, 900));
            var ranges = Grains.Cover(from, to);
            for (var d = from.AddDays(-40); d <= to.AddDays(40); d = d.AddDays(1))
            {
                var hits = Enum.GetValues<Grain>().Count(g => ranges.Any(r => r.Contains(g, Grains.KeyOf(g, d))));
                Assert.Equal(d >= from && d <= to ? 1 : 0, hits);
            }
        }
    }

    [Fact]
    public void Summed_contributions_equal_the_definitions_for_random_dossiers_and_periods()
    {
        var rng = new Random(2025);
        var dossiers = Enumerable.Range(0, 400).Select(_ => RandomFacts(rng)).ToList();

        // Aggregate rows keyed by (grain, key date), as the store keeps them.
        var rows = new Dictionary<(Grain, DateOnly), MeasureVector>();
        foreach (var d in dossiers)
        {
            foreach (var (day, v) in Contributions.Of(d))
            {
                foreach (var g in Enum.GetValues<Grain>())
                {
                    var key = (g, Grains.KeyOf(g, day));
                    if (!rows.TryGetValue(key, out var row))
                    {
                        rows[key] = row = new MeasureVector();
                    }

                    row.Add(v);
                }
            }
        }

        for (var i = 0; i < 200; i++)
        {
            var from = new DateOnly(2021, 1, 1).AddDays(rng.Next(0, 1400));
            var to = from.AddDays(rng.Next(0, 400));
            var period = Sum(rows, Grains.Cover(from, to));
            var upToEnd = Sum(rows, Grains.Cover(Grains.Origin, to));
            Assert.Equal(IndicatorCounts.FromDossiers(dossiers, from, to), IndicatorCounts.FromSums(period, upToEnd));
        }
    }

    private static MeasureVector Sum(Dictionary<(Grain, DateOnly), MeasureVector> rows, IReadOnlyList<GrainRange> ranges)
    {
        var total = new MeasureVector();
        foreach (var ((g, key), v) in rows)
        {
            if (ranges.Any(r => r.Contains(g, key)))
            {
                total.Add(v);
            }
        }

        return total;
    }

    internal static DossierFacts RandomFacts(Random rng)
    {
        var received = new DateOnly(2021, 1, 1).AddDays(rng.Next(0, 1700));
        DateOnly? due = rng.Next(10) == 0 ? null : received.AddDays(rng.Next(0, 30));
        string? kind = rng.Next(5) switch { 0 => null, 1 => "refused", 2 => "stopped", 3 => "withdrawn", _ => "approved" };
        DateOnly? finished = kind is null ? null : received.AddDays(rng.Next(0, 45));
        return new DossierFacts
        {
            UnitPath = "58/584/",
            ProcedureCode = "x",
            Online = rng.Next(2) == 0,
            Postal = rng.Next(6) == 0,
            ReceivedOn = received,
            DueDate = due,
            FinishKind = kind,
            FinishedOn = finished,
            ReturnedOn = finished is { } f && rng.Next(3) > 0 ? f.AddDays(rng.Next(0, 5)) : null,
            PausedSince = kind is null && rng.Next(4) == 0 ? received.AddDays(rng.Next(0, 40)) : null,
            SupplementRequests = rng.Next(4) == 0 ? rng.Next(0, 3) : 0,
            FeeVnd = rng.Next(3) == 0 ? 50_000 : 0,
            PaidOnline = rng.Next(2) == 0,
            Digitized = rng.Next(2) == 0,
            ElectronicResult = rng.Next(2) == 0,
            ReusedDocuments = rng.Next(3),
            RoutedElectronically = rng.Next(3) switch { 0 => null, 1 => false, _ => true },
            Identified = rng.Next(2) == 0,
            Rating = rng.Next(3) == 0 ? null : rng.Next(1, 6),
            Complaint = rng.Next(10) == 0,
        };
    }
}
