using MotCua.Domain.Procedures;

namespace MotCua.UnitTests.Procedures;

public sealed class ProcedureRowTests
{
    private static string[] Row(string code = "1.001193", string name = "Đăng ký khai sinh", string days = "3", string fee = "8000") =>
        [code, name, "Hộ tịch", "xã;tỉnh", days, fee, "", "Tờ khai [1 bản chính]", "src"];

    [Fact]
    public void A_good_row_parses_with_levels_days_fee_and_documents()
    {
        var row = ProcedureRow.Parse(Row(), out var error);
        Assert.Null(error);
        Assert.Equal(["xã", "tỉnh"], row!.Levels);
        Assert.Equal((3, 8000L), (row.Days!.Value, row.FeeVnd!.Value));
        Assert.Single(row.Documents);
    }

    [Theory]
    [InlineData("", "Đăng ký", "3", "0", "Thiếu mã")]
    [InlineData("1.1", "", "3", "0", "Thiếu tên")]
    [InlineData("1.1", "X", "ba", "0", "Thời hạn")]
    [InlineData("1.1", "X", "-3", "0", "Thời hạn")]
    [InlineData("1.1", "X", "3", "8.000đ", "Lệ phí")]
    public void Bad_cells_give_a_Vietnamese_reason(string code, string name, string days, string fee, string expected)
    {
        Assert.Null(ProcedureRow.Parse(Row(code, name, days, fee), out var error));
        Assert.StartsWith(expected, string.Format(System.Globalization.CultureInfo.InvariantCulture, error!.Template, error.Args), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_days_and_fee_are_kept_as_unknown()
    {
        var row = ProcedureRow.Parse(Row(days: "", fee: ""), out _);
        Assert.Null(row!.Days);
        Assert.Null(row.FeeVnd);
    }

    [Fact]
    public void Wrong_column_count_is_an_error()
    {
        Assert.Null(ProcedureRow.Parse(["1", "2", "3"], out var error));
        Assert.Equal([3, 9], error!.Args);
    }

    [Fact]
    public void The_hash_ignores_surrounding_whitespace_but_not_content()
    {
        var a = ProcedureRow.Parse(Row(), out _)!;
        var b = ProcedureRow.Parse([.. Row().Select(c => " " + c + " ")], out _)!;
        var c = ProcedureRow.Parse(Row(fee: "9000"), out _)!;
        Assert.Equal(a.SourceHash, b.SourceHash);
        Assert.NotEqual(a.SourceHash, c.SourceHash);
    }
}
