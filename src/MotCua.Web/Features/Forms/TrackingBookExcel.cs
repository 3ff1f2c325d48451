using MiniExcelLibs;

namespace MotCua.Web.Features.Forms;

/// <summary>Form 07 as an .xlsx sheet with the same Vietnamese column headers as the printed book.</summary>
public static class TrackingBookExcel
{
    public const string SheetName = "Sổ theo dõi hồ sơ";

    public static byte[] Write(TrackingBook book)
    {
        var h = FormLayouts.TrackingBookHeaders;
        var rows = book.Rows.Select((r, i) => new Dictionary<string, object?>
        {
            [h[0]] = i + 1,
            [h[1]] = r.DossierCode,
            [h[2]] = $"{r.ProcedureName} ({r.ProcedureCode})",
            [h[3]] = book.ApplicantOf(r),
            [h[4]] = Day(r.ReceivedOn),
            [h[5]] = Day(r.DueDate),
            [h[6]] = Day(r.FinishedOn),
            [h[7]] = Day(r.ReturnedOn),
            [h[8]] = r.Units,
            [h[9]] = r.Outcome,
        }).ToList();
        if (rows.Count == 0)
        {
            // MiniExcel writes no header row for an empty sequence; an empty book still shows its columns.
            rows.Add(h.ToDictionary(c => c, _ => (object?)null));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    static DateTime? Day(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}
