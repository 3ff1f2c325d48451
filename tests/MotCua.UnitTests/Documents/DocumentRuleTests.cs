using MotCua.Domain.Documents;
using MotCua.Domain.Indicators;

namespace MotCua.UnitTests.Documents;

/// <summary>Issue 23 items 1, 2, 6: ND 30/2020 numbering, the overdue rule and the work-file rule behind workFilesOnlineRate.</summary>
public sealed class DocumentRuleTests
{
    [Theory]
    [InlineData("QD", 12, "UBND", null, "12/QĐ-UBND")]
    [InlineData("KH", 3, "UBND", "VP", "03/KH-UBND")]
    [InlineData("CV", 125, "UBND", "VP", "125/UBND-VP")]
    [InlineData("CV", 7, "UBND", null, "07/UBND")]
    [InlineData("QYD", 1, "UBND", null, "01/QyĐ-UBND")]
    public void Notation_follows_nd30(string type, int number, string issuer, string? drafter, string expected) =>
        Assert.Equal(expected, DocumentRules.Notation(number, DocumentTypes.Find(type)!, issuer, drafter));

    [Fact]
    public void The_nd30_list_has_29_kinds_with_unique_codes()
    {
        Assert.Equal(29, DocumentTypes.All.Count);
        Assert.Equal(29, DocumentTypes.All.Select(t => t.Code).Distinct().Count());
        Assert.Null(DocumentTypes.Find("XX"));
        Assert.Equal("Quyết định (cá biệt)", DocumentTypes.Find("qd")!.Name);
    }

    [Fact]
    public void Abbreviations_are_upper_case_letters_and_digits()
    {
        Assert.True(DocumentRules.IsAbbreviation("UBND"));
        Assert.True(DocumentRules.IsAbbreviation("VHTT"));
        Assert.True(DocumentRules.IsAbbreviation("HĐND"));
        Assert.False(DocumentRules.IsAbbreviation("ubnd"));
        Assert.False(DocumentRules.IsAbbreviation("UB ND"));
        Assert.False(DocumentRules.IsAbbreviation(""));
        Assert.False(DocumentRules.IsAbbreviation(null));
    }

    [Fact]
    public void Secret_outgoing_documents_take_their_own_series() =>
        Assert.NotEqual(DocumentRules.OutgoingBookFor(Secrecy.Normal), DocumentRules.OutgoingBookFor(Secrecy.Confidential));

    [Fact]
    public void Overdue_is_strictly_after_the_deadline_day_and_only_while_open()
    {
        var due = new DateOnly(2026, 12, 9);
        Assert.False(DocumentRules.IsOverdue(due, due, closed: false));
        Assert.True(DocumentRules.IsOverdue(due, due.AddDays(1), closed: false));
        Assert.False(DocumentRules.IsOverdue(due, due.AddDays(1), closed: true));
    }

    [Fact]
    public void A_work_file_is_processed_online_only_when_closed_in_the_system_with_its_work_done()
    {
        Assert.True(WorkFileRules.ProcessedOnline(new(WorkMedium.Electronic, 1, 0, 0, 0)));
        Assert.True(WorkFileRules.ProcessedOnline(new(WorkMedium.Electronic, 0, 0, 2, 0)));
        Assert.False(WorkFileRules.ProcessedOnline(new(WorkMedium.Electronic, 0, 0, 0, 0)));
        Assert.False(WorkFileRules.ProcessedOnline(new(WorkMedium.Electronic, 1, 1, 2, 1)));
        Assert.False(WorkFileRules.ProcessedOnline(new(WorkMedium.Paper, 3, 2, 1, 0)));
    }

    [Fact]
    public void Work_files_online_rate_counts_closed_files_on_their_closing_date_secret_ones_aside()
    {
        var day = new DateOnly(2026, 12, 7);
        WorkFileFacts[] files =
        [
            new("56/56.BACAI/", day, Secret: false, ProcessedOnline: true),
            new("56/56.BACAI/", day, Secret: false, ProcessedOnline: true),
            new("56/56.BACAI/", day, Secret: false, ProcessedOnline: false),
            new("56/56.BACAI/", day, Secret: true, ProcessedOnline: true),   // secret: outside the target
            new("56/56.BACAI/", null, Secret: false, ProcessedOnline: false), // still open
        ];
        var sum = new MeasureVector();
        foreach (var f in files)
        {
            if (Contributions.Of(f) is var (d, v))
            {
                Assert.Equal(day, d);
                sum.Add(v);
            }
        }

        var set = IndicatorSet.From(IndicatorCounts.FromSums(sum, new MeasureVector()));
        Assert.Equal(2.0 / 3, set.WorkFilesOnlineRate!.Value, 10);
        Assert.Equal(set.WorkFilesOnlineRate, set.ByKey()["workFilesOnlineRate"]);
        Assert.Null(IndicatorSet.From(new IndicatorCounts()).WorkFilesOnlineRate);
    }
}
