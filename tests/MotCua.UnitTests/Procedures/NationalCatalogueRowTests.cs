using MotCua.Domain.Procedures;

namespace MotCua.UnitTests.Procedures;

public sealed class NationalCatalogueRowTests
{
    [Theory]
    [InlineData("05 ngày làm việc", 5)]
    [InlineData("1 Ngày làm việc", 1)]
    [InlineData("3", 3)]
    [InlineData("15 ngày", null)]
    [InlineData("Trong ngày", null)]
    [InlineData("Không có thông tin", null)]
    [InlineData("", null)]
    public void Only_working_days_or_a_bare_number_become_a_processing_time(string text, int? days) =>
        Assert.Equal(days, NationalCatalogueRow.ParseDays(text));

    [Theory]
    [InlineData("8.000 đồng", true, "8000")]
    [InlineData("4.500.000 đồng", true, "4500000")]
    [InlineData("2,000", true, "2000")]
    [InlineData("Miễn phí", true, "0")]
    [InlineData("Không", true, "0")]
    [InlineData("Không có thông tin", true, "")]
    [InlineData("Theo Nghị quyết của HĐND tỉnh", true, "")]
    [InlineData("hai nghìn đồng", false, "")]
    [InlineData("2.000 đồng/trang", false, "")]
    public void Fees_are_read_in_dong_or_left_to_the_council(string text, bool ok, string cell)
    {
        Assert.Equal(ok, NationalCatalogueRow.TryParseFee(text, out var parsed));
        Assert.Equal(cell, parsed);
    }

    [Fact]
    public void Levels_are_written_as_the_csv_writes_them() =>
        Assert.Equal("bộ;tỉnh;xã;khác", NationalCatalogueRow.ParseLevels("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác"));

    [Fact]
    public void A_csv_row_keeps_its_hash_and_the_national_fields_change_it()
    {
        string[] cells = ["2.000908", "Thủ tục cấp bản sao từ sổ gốc", "Chứng thực", "xã", "1", "0", "", "Tờ khai [1 bản chính]", ""];
        var csv = ProcedureRow.Parse(cells, out _)!;
        var plain = new NationalCatalogueRow("2.000908", "Thủ tục cấp bản sao từ sổ gốc", "Chứng thực", null, "Cấp xã", "1 ngày làm việc", "Miễn phí", null, "Tờ khai [1 bản chính]", null, null, null, null).ToRow(out _)!;
        var withAgency = new NationalCatalogueRow("2.000908", "Thủ tục cấp bản sao từ sổ gốc", "Chứng thực", "Cơ quan, tổ chức đang quản lý sổ gốc", "Cấp xã", "1 ngày làm việc", "Miễn phí", null, "Tờ khai [1 bản chính]", null, null, null, null).ToRow(out _)!;
        Assert.Equal(csv.SourceHash, plain.SourceHash);
        Assert.NotEqual(csv.SourceHash, withAgency.SourceHash);
        Assert.Equal("Cơ quan, tổ chức đang quản lý sổ gốc", withAgency.Agency);
    }
}
