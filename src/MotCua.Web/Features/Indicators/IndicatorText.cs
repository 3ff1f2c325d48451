using System.Globalization;

namespace MotCua.Web.Features.Indicators;

/// <summary>Vietnamese names of the indicators and their display: percentages with two decimals, "—" when there is nothing to count.</summary>
public static class IndicatorText
{
    public static readonly IReadOnlyList<(string Key, string Name)> Names =
    [
        ("onTimeRate", "Tỷ lệ hồ sơ giải quyết đúng hạn"),
        ("onlineRate", "Tỷ lệ hồ sơ tiếp nhận trực tuyến"),
        ("postalCount", "Số hồ sơ tiếp nhận qua bưu chính"),
        ("postalGrowth", "Tăng hồ sơ bưu chính so với năm gốc"),
        ("onlinePaymentRate", "Tỷ lệ hồ sơ có phí được thanh toán trực tuyến"),
        ("digitizationRate", "Tỷ lệ hồ sơ được số hóa"),
        ("electronicResultRate", "Tỷ lệ kết quả điện tử"),
        ("reuseRate", "Tỷ lệ hồ sơ tái sử dụng dữ liệu"),
        ("electronicRoutingRate", "Tỷ lệ hồ sơ luân chuyển điện tử"),
        ("identifiedRate", "Tỷ lệ hồ sơ có người nộp được xác thực điện tử (VNeID)"),
        ("nationalSyncRate", "Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia"),
        ("workFilesOnlineRate", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng"),
        ("meetingsOnlineRate", "Tỷ lệ cuộc họp trực tuyến"),
        ("satisfactionRate", "Tỷ lệ đánh giá hài lòng"),
        ("nationalSatisfactionRate", "Mức độ hài lòng (Bộ chỉ số quốc gia)"),
        ("acknowledgedOnTimeRate", "Tỷ lệ hồ sơ trực tuyến được tiếp nhận trong 8 giờ làm việc"),
        ("fullyOnlineProcedureShare", "Tỷ lệ thủ tục trực tuyến toàn trình"),
        ("payableOnlineProcedureShare", "Tỷ lệ thủ tục có phí thanh toán được trực tuyến"),
    ];

    public const string None = "—";

    public static string Value(string key, double? value) =>
        value is not { } v ? None : key == "postalCount" ? v.ToString("N0", CultureInfo.CurrentCulture) : Percent(v);

    public static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("0.00", CultureInfo.CurrentCulture) + " %" : None;

    /// <summary>The four report periods: month n, quarter n, half-year n or the whole year.</summary>
    public static (DateOnly From, DateOnly To)? Period(string? kind, int year, int n) => kind switch
    {
        "month" when n is >= 1 and <= 12 => (new DateOnly(year, n, 1), new DateOnly(year, n, 1).AddMonths(1).AddDays(-1)),
        "quarter" when n is >= 1 and <= 4 => (new DateOnly(year, 3 * n - 2, 1), new DateOnly(year, 3 * n - 2, 1).AddMonths(3).AddDays(-1)),
        "half" when n is 1 or 2 => (new DateOnly(year, 6 * n - 5, 1), new DateOnly(year, 6 * n - 5, 1).AddMonths(6).AddDays(-1)),
        "year" => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
        _ => null,
    };

    public static string PeriodName(string kind, int year, int n) => kind switch
    {
        "month" => $"Tháng {n}/{year}",
        "quarter" => $"Quý {n}/{year}",
        "half" => $"{(n == 1 ? "6 tháng đầu năm" : "6 tháng cuối năm")} {year}",
        _ => $"Năm {year}",
    };
}
