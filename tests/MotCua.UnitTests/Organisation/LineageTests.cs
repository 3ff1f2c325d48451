using MotCua.Domain.Organisation;

namespace MotCua.UnitTests.Organisation;

public sealed class LineageTests
{
    // The demo tree: Ninh Thuận (58) → Bác Ái (584) → communes; from 1/7/2025 Khánh Hòa (56) → the merged communes.
    private static readonly LineageUnit[] Units =
    [
        new(1, "58", "58/", 10),
        new(2, "584", "58/584/", null),
        new(3, "22801", "58/584/22801/", 11),
        new(4, "22804", "58/584/22804/", 11),
        new(5, "22795", "58/584/22795/", 11),
        new(6, "22783", "58/584/22783/", 12),
        new(7, "584.MC", "58/584/584.MC/", null),
        new(10, "56", "56/", null),
        new(11, "56.BACAI", "56/56.BACAI/", null),
        new(12, "56.BACAITAY", "56/56.BACAITAY/", null),
    ];

    [Fact]
    public void A_merged_commune_inherits_exactly_its_three_old_communes()
    {
        Assert.Equal(["56/56.BACAI/", "58/584/22795/", "58/584/22801/", "58/584/22804/"], Lineage.HistoryPaths("56/56.BACAI/", Units));
        Assert.Equal(["22795", "22801", "22804"], Lineage.Predecessors("56/56.BACAI/", Units).Select(u => u.Code));
    }

    [Fact]
    public void Nested_predecessors_are_not_counted_twice()
    {
        // The new province inherits the old one, which already holds the old communes: two disjoint prefixes, not five.
        Assert.Equal(["56/", "58/"], Lineage.HistoryPaths("56/", Units));
        Assert.Equal(["58"], Lineage.Predecessors("56/", Units).Select(u => u.Code));
    }

    [Fact]
    public void A_unit_without_predecessors_is_its_own_history() =>
        Assert.Equal(["58/584/22783/"], Lineage.HistoryPaths("58/584/22783/", Units));

    [Fact]
    public void Succession_is_followed_through_several_steps()
    {
        LineageUnit[] chain = [new(1, "A", "A/", 2), new(2, "B", "B/", 3), new(3, "C", "C/", null)];
        Assert.Equal(["A/", "B/", "C/"], Lineage.HistoryPaths("C/", chain));
    }
}
