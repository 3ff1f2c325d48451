using MotCua.Domain.Identifiers;

namespace MotCua.UnitTests.Identifiers;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("058090001234", true)]
    [InlineData("001203000001", true)]
    [InlineData("096099999999", true)]
    [InlineData("000090001234", false)] // province 000 does not exist
    [InlineData("097090001234", false)] // nor does 097
    [InlineData("05809000123", false)]
    [InlineData("0580900012345", false)]
    [InlineData("05809000123a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void PersonalId_checks_structure(string? value, bool valid) =>
        Assert.Equal(valid, PersonalId.IsValid(value));

    [Fact]
    public void PersonalId_decodes_century_and_sex()
    {
        Assert.Equal((1990, true), PersonalId.Decode("058090001234"));
        Assert.Equal((1990, false), PersonalId.Decode("058190001234"));
        Assert.Equal((2003, true), PersonalId.Decode("001203000001"));
    }

    [Theory]
    [InlineData("0100109106", true)]      // a well-known valid code
    [InlineData("0100109107", false)]     // wrong check digit
    [InlineData("0100109106-001", true)]  // branch
    [InlineData("0100109106-000", false)] // branch 000 is not a branch
    [InlineData("0100109106_001", false)]
    [InlineData("010010910", false)]
    [InlineData("abcdefghij", false)]
    [InlineData(null, false)]
    public void TaxCode_checks_the_check_digit(string? value, bool valid) =>
        Assert.Equal(valid, TaxCode.IsValid(value));

    [Fact]
    public void TaxCode_rejects_codes_whose_check_would_be_ten_or_eleven()
    {
        // Find first 9-digit prefixes whose weighted sum mod 11 is 0 (check 10) or … and confirm no 10th digit passes.
        int[] weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
        var prefix = Enumerable.Range(100000000, 2000).Select(n => n.ToString("D9"))
            .First(p => p.Select((c, i) => (c - '0') * weights[i]).Sum() % 11 == 0);
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(TaxCode.IsValid(prefix + d)));
    }
}
