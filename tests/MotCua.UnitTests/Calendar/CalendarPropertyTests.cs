using FsCheck;
using FsCheck.Fluent;
using MotCua.Domain.Calendar;

namespace MotCua.UnitTests.Calendar;

public sealed class CalendarPropertyTests
{
    private static readonly WorkingCalendar Cal = OfficialCalendar.Instance;
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000);

    // Dates 2019–2028 cover official years, both edges and statutory estimates.
    private static readonly Gen<DateOnly> Dates =
        Gen.Choose(new DateOnly(2019, 1, 1).DayNumber, new DateOnly(2028, 12, 31).DayNumber).Select(DateOnly.FromDayNumber);

    private static readonly Gen<int> Days = Gen.Choose(0, 120);

    [Fact]
    public void Adding_n_then_m_working_days_equals_adding_n_plus_m()
    {
        Prop.ForAll(Arb.From(Dates), Arb.From(Days), Arb.From(Days), (d, n, m) =>
            Cal.AddWorkingDays(Cal.AddWorkingDays(d, n), m) == Cal.AddWorkingDays(d, n + m)).Check(Runs);
    }

    [Fact]
    public void A_due_date_is_always_a_working_day_after_receipt()
    {
        var pauses = Gen.ListOf(Gen.Choose(0, 20)).Select(x => x.Take(6).ToArray());
        Prop.ForAll(Arb.From(Dates), Arb.From(Gen.Choose(1, 365)), Arb.From(pauses), (d, n, gaps) =>
        {
            var list = new List<Pause>();
            var cursor = d;
            for (var i = 0; i + 1 < gaps.Length; i += 2)
            {
                var start = cursor.AddDays(gaps[i]);
                var end = start.AddDays(gaps[i + 1]);
                list.Add(new Pause(start, end));
                cursor = end;
            }

            var due = Cal.DueDate(d, n, [.. list]);
            return Cal.IsWorkingDay(due) && due > d;
        }).Check(Runs);
    }

    [Fact]
    public void Counting_working_days_inverts_adding_them()
    {
        Prop.ForAll(Arb.From(Dates), Arb.From(Days), (d, n) =>
            Cal.CountWorkingDays(d, Cal.AddWorkingDays(d, n)) == n).Check(Runs);
    }

    [Fact]
    public void Adding_the_count_up_to_a_working_day_lands_on_it()
    {
        Prop.ForAll(Arb.From(Dates), Arb.From(Dates), (a, b) =>
        {
            var (from, to) = a <= b ? (a, b) : (b, a);
            return !Cal.IsWorkingDay(to) || Cal.AddWorkingDays(from, Cal.CountWorkingDays(from, to)) == to || from == to;
        }).Check(Runs);
    }

    [Fact]
    public void A_pause_never_brings_the_due_date_forward()
    {
        var spans = from offset in Gen.Choose(0, 30) from length in Gen.Choose(0, 30) select (offset, length);
        Prop.ForAll(Arb.From(Dates), Arb.From(Gen.Choose(1, 60)), Arb.From(spans), (d, n, span) =>
        {
            var (offset, length) = span;
            var pause = new Pause(d.AddDays(offset), d.AddDays(offset + length));
            return Cal.DueDate(d, n, [pause]) >= Cal.DueDate(d, n);
        }).Check(Runs);
    }

    [Fact]
    public void Day_by_day_counting_agrees_with_the_tables()
    {
        // An independent, naive implementation of the rule: walk day by day.
        Prop.ForAll(Arb.From(Dates), Arb.From(Gen.Choose(1, 60)), (d, n) =>
        {
            var day = d;
            for (var left = n; left > 0;)
            {
                day = day.AddDays(1);
                var entry = Cal.EntryFor(day);
                var working = entry is null ? day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) : entry.Kind == CalendarDayKind.MakeupWorkday;
                if (working)
                {
                    left--;
                }
            }

            return Cal.AddWorkingDays(d, n) == day;
        }).Check(Runs);
    }
}
