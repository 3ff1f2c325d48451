using MotCua.Domain.Identifiers;

namespace MotCua.UnitTests.Identifiers;

public sealed class CitizenMatchTests
{
    private static readonly DateOnly Birth = new(1990, 5, 12);

    [Theory]
    [InlineData("Chamaléa Thị Dân", "1990-05-12", "")]
    [InlineData("  CHAMALÉA  thị dân ", "1990-05-12", "")]
    [InlineData("Chamalea Thi Dan", "1990-05-12", "fullName")]
    [InlineData("Chamaléa Thị Dân", "1990-12-05", "birthDate")]
    [InlineData("Lê Thị Dân", "1991-05-12", "fullName,birthDate")]
    public void Case_and_spacing_are_ignored_diacritics_and_dates_are_not(string name, string birth, string expected) =>
        Assert.Equal(expected, string.Join(',', CitizenMatch.Mismatches(name, DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), "Chamaléa Thị Dân", Birth)));

    [Fact]
    public void Decomposed_and_composed_unicode_are_the_same_name() =>
        Assert.Empty(CitizenMatch.Mismatches("Chamaléa Thị Dân".Normalize(System.Text.NormalizationForm.FormD), Birth, "Chamaléa Thị Dân", Birth));
}
