using MotCua.Domain.Dossiers;

namespace MotCua.UnitTests.Dossiers;

public sealed class RoutingTests
{
    [Theory]
    [InlineData(null, TransferMedium.Electronic)]
    [InlineData("", TransferMedium.Electronic)]
    [InlineData("electronic", TransferMedium.Electronic)]
    [InlineData(" Paper ", TransferMedium.Paper)]
    public void Medium_defaults_to_electronic_and_reads_the_two_names(string? value, TransferMedium expected)
    {
        Assert.True(Routing.TryParse(value, out var medium));
        Assert.Equal(expected, medium);
    }

    [Theory]
    [InlineData("fax")]
    [InlineData("giấy")]
    [InlineData("true")]
    public void Any_other_medium_is_refused(string value) => Assert.False(Routing.TryParse(value, out _));

    [Fact]
    public void A_dossier_never_transferred_between_units_has_no_routing_fact()
    {
        Assert.Null(Routing.Of([]));
        Assert.Null(Routing.Of([("56.BACAI", "56.BACAI", TransferMedium.Paper)]));
    }

    [Fact]
    public void One_paper_transfer_between_units_makes_the_dossier_not_electronic_whatever_comes_after()
    {
        Assert.True(Routing.Of([("56.BACAI", "56.PHUOCBINH", TransferMedium.Electronic)]));
        Assert.False(Routing.Of([("56.BACAI", "56.PHUOCBINH", TransferMedium.Paper), ("56.PHUOCBINH", "56.BACAI", TransferMedium.Electronic)]));
        Assert.False(Routing.Of([("56.BACAI", "56.PHUOCBINH", TransferMedium.Electronic), ("56.PHUOCBINH", "56.BACAI", TransferMedium.Paper)]));
        // A paper hand-over inside one unit is not a transfer between units.
        Assert.True(Routing.Of([("56.BACAI", "56.BACAI", TransferMedium.Paper), ("56.BACAI", "56.PHUOCBINH", TransferMedium.Electronic)]));
    }

    [Fact]
    public void The_step_rule_agrees_with_the_whole_history()
    {
        var rng = new Random(20);
        string[] units = ["A", "B", "C"];
        for (var n = 0; n < 500; n++)
        {
            var forwards = Enumerable.Range(0, rng.Next(0, 6))
                .Select(_ => (units[rng.Next(3)], units[rng.Next(3)], rng.Next(2) == 0 ? TransferMedium.Paper : TransferMedium.Electronic)).ToList();
            bool? step = null;
            foreach (var (from, to, medium) in forwards)
            {
                step = Routing.After(step, from != to, medium);
            }

            Assert.Equal(Routing.Of(forwards), step);
            var between = forwards.Where(f => f.Item1 != f.Item2).ToList();
            Assert.Equal(between.Count == 0 ? null : between.TrueForAll(f => f.Item3 == TransferMedium.Electronic), step);
        }
    }
}
