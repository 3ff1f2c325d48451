namespace MotCua.Domain.ReformPlan;

public sealed record Criterion(int Id, int? ParentId, string Code, decimal MaxPoints, bool EvidenceRequired);

public sealed record Score(int CriterionId, decimal? Self, decimal? Appraised, bool HasEvidence);

public sealed record Classification(string Name, decimal MinPercent);

public sealed record UnitResult(int UnitId, decimal Total, decimal MaxTotal, decimal Percent, int Rank, string Classification, int NotAppraised);

/// <summary>Totals, ranks and classifies units under a criteria tree (PAR INDEX style).</summary>
public static class Scoring
{
    /// <summary>Demo thresholds (percent of the maximum); the province sets the real ones each year.</summary>
    public static readonly Classification[] DefaultClasses =
    [
        new("Xuất sắc", 90), new("Tốt", 80), new("Khá", 70), new("Trung bình", 50), new("Yếu", 0),
    ];

    /// <summary>
    /// Points of one leaf: the appraisal when there is one, otherwise the self-assessment; 0 when evidence is
    /// required and missing; clamped to [0, max].
    /// </summary>
    public static decimal LeafPoints(Criterion c, Score? s)
    {
        if (s is null || (c.EvidenceRequired && !s.HasEvidence))
        {
            return 0;
        }

        var points = s.Appraised ?? s.Self ?? 0;
        return Math.Clamp(points, 0, c.MaxPoints);
    }

    /// <summary>Leaves are criteria nobody names as parent; only leaves carry points.</summary>
    public static IReadOnlyList<Criterion> Leaves(IReadOnlyCollection<Criterion> criteria)
    {
        var parents = criteria.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).ToHashSet();
        return [.. criteria.Where(c => !parents.Contains(c.Id))];
    }

    /// <summary>Standard competition ranking (1, 1, 3) on the total; ties listed by unit id.</summary>
    public static IReadOnlyList<UnitResult> Rank(
        IReadOnlyCollection<Criterion> criteria, IReadOnlyDictionary<int, IReadOnlyList<Score>> scoresByUnit, IReadOnlyList<Classification>? classes = null)
    {
        classes ??= DefaultClasses;
        var leaves = Leaves(criteria);
        var max = leaves.Sum(l => l.MaxPoints);
        var totals = scoresByUnit.Select(kv =>
        {
            var byCriterion = kv.Value.ToDictionary(s => s.CriterionId);
            var total = leaves.Sum(l => LeafPoints(l, byCriterion.GetValueOrDefault(l.Id)));
            var notAppraised = leaves.Count(l => byCriterion.GetValueOrDefault(l.Id)?.Appraised is null);
            return (Unit: kv.Key, Total: total, NotAppraised: notAppraised);
        }).OrderByDescending(t => t.Total).ThenBy(t => t.Unit).ToList();

        var results = new List<UnitResult>(totals.Count);
        for (var i = 0; i < totals.Count; i++)
        {
            var rank = i > 0 && totals[i].Total == totals[i - 1].Total ? results[i - 1].Rank : i + 1;
            var percent = max == 0 ? 0 : Math.Round(totals[i].Total * 100 / max, 2);
            var cls = classes.OrderByDescending(c => c.MinPercent).First(c => percent >= c.MinPercent || c.MinPercent <= 0).Name;
            results.Add(new UnitResult(totals[i].Unit, totals[i].Total, max, percent, rank, cls, totals[i].NotAppraised));
        }

        return results;
    }
}
