using MotCua.Domain.Queue;

namespace MotCua.UnitTests.Queue;

public sealed class QueueRulesTests
{
    [Fact]
    public void Slots_fill_each_opening_period_without_running_past_its_end()
    {
        var starts = QueueRules.SlotStarts("07:30-11:30,13:30-17:00", 45);

        Assert.Equal(new TimeOnly(7, 30), starts[0]);
        Assert.Contains(new TimeOnly(10, 30), starts);
        Assert.DoesNotContain(new TimeOnly(11, 15), starts);
        Assert.Equal(new TimeOnly(15, 45), starts[^1]);
        Assert.Equal(5 + 4, starts.Count);
    }

    [Fact]
    public void Malformed_opening_hours_are_refused()
    {
        Assert.Throws<FormatException>(() => QueueRules.SlotStarts("7h30-11h", 30));
        Assert.Throws<FormatException>(() => QueueRules.SlotStarts("11:00-10:00", 30));
    }

    [Fact]
    public void Summary_gives_mean_and_nearest_rank_p90()
    {
        var summary = QueueRules.Summarise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20]);

        Assert.Equal(11, summary.Count);
        Assert.Equal(6.8, summary.AverageMinutes);
        Assert.Equal(10, summary.P90Minutes);
        Assert.Equal(new DurationSummary(0, null, null), QueueRules.Summarise([]));
    }

    [Theory]
    [InlineData("A", 1, "A-001")]
    [InlineData("B", 42, "B-042")]
    [InlineData("C", 1234, "C-1234")]
    public void Ticket_label_is_letter_and_three_digits(string letter, int number, string expected) =>
        Assert.Equal(expected, QueueRules.TicketLabel(letter, number));

    [Theory]
    [InlineData("0912 345 678", "5678", true)]
    [InlineData("0912345678", "4567", false)]
    [InlineData("0912345678", "678", false)]
    [InlineData("0912345678", null, false)]
    public void Cancellation_needs_the_last_four_phone_digits(string phone, string? typed, bool expected) =>
        Assert.Equal(expected, QueueRules.PhoneEndsWith(phone, typed));

    [Fact]
    public void Masked_phone_keeps_only_the_last_three_digits() => Assert.Equal("*******678", QueueRules.MaskPhone("0912345678"));
}
