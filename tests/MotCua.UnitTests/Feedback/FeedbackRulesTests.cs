using MotCua.Domain.Feedback;
using MotCua.UnitTests.Calendar;

namespace MotCua.UnitTests.Feedback;

public sealed class FeedbackRulesTests
{
    [Fact]
    public void Deadlines_count_2_5_and_15_working_days_after_receipt_skipping_holidays()
    {
        var calendar = OfficialCalendar.Instance;

        // Tuesday 29/04/2025: 30/4, 1/5 and 2/5 (swapped for Saturday 26/4) are off, then the weekend: day 1 is Monday 5/5.
        var d = FeedbackDeadlines.From(new DateOnly(2025, 4, 29), calendar.AddWorkingDays);

        Assert.Equal(new DateOnly(2025, 5, 6), d.RefuseBy);
        Assert.Equal(calendar.AddWorkingDays(new DateOnly(2025, 4, 29), 5), d.AskMoreBy);
        Assert.Equal(15, calendar.CountWorkingDays(new DateOnly(2025, 4, 29), d.ResolveBy));
        Assert.True(calendar.IsWorkingDay(d.ResolveBy));
    }

    [Fact]
    public void Each_staff_step_has_its_own_deadline()
    {
        var (r, a, s) = (new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 7), new DateOnly(2025, 1, 21));

        Assert.Equal(r, FeedbackDeadlines.For("refuse", r, a, s));
        Assert.Equal(a, FeedbackDeadlines.For("request-info", r, a, s));
        Assert.Equal(s, FeedbackDeadlines.For("answer", r, a, s));
    }

    [Fact]
    public void A_rating_needs_every_score_from_1_to_5_and_a_number_of_contacts()
    {
        Assert.Empty(new RatingInput(5, 4, 1, 3, 2).Errors());
        Assert.Equal(["overall", "time", "attitude", "transparency", "contacts"], new RatingInput(0, 6, 0, null, -1).Errors().Keys);
        Assert.True(RatingInput.IsDissatisfied(2));
        Assert.False(RatingInput.IsDissatisfied(3));
    }

    [Theory]
    [InlineData("Gọi 0912345678 nhé", "Gọi ******5678 nhé")]
    [InlineData("SĐT 0912 345 678.", "SĐT ******5678.")]
    [InlineData("CCCD 058090001234", "CCCD ********1234")]
    [InlineData("Thư an.nguyen@example.com xin trả lời", "Thư a***@example.com xin trả lời")]
    [InlineData("Ngày 03/06/2025, số 12 thôn 3", "Ngày 03/06/2025, số 12 thôn 3")]
    public void Published_text_masks_phone_numbers_ids_and_email_addresses(string text, string masked) => Assert.Equal(masked, PublicText.Mask(text));
}
