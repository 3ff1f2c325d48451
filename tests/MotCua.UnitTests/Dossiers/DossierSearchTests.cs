using MotCua.Domain.Dossiers;

namespace MotCua.UnitTests.Dossiers;

public sealed class DossierSearchTests
{
    [Theory]
    [InlineData("058090001234", DossierSearchKind.IdNumber, "058090001234")]
    [InlineData(" 264512345 ", DossierSearchKind.IdNumber, "264512345")]
    [InlineData("000.00.22.H56-261207-0001", DossierSearchKind.Code, "000.00.22.H56-261207-0001")]
    [InlineData("05809000123", DossierSearchKind.Code, "05809000123")]
    [InlineData("chamaléa  thị", DossierSearchKind.ApplicantName, "Chamaléa Thị")]
    [InlineData("NGUYỄN VĂN AN", DossierSearchKind.ApplicantName, "Nguyễn Văn An")]
    public void The_search_box_tells_codes_ID_numbers_and_names_apart(string typed, DossierSearchKind kind, string value) =>
        Assert.Equal(new DossierSearch(kind, value), DossierSearch.Parse(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_empty_box_searches_nothing(string? typed) => Assert.Null(DossierSearch.Parse(typed));

    [Fact]
    public void The_prefix_range_holds_every_longer_name_and_nothing_after()
    {
        var end = DossierSearch.PrefixEnd("Nguyễn Văn");
        Assert.True(string.CompareOrdinal("Nguyễn Văn Ánh", end) < 0);
        Assert.True(string.CompareOrdinal("Nguyễn Vănh", end) < 0);
        Assert.True(string.CompareOrdinal("Nguyễn Văo", end) > 0);
    }
}
