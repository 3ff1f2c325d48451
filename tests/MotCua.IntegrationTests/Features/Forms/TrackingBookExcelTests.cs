using MiniExcelLibs;
using MotCua.Web.Features.Forms;

namespace MotCua.IntegrationTests.Features.Forms;

public sealed class TrackingBookExcelTests
{
    static List<IDictionary<string, object?>> Read(byte[] xlsx) =>
        [.. new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: TrackingBookExcel.SheetName).Cast<IDictionary<string, object?>>()];

    [Fact]
    public void Tracking_book_exports_an_xlsx_with_Vietnamese_headers_and_one_row_per_dossier()
    {
        var book = FormSamples.Book(rows: 4);
        var rows = Read(TrackingBookExcel.Write(book));

        Assert.Equal(4, rows.Count);
        Assert.Equal(
            ["STT", "Mã hồ sơ", "Thủ tục hành chính", "Người nộp", "Ngày nhận", "Ngày hẹn trả", "Ngày giải quyết xong", "Ngày trả kết quả", "Đơn vị giải quyết", "Kết quả"],
            rows[0].Keys);
        Assert.Equal(book.Rows.Select(r => r.DossierCode), rows.Select(r => (string?)r["Mã hồ sơ"]));
        Assert.Equal(FormSamples.ApplicantName, rows[0]["Người nộp"]);
        Assert.Equal(new DateTime(2025, 6, 2), rows[0]["Ngày nhận"]);
        Assert.Null(rows[2]["Ngày giải quyết xong"]);
        Assert.Equal("Đang xử lý", rows[2]["Kết quả"]);
    }

    [Fact]
    public void Masked_tracking_book_exports_initials()
    {
        var rows = Read(TrackingBookExcel.Write(FormSamples.Book(masked: true)));

        Assert.Equal("C. T. M. H.", rows[0]["Người nộp"]);
    }

    [Fact]
    public void Tracking_book_filter_keeps_only_matching_rows()
    {
        var book = FormSamples.Book(rows: 9);

        var births = book.Where(procedureCode: FormSamples.ProcedureCode);
        var open = book.Where(finished: false);

        Assert.Equal(5, births.Rows.Count);
        Assert.All(births.Rows, r => Assert.Equal(FormSamples.ProcedureCode, r.ProcedureCode));
        Assert.Equal(["H15.50.05.13-250604-0003", "H15.50.05.13-250607-0006", "H15.50.05.13-250610-0009"], open.Rows.Select(r => r.DossierCode));
        Assert.Equal(3, Read(TrackingBookExcel.Write(open)).Count);
    }
}
