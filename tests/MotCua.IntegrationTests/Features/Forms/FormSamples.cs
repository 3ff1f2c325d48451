using MotCua.Web.Features.Forms;

namespace MotCua.IntegrationTests.Features.Forms;

/// <summary>One filled-in sample of each form; names, addresses and codes are invented demo values.</summary>
public static class FormSamples
{
    public const string ApplicantName = "Chamaléa Thị Mỹ Hường";
    public const string DossierCode = "H15.50.05.13-250603-0007";
    public const string ProcedureCode = "1.001193.000.00.00.H56";

    public static readonly FormHeader Header = new("Ủy ban nhân dân huyện Bác Ái", "Bộ phận Một cửa huyện Bác Ái", "Bác Ái", new DateOnly(2025, 6, 3));
    public static readonly Applicant Applicant = new(ApplicantName, "Thôn Ma Hoa, xã Phước Bình, huyện Bác Ái, tỉnh Ninh Thuận", "0912345678", "myhuong@example.vn");
    public static readonly DossierRef Dossier = new(DossierCode, ProcedureCode, "Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi");

    public static readonly ReceiptForm Receipt = new(
        Header, Dossier, "Bộ phận Một cửa huyện Bác Ái", Applicant,
        [
            new("Tờ khai đăng ký khai sinh", DocumentKind.Original, 1),
            new("Giấy chứng sinh do Trạm Y tế xã Phước Bình cấp", DocumentKind.Original, 1),
            new("Căn cước công dân của người đi đăng ký (đối chiếu, không thu)", DocumentKind.Photocopy, 1),
            new("Giấy chứng nhận kết hôn của cha mẹ", DocumentKind.CertifiedCopy, 2),
            new("Giấy xác nhận thông tin cư trú của người mẹ do Công an Phường Đô Vinh cấp", DocumentKind.Original, 1),
        ],
        LegalWorkingDays: 5, ReceivedAt: new DateTime(2025, 6, 3, 9, 15, 0), AppointmentDate: new DateOnly(2025, 6, 10),
        ResultReturnPlace: "Bộ phận Một cửa huyện Bác Ái", TrackingBookVolume: "02/2025", TrackingBookNumber: 1375,
        ReceivingOfficer: "Katơr Văn Lập");

    public static readonly SupplementRequestForm Supplement = new(
        Header, "07/PYCBS", Dossier, Applicant, new DateTime(2025, 6, 3, 9, 15, 0),
        ["Bản sao Giấy chứng nhận kết hôn của cha mẹ có chứng thực", "Ảnh chân dung 3x4 của trẻ"], "Giấy tờ đã nộp là bản photo không có chứng thực", "Katơr Văn Lập");

    public static readonly RefusalForm Refusal = new(
        Header, "03/PTC", Dossier, Applicant, ["Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân huyện", "Người nộp không có giấy ủy quyền hợp lệ"], "Katơr Văn Lập");

    public static readonly ApologyForm Apology = new(
        Header, "12/PXL", Dossier, Applicant, new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 10), "Cần xác minh thông tin cư trú tại xã Phước Bình",
        new DateOnly(2025, 6, 13), DeliveryChannel.InPerson, "Pinăng Thị Ậu");

    public static readonly StopNoticeForm Stop = new(
        Header, "02/TB-DGQ", Dossier, Applicant, new DateOnly(2025, 6, 3), "Người nộp hồ sơ đề nghị rút hồ sơ ngày 05/06/2025", "Pinăng Thị Ậu");

    public static readonly ProcessControlSheet Control = new(
        Header, Dossier, Applicant, new DateTime(2025, 6, 3, 9, 15, 0), new DateOnly(2025, 6, 10),
        [
            new("Bộ phận Một cửa huyện", new DateTime(2025, 6, 3, 10, 0, 0), new DateTime(2025, 6, 3, 14, 5, 0), "Katơr Văn Lập", "Nguyễn Thị Ỹ", StepResult.Early, null),
            new("Phòng Tư pháp", new DateTime(2025, 6, 5, 16, 30, 0), new DateTime(2025, 6, 6, 8, 0, 0), "Nguyễn Thị Ỹ", "Đặng Văn Thuận", StepResult.OnTime, "Trình ký"),
            new("Văn phòng HĐND và UBND huyện", new DateTime(2025, 6, 9, 9, 0, 0), null, "Đặng Văn Thuận", "Bộ phận Một cửa huyện", StepResult.Late, "Chờ ký số"),
        ]);

    public static TrackingBook Book(int rows = 3, bool masked = false) => new(
        Header, "H15.50.05.13", new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30), masked,
        [.. Enumerable.Range(1, rows).Select(i => new TrackingBookRow(
            $"H15.50.05.13-2506{i % 28 + 1:00}-{i:0000}", i % 2 == 0 ? "1.000656.000.00.00.H56" : ProcedureCode,
            i % 2 == 0 ? "Chứng thực bản sao từ bản chính" : "Đăng ký khai sinh", i == 1 ? ApplicantName : $"Trần Văn Sỹ {i}",
            new DateOnly(2025, 6, i % 28 + 1), new DateOnly(2025, 6, i % 28 + 1).AddDays(7),
            i % 3 == 0 ? null : new DateOnly(2025, 6, i % 28 + 1).AddDays(5), i % 3 == 0 ? null : new DateOnly(2025, 6, i % 28 + 1).AddDays(6),
            "Bộ phận Một cửa; Phòng Tư pháp", i % 3 == 0 ? "Đang xử lý" : "Đúng hạn"))]);

    public static TheoryData<string> Numbers => ["01", "02", "03", "04", "05", "06", "07"];

    public static IPrintableForm Form(string number) => number switch
    {
        "01" => Receipt,
        "02" => Supplement,
        "03" => Refusal,
        "04" => Apology,
        "05" => Stop,
        "06" => Control,
        _ => Book(),
    };

    public static string Title(string number) => number switch
    {
        "01" => "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "02" => "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "03" => "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "04" => "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "05" => "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "06" => "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        _ => "SỔ THEO DÕI HỒ SƠ",
    };
}
