using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>
/// The bodies the national portal takes, with its own (Vietnamese, PascalCase) field names; docs/integrations.md has the
/// field tables. Codes and flags are strings, as the portal's sharing platform exchanges them; dates are
/// <c>yyyyMMddHHmmss</c> in Vietnam time.
/// </summary>
public static class Dvcqg
{
    public const string SyncDossier = "DongBoHoSoMC";
    public const string SyncProgress = "CapNhatTienDoHoSoMC";
    public const string DateFormat = "yyyyMMddHHmmss";

    /// <summary>Success.</summary>
    public const string Ok = "0";

    /// <summary>An add of a dossier the portal already holds (Tan Dan's client also accepts "3").</summary>
    public const string AlreadyExists = "-3";

    /// <summary>An update (or progress) of a dossier the portal does not hold.</summary>
    public const string NotFound = "-4";

    /// <summary>A body that does not follow the service's rules.</summary>
    public const string Invalid = "-1";

    /// <summary>A missing or wrong access token.</summary>
    public const string Unauthorized = "-2";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Date(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone).ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A date without a time (an appointment, a legal deadline): the end of that working day, 17:00.</summary>
    public static string Date(DateOnly day) => day.ToDateTime(new TimeOnly(17, 0)).ToString(DateFormat, CultureInfo.InvariantCulture);

    public static bool IsDate(string? text) =>
        text is { Length: 14 } && DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static string Flag(bool value) => value ? "1" : "0";
}

public sealed record DvcqgRequest<T>(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("isUpdating")] string? IsUpdating,
    [property: JsonPropertyName("data")] IReadOnlyList<T> Data);

/// <summary>The portal's answer: <c>error_code</c> "0" is success.</summary>
public sealed record DvcqgReply(
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("message")] string? Message = null);

/// <summary>One dossier (HoSoDongBoDVC) in DongBoHoSoMC.</summary>
public sealed record NationalDossier
{
    public required string MaHoSo { get; init; }
    public required string MaTTHC { get; init; }
    public required string TenTTHC { get; init; }
    public string MaLinhVuc { get; init; } = "";
    public string? TenLinhVuc { get; init; }
    public required string KenhThucHien { get; init; }
    public required string ChuHoSo { get; init; }
    public string? SoGiayToChuHoSo { get; init; }
    public required string LoaiDoiTuong { get; init; }
    public required string TrichYeuHoSo { get; init; }
    public string? NgayNopHoSo { get; init; }
    public string? NgayTiepNhan { get; init; }
    public string? NgayHenTra { get; init; }
    public string? NgayTra { get; init; }
    public string? NgayKetThucXuLy { get; init; }
    public required string TrangThaiHoSo { get; init; }
    public required string HinhThuc { get; init; }
    public required string DonViXuLy { get; init; }
    public required string HoSoCoThanhPhanSoHoa { get; init; }
    public required string TaiKhoanDuocXacThucVoiVNeID { get; init; }
    public required string DuocThanhToanTrucTuyen { get; init; }
    public IReadOnlyList<NationalDocument> TaiLieuNop { get; init; } = [];
    public IReadOnlyList<NationalFee> DanhSachLePhi { get; init; } = [];
    public IReadOnlyList<NationalSupplement> DanhSachHoSoBoSung { get; init; } = [];
    public IReadOnlyList<NationalResult> DanhSachGiayToKetQua { get; init; } = [];
}

public sealed record NationalDocument(
    string TepDinhKemId, string TenTepDinhKem, string IsDeleted, string MaThanhPhanHoSo, string? DuongDanTaiTepTin,
    string DuocSoHoa, string DuocTaiSuDung, string DuocLayTuKhoDMQG);

public sealed record NationalFee(string TenPhiLePhi, string MaPhiLePhi, string HinhThucThu, long Gia, string LoaiPhiLePhi);

public sealed record NationalSupplement(
    string HoSoBoSungId, string NguoiYeuCauBoSung, string NoiDungBoSung, string NgayBoSung, string TrangThaiBoSung,
    string? NgayTiepNhanBoSung, string? NgayHenTraTruoc, string? NgayHenTraMoi);

public sealed record NationalResult(string TenGiayTo, string MaThanhPhanHoSo, string GiayToId, string? DuongDanTepTinKetQua, string? MaGiayToKetQua);

/// <summary>One processing step in CapNhatTienDoHoSoMC.</summary>
public sealed record NationalProgress
{
    public required string MaHoSo { get; init; }
    public required string NguoiXuLy { get; init; }
    public required string ChucDanh { get; init; }
    public required string ThoiDiemXuLy { get; init; }
    public required string PhongBanXuLy { get; init; }
    public required string NoiDungXuLy { get; init; }
    public required string TrangThai { get; init; }
    public required string NgayBatDau { get; init; }
    public string? NgayKetThucTheoQuyDinh { get; init; }
}
