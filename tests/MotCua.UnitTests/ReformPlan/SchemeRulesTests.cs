using MotCua.Domain.ReformPlan;

namespace MotCua.UnitTests.ReformPlan;

public sealed class SchemeRulesTests
{
    [Fact]
    public void A_parent_maximum_is_the_sum_of_its_children_down_the_tree()
    {
        CriterionNode[] tree =
        [
            new(1, null, "1", 99), new(2, 1, "1.1", 5), new(3, 1, "1.2", 0), new(4, 3, "1.2.a", 2.5m), new(5, 3, "1.2.b", 4), new(6, null, "2", 10),
        ];
        var max = SchemeRules.Maxima(tree);
        Assert.Equal(6.5m, max[3]);
        Assert.Equal(11.5m, max[1]);
        Assert.Equal(10m, max[6]);
        Assert.Equal(5m, max[2]);
    }

    [Fact]
    public void Moving_a_criterion_under_its_own_descendant_is_a_cycle()
    {
        CriterionNode[] tree = [new(1, null, "1", 0), new(2, 1, "1.1", 0), new(3, 2, "1.1.a", 1), new(4, null, "2", 1)];
        Assert.True(SchemeRules.CreatesCycle(tree, 1, 3));
        Assert.True(SchemeRules.CreatesCycle(tree, 2, 2));
        Assert.False(SchemeRules.CreatesCycle(tree, 3, 4));
        Assert.False(SchemeRules.CreatesCycle(tree, 2, null));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("2.3", true)]
    [InlineData("II.1.a", true)]
    [InlineData("1.", false)]
    [InlineData("1 2", false)]
    [InlineData("", false)]
    [InlineData("123456789012345678901", false)]
    public void Codes_are_printed_identifiers_without_spaces(string code, bool valid) => Assert.Equal(valid, SchemeRules.IsValidCode(code));

    [Theory]
    [InlineData(10, 7.5, false, 75, 2.5)]
    [InlineData(10, 12, false, 100, 0)]
    [InlineData(20, 25, true, 80, 5)]
    [InlineData(20, 15, true, 100, 0)]
    [InlineData(90, 0, false, 0, 90)]
    public void Progress_and_gap_toward_a_target(double target, double current, bool atMost, double percent, double gap)
    {
        Assert.Equal((decimal)percent, TargetProgress.Percent((decimal)target, (decimal)current, atMost));
        Assert.Equal((decimal)gap, TargetProgress.Gap((decimal)target, (decimal)current, atMost));
    }

    [Theory]
    [InlineData(100, 121, 2, 10.0)]
    [InlineData(1, 2, 2, 41.42)]
    [InlineData(200, 100, 1, -50.0)]
    [InlineData(100, 100, 5, 0.0)]
    public void Average_yearly_growth_is_compound(long then, long now, int years, double percent) =>
        Assert.Equal((decimal)percent, TargetProgress.AverageYearlyGrowthPercent(then, now, years));

    [Theory]
    [InlineData(0, 5, 2)]
    [InlineData(5, 5, 0)]
    public void Growth_from_nothing_or_over_no_time_is_unknown(long then, long now, int years) =>
        Assert.Null(TargetProgress.AverageYearlyGrowthPercent(then, now, years));
}

public sealed class SchemeOrderTests
{
    [Fact]
    public void Display_order_reads_the_tree_depth_first_with_siblings_by_sort_order()
    {
        CriterionNode[] tree = [new(1, null, "1", 0), new(2, null, "2", 0), new(3, 1, "1.1", 1), new(4, 1, "1.2", 1), new(5, 2, "2.1", 1)];
        var sort = new Dictionary<int, int> { [1] = 2, [2] = 1, [3] = 9, [4] = 3, [5] = 4 };
        Assert.Equal([2, 5, 1, 4, 3], SchemeRules.DepthFirst(tree, sort));
    }
}
