using MotCua.Domain.Dossiers;

namespace MotCua.Domain.NationalPortal;

/// <summary>
/// The national public-service portal's dossier status codes (TrangThaiHoSo, Cổng Dịch vụ công quốc gia) and THE one table
/// that maps MotCua's states onto them. A hold (supplement, fee, stop) keeps its own code: it is never reported as
/// processed (9) or returned (10), as some systems do to raise their figures.
/// </summary>
public static class NationalStatus
{
    public const int Registered = 1;
    public const int Accepted = 2;
    public const int NotAccepted = 3;
    public const int Processing = 4;
    public const int SupplementRequested = 5;
    public const int FinancialObligation = 6;
    public const int WithdrawnByApplicant = 7;
    public const int Stopped = 8;
    public const int Processed = 9;
    public const int Returned = 10;

    /// <summary>Every local state → its national code. A state missing here fails the mapping test, not a sync at night.</summary>
    public static readonly IReadOnlyDictionary<DossierStatus, int> Table = new Dictionary<DossierStatus, int>
    {
        [DossierStatus.AwaitingReception] = Registered,
        [DossierStatus.Received] = Accepted,
        [DossierStatus.InProcess] = Processing,
        [DossierStatus.AwaitingSupplement] = SupplementRequested,
        [DossierStatus.AwaitingFee] = FinancialObligation,
        // The leader's decision is still to come: processing, not processed.
        [DossierStatus.AwaitingApproval] = Processing,
        [DossierStatus.Approved] = Processed,
        [DossierStatus.ResultReady] = Processed,
        [DossierStatus.Returned] = Returned,
        // Form 03 (refusal with reasons): the portal's "denied".
        [DossierStatus.Refused] = NotAccepted,
        [DossierStatus.Stopped] = Stopped,
        [DossierStatus.Withdrawn] = WithdrawnByApplicant,
    };

    /// <summary>The national code of a local state.</summary>
    public static int Of(DossierStatus status) =>
        Table.TryGetValue(status, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(status), status, "No national status for this state.");

    /// <summary>Processed (9) or returned (10): what the portal counts as done.</summary>
    public static bool IsDone(int code) => code is Processed or Returned;

    /// <summary>The portal's Vietnamese name of a code.</summary>
    public static string Label(int code) => code switch
    {
        Registered => "Mới đăng ký",
        Accepted => "Được tiếp nhận",
        NotAccepted => "Không được tiếp nhận",
        Processing => "Đang xử lý",
        SupplementRequested => "Yêu cầu bổ sung giấy tờ",
        FinancialObligation => "Yêu cầu thực hiện nghĩa vụ tài chính",
        WithdrawnByApplicant => "Công dân yêu cầu rút hồ sơ",
        Stopped => "Dừng xử lý",
        Processed => "Đã xử lý xong",
        Returned => "Đã trả kết quả",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính.</summary>
    public static int ChannelCode(bool online, bool postal) => online ? 2 : postal ? 3 : 1;

    /// <summary>
    /// LoaiDoiTuong: 1 công dân, 2 doanh nghiệp. An applicant with a tax code and no personal ID is an organisation; MotCua's
    /// applicant record has no field for state bodies (3) or other organisations (4).
    /// </summary>
    public static int ApplicantType(string? idNumber, string? taxCode) =>
        string.IsNullOrWhiteSpace(idNumber) && !string.IsNullOrWhiteSpace(taxCode) ? 2 : 1;
}
