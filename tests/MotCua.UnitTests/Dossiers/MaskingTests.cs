using System.Text;
using MotCua.Domain.Dossiers;

namespace MotCua.UnitTests.Dossiers;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("Nguyễn Văn An", "N*** V*** A***")]
    [InlineData("  Đặng   Thị Ánh  Tuyết ", "Đ*** T*** Á*** T***")]
    [InlineData("Pinăng Thị Hồng", "P*** T*** H***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Name_keeps_the_first_letter_of_each_word(string? name, string expected) =>
        Assert.Equal(expected, Masking.Name(name));

    [Fact]
    public void Name_keeps_a_decomposed_first_letter_whole()
    {
        var decomposed = "Ánh Văn".Normalize(NormalizationForm.FormD);
        Assert.Equal("Á*** V***", Masking.Name(decomposed));
    }

    [Theory]
    [InlineData("058090001234", "********1234")]
    [InlineData("0100109106", "******9106")]
    [InlineData("123", "***")]
    [InlineData(null, "")]
    public void IdNumber_keeps_the_last_four(string? id, string expected) =>
        Assert.Equal(expected, Masking.IdNumber(id));

    [Theory]
    [InlineData("0912345678", "******5678")]
    [InlineData("0912 345 678", "******5678")]
    [InlineData("+84912345678", "********5678")]
    [InlineData("", "")]
    public void Phone_keeps_the_last_four_digits(string phone, string expected) =>
        Assert.Equal(expected, Masking.Phone(phone));

    [Theory]
    [InlineData("an.nguyen@example.com", "a***@example.com")]
    [InlineData("a@example.com", "a***@example.com")]
    [InlineData("not-an-email", "***")]
    [InlineData("@example.com", "***")]
    [InlineData(null, "")]
    public void Email_keeps_the_first_character_and_the_domain(string? email, string expected) =>
        Assert.Equal(expected, Masking.Email(email));

    [Theory]
    [InlineData("Thôn Ma Oái, xã Phước Bình, huyện Bác Ái, tỉnh Ninh Thuận", "tỉnh Ninh Thuận")]
    [InlineData("12 Lê Lợi, xã Bác Ái,  tỉnh Khánh Hòa ", "tỉnh Khánh Hòa")]
    [InlineData("12 Lê Lợi", "***")]
    [InlineData(null, "")]
    public void Address_keeps_only_the_last_component(string? address, string expected) =>
        Assert.Equal(expected, Masking.Address(address));

    [Fact]
    public void Masked_values_never_contain_the_hidden_part()
    {
        Assert.DoesNotContain("05809000", Masking.IdNumber("058090001234"), StringComparison.Ordinal);
        Assert.DoesNotContain("Văn", Masking.Name("Nguyễn Văn An"), StringComparison.Ordinal);
        Assert.DoesNotContain("nguyen", Masking.Email("an.nguyen@example.com"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ma Oái", Masking.Address("Thôn Ma Oái, xã Phước Bình"), StringComparison.Ordinal);
    }
}
