namespace MotCua.Domain.Documents;

/// <summary>One kind of administrative document (Nghị định 30/2020/NĐ-CP Điều 7) with its abbreviation (Phụ lục III); empty for công văn and thư công.</summary>
public sealed record DocumentType(string Code, string Name, string Abbreviation);

/// <summary>The 29 kinds of administrative document of ND 30/2020 Điều 7 and their abbreviations in the số, ký hiệu.</summary>
public static class DocumentTypes
{
    public static readonly IReadOnlyList<DocumentType> All =
    [
        new("NQ", "Nghị quyết (cá biệt)", "NQ"),
        new("QD", "Quyết định (cá biệt)", "QĐ"),
        new("CT", "Chỉ thị", "CT"),
        new("QC", "Quy chế", "QC"),
        new("QYD", "Quy định", "QyĐ"),
        new("TC", "Thông cáo", "TC"),
        new("TB", "Thông báo", "TB"),
        new("HD", "Hướng dẫn", "HD"),
        new("CTR", "Chương trình", "CTr"),
        new("KH", "Kế hoạch", "KH"),
        new("PA", "Phương án", "PA"),
        new("DA", "Đề án", "ĐA"),
        new("DAN", "Dự án", "DA"),
        new("BC", "Báo cáo", "BC"),
        new("BB", "Biên bản", "BB"),
        new("TTR", "Tờ trình", "TTr"),
        new("HDONG", "Hợp đồng", "HĐ"),
        new("CV", "Công văn", ""),
        new("CD", "Công điện", "CĐ"),
        new("GN", "Bản ghi nhớ", "GN"),
        new("TTH", "Bản thỏa thuận", "TTh"),
        new("GUQ", "Giấy ủy quyền", "GUQ"),
        new("GM", "Giấy mời", "GM"),
        new("GGT", "Giấy giới thiệu", "GGT"),
        new("GNP", "Giấy nghỉ phép", "GNP"),
        new("PG", "Phiếu gửi", "PG"),
        new("PC", "Phiếu chuyển", "PC"),
        new("PB", "Phiếu báo", "PB"),
        new("THC", "Thư công", ""),
    ];

    private static readonly Dictionary<string, DocumentType> ByCode = All.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);

    public static DocumentType? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code.Trim());
}
