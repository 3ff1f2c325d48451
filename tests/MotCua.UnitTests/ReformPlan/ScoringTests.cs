using MotCua.Domain.ReformPlan;

namespace MotCua.UnitTests.ReformPlan;

public sealed class ScoringTests
{
    // A: group of two leaves (10 + 20); C: a leaf of 70 that needs evidence. Total 100.
    private static readonly Criterion[] Tree =
    [
        new(1, null, "A", 30, false),
        new(2, 1, "A.1", 10, false),
        new(3, 1, "A.2", 20, false),
        new(4, null, "C", 70, true),
    ];

    private static IReadOnlyList<UnitResult> Rank(Dictionary<int, IReadOnlyList<Score>> scores) => Scoring.Rank(Tree, scores);

    [Fact]
    public void Totals_use_appraisal_over_self_assessment_and_ignore_group_rows()
    {
        var r = Rank(new() { [7] = [new(2, 10, 8, false), new(3, 20, null, false), new(4, 70, 65, true), new(1, 30, 30, false)] });
        Assert.Equal(93m, r[0].Total);
        Assert.Equal(100m, r[0].MaxTotal);
        Assert.Equal("Xuất sắc", r[0].Classification);
        Assert.Equal(1, r[0].NotAppraised);
    }

    [Fact]
    public void Missing_required_evidence_counts_zero_and_scores_are_clamped()
    {
        var r = Rank(new() { [7] = [new(2, 15, null, false), new(3, -5, null, false), new(4, 70, 70, false)] });
        Assert.Equal(10m, r[0].Total);
        Assert.Equal("Yếu", r[0].Classification);
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_is_skipped()
    {
        var r = Rank(new()
        {
            [3] = [new(2, 10, null, false), new(3, 20, null, false), new(4, 50, null, true)],
            [1] = [new(2, 10, null, false), new(3, 20, null, false), new(4, 50, null, true)],
            [2] = [new(2, 10, null, false), new(3, 20, null, false), new(4, 60, null, true)],
            [4] = [],
        });
        Assert.Equal([(2, 1, 90m), (1, 2, 80m), (3, 2, 80m), (4, 4, 0m)], r.Select(x => (x.UnitId, x.Rank, x.Total)));
        Assert.Equal(["Xuất sắc", "Tốt", "Tốt", "Yếu"], r.Select(x => x.Classification));
    }

    [Theory]
    [InlineData(89.99, "Tốt")]
    [InlineData(70, "Khá")]
    [InlineData(50, "Trung bình")]
    [InlineData(49.99, "Yếu")]
    public void Classification_thresholds_are_inclusive_lower_bounds(double points, string expected)
    {
        var tree = new[] { new Criterion(1, null, "X", 100, false) };
        var r = Scoring.Rank(tree, new Dictionary<int, IReadOnlyList<Score>> { [1] = [new(1, (decimal)points, null, false)] });
        Assert.Equal(expected, r[0].Classification);
    }
}
