using System.Globalization;
using System.Text.RegularExpressions;

namespace MotCua.Domain.Procedures;

/// <summary>
/// One procedure as the national procedure database (CSDLQG TTHC) publishes it, field by field, in its own wording:
/// "Cấp xã, Cơ quan khác", "05 ngày làm việc", "8.000 đồng", "Không có thông tin". <see cref="ToRow"/> reads it into the
/// same <see cref="ProcedureRow"/> as a CSV line, so the JSON and Excel imports share the CSV's checks, hash and versioning.
/// </summary>
public sealed partial record NationalCatalogueRow(
    string? Code, string? Name, string? Field, string? Agency, string? Levels, string? ProcessingTime, string? Fee,
    IReadOnlyList<ParsedFee>? FeeItems, string? Documents, string? LegalBasis, string? Sequence, string? Online, string? Source)
{
    /// <summary>The JSON keys, as the national database names its fields (snake case, no diacritics).</summary>
    public static readonly string[] JsonKeys =
    [
        "ma_thu_tuc", "ten_thu_tuc", "linh_vuc", "co_quan_thuc_hien", "cap_thuc_hien", "thoi_han_giai_quyet", "phi_le_phi",
        "thanh_phan_ho_so", "can_cu_phap_ly", "trinh_tu_thuc_hien", "truc_tuyen", "nguon",
    ];

    /// <summary>The Excel headers, as the national database labels its fields; matched without diacritics or case.</summary>
    public static readonly string[] ExcelHeaders =
    [
        "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cơ quan thực hiện", "Cấp thực hiện", "Thời hạn giải quyết", "Phí, lệ phí",
        "Thành phần hồ sơ", "Căn cứ pháp lý", "Trình tự thực hiện", "Trực tuyến", "Nguồn",
    ];

    /// <summary>The fields without which a row is refused: code and name.</summary>
    public static readonly int[] RequiredColumns = [0, 1];

    [GeneratedRegex(@"^(\d{1,4})\s*ngay lam viec\b", RegexOptions.CultureInvariant)]
    private static partial Regex WorkingDays();

    [GeneratedRegex(@"^(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:d|dong|vnd|viet nam dong)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    public ProcedureRow? ToRow(out ProcedureRow.Error? error)
    {
        var days = ParseDays(ProcessingTime);
        string feeCell;
        if (FeeItems is not null)
        {
            feeCell = "";
        }
        else if (!TryParseFee(Fee, out feeCell))
        {
            error = new("Lệ phí '{0}' không phải số đồng hợp lệ.", [Fee ?? ""]);
            return null;
        }

        string[] cells =
        [
            Text(Code), Text(Name), Text(Field), ParseLevels(Levels), days?.ToString(CultureInfo.InvariantCulture) ?? "", feeCell,
            Text(Online), Text(Documents), Text(Source),
        ];
        return ProcedureRow.Parse(cells, Text(Agency), Text(LegalBasis), Text(Sequence), FeeItems, out error);
    }

    /// <summary>"Cấp xã, Cơ quan khác" → "xã;khác", the CSV's level list.</summary>
    public static string ParseLevels(string? text) => string.Join(';',
        Text(text).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => TextFolding.Fold(l) switch
            {
                "cap xa" or "xa" => "xã",
                "cap huyen" or "huyen" => "huyện",
                "cap tinh" or "tinh" => "tỉnh",
                "cap bo" or "bo" => "bộ",
                "co quan khac" or "khac" => "khác",
                _ => l.ToLowerInvariant(),
            })
            .Distinct());

    /// <summary>Days only when the text says working days (or is a bare number): "15 ngày" may be calendar days and stays for an officer to enter.</summary>
    public static int? ParseDays(string? text)
    {
        var folded = TextFolding.Fold(text);
        if (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var bare) && bare <= 3650)
        {
            return bare;
        }

        var match = WorkingDays().Match(folded);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The fee as the CSV's cell: digits in đồng, "0" when free, "" when unknown or set by the provincial council.</summary>
    public static bool TryParseFee(string? text, out string cell)
    {
        var folded = TextFolding.Fold(text?.Replace(",", ".", StringComparison.Ordinal));
        cell = "";
        if (folded.Length == 0 || folded is "khong co thong tin" || folded.Contains("hdnd", StringComparison.Ordinal) || folded.Contains("hoi dong nhan dan", StringComparison.Ordinal))
        {
            return true;
        }

        if (folded is "khong" or "mien phi" or "khong thu" or "mien" or "khong co")
        {
            cell = "0";
            return true;
        }

        var match = Amount().Match(folded);
        if (!match.Success)
        {
            return false;
        }

        cell = long.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>"Không có thông tin" is the national database's empty cell.</summary>
    public static string Text(string? value) =>
        string.IsNullOrWhiteSpace(value) || TextFolding.Fold(value) == "khong co thong tin" ? "" : value.Trim();
}
