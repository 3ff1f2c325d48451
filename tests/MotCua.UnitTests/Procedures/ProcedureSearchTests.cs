using MotCua.Domain.Procedures;

namespace MotCua.UnitTests.Procedures;

public sealed class ProcedureSearchTests
{
    private static readonly SearchEntry[] Entries =
    [
        SearchEntry.Create("A", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch"),
        SearchEntry.Create("B", "Thủ tục đăng ký khai sinh", "Hộ tịch"),
        SearchEntry.Create("C", "Thủ tục đăng ký lại khai sinh", "Hộ tịch"),
        SearchEntry.Create("D", "Cấp bản sao trích lục hộ tịch", "Hộ tịch"),
        SearchEntry.Create("E", "Đăng ký khai tử", "Hộ tịch"),
    ];

    [Fact]
    public void Exact_name_ranks_before_phrase_before_all_words()
    {
        var hits = ProcedureSearch.Search(Entries, "dang ky khai sinh");
        Assert.Equal(["B", "A", "C"], hits.Select(h => h.Entry.Code));
        Assert.Equal([ProcedureSearch.ExactName, ProcedureSearch.PhraseInName, ProcedureSearch.AllWordsInName], hits.Select(h => h.Rank));
    }

    [Fact]
    public void Words_in_the_field_only_rank_lowest()
    {
        var hits = ProcedureSearch.Search(Entries, "hộ tịch khai tử");
        Assert.Equal("E", hits.Single().Entry.Code);
        Assert.Equal(ProcedureSearch.AllWordsInNameAndField, hits[0].Rank);
    }

    [Fact]
    public void An_empty_query_lists_everything_by_code()
    {
        Assert.Equal(["A", "B", "C", "D", "E"], ProcedureSearch.Search(Entries, "  ").Select(h => h.Entry.Code));
    }

    [Fact]
    public void A_word_prefix_matches_but_a_missing_word_excludes()
    {
        Assert.Contains(ProcedureSearch.Search(Entries, "khai sin"), h => h.Entry.Code == "B");
        Assert.Empty(ProcedureSearch.Search(Entries, "khai sinh ket hon"));
    }
}
