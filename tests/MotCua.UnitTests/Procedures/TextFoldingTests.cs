using MotCua.Domain.Procedures;

namespace MotCua.UnitTests.Procedures;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ky khai sinh")]
    [InlineData("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon")]
    [InlineData("Chứng thực bản sao; (có yếu tố nước ngoài)", "chung thuc ban sao co yeu to nuoc ngoai")]
    [InlineData("  Giảm   nghèo\t", "giam ngheo")]
    [InlineData("thủ tục 2.000815.", "thu tuc 2.000815")]
    [InlineData("Ưu tiên ưng ý", "uu tien ung y")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_removes_diacritics_and_d_stroke_and_lowers(string? input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void Fold_of_precomposed_and_decomposed_text_is_the_same()
    {
        var precomposed = "Hộ tịch".Normalize(System.Text.NormalizationForm.FormC);
        var decomposed = "Hộ tịch".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(TextFolding.Fold(precomposed), TextFolding.Fold(decomposed));
    }

    [Fact]
    public void Folded_text_has_only_ascii_letters_digits_dots_and_single_spaces()
    {
        const string vietnamese = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
        var folded = TextFolding.Fold(vietnamese + " " + vietnamese.ToUpperInvariant());
        Assert.All(folded, c => Assert.True(c is (>= 'a' and <= 'z') or ' '));
    }
}
