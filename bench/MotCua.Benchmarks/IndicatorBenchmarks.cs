using BenchmarkDotNet.Attributes;
using MotCua.Domain.Indicators;

namespace MotCua.Benchmarks;

/// <summary>
/// The indicator arithmetic on 10,000 invented dossiers: applying the definitions to every dossier (the baseline, what a
/// scan would do) against summing aggregate rows (what the endpoint does) and computing one dossier's contribution (the write path).
/// </summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private List<DossierFacts> _dossiers = [];
    private List<(Grain Grain, DateOnly Day, MeasureVector V)> _rows = [];
    private IReadOnlyList<GrainRange> _period = [];
    private IReadOnlyList<GrainRange> _prefix = [];
    private readonly DateOnly _from = new(2024, 1, 1);
    private readonly DateOnly _to = new(2024, 12, 31);

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _dossiers = [.. Enumerable.Range(0, 10_000).Select(_ => Random(rng))];
        var rows = new Dictionary<(Grain, DateOnly), MeasureVector>();
        foreach (var d in _dossiers)
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

        _period = Grains.Cover(_from, _to);
        _prefix = Grains.Cover(Grains.Origin, _to);
        _rows = [.. rows.Where(r => _period.Any(p => p.Contains(r.Key.Item1, r.Key.Item2)) || _prefix.Any(p => p.Contains(r.Key.Item1, r.Key.Item2)))
            .Select(r => (r.Key.Item1, r.Key.Item2, r.Value))];
    }

    [Benchmark(Baseline = true)]
    public IndicatorSet DefinitionsOverEveryDossier() => IndicatorSet.From(IndicatorCounts.FromDossiers(_dossiers, _from, _to));

    [Benchmark]
    public IndicatorSet SumOfAggregateRows()
    {
        var period = new MeasureVector();
        var prefix = new MeasureVector();
        foreach (var (g, day, v) in _rows)
        {
            if (_period.Any(p => p.Contains(g, day)))
            {
                period.Add(v);
            }

            if (_prefix.Any(p => p.Contains(g, day)))
            {
                prefix.Add(v);
            }
        }

        return IndicatorSet.From(IndicatorCounts.FromSums(period, prefix));
    }

    [Benchmark]
    public int ContributionOfOneDossier() => Contributions.Of(_dossiers[42]).Count;

    private static DossierFacts Random(Random rng)
    {
        var received = new DateOnly(2021, 1, 1).AddDays(rng.Next(0, 1800));
        var kind = rng.Next(6) == 0 ? null : "approved";
        return new DossierFacts
        {
            UnitPath = "58/",
            ProcedureCode = "x",
            Online = rng.Next(2) == 0,
            ReceivedOn = received,
            DueDate = received.AddDays(rng.Next(1, 20)),
            FinishKind = kind,
            FinishedOn = kind is null ? null : received.AddDays(rng.Next(0, 25)),
            SupplementRequests = rng.Next(8) == 0 ? 2 : 0,
            FeeVnd = rng.Next(3) == 0 ? 10_000 : 0,
            PaidOnline = rng.Next(2) == 0,
            Digitized = rng.Next(2) == 0,
        };
    }
}
