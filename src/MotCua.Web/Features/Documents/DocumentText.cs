namespace MotCua.Web.Features.Documents;

/// <summary>Vietnamese labels of the API codes (the views pass them through the localizer).</summary>
public static class DocumentText
{
    public static string Role(string code) => code switch
    {
        "chu-tri" => "Chủ trì",
        "phoi-hop" => "Phối hợp",
        _ => "Để biết",
    };

    public static string Status(string code) => code switch
    {
        "registered" => "Chưa giao xử lý",
        "assigned" => "Đang xử lý",
        "done" => "Đã xử lý xong",
        "draft" => "Dự thảo, chờ lãnh đạo ký",
        "signed" => "Lãnh đạo đã ký, chờ phát hành",
        _ => "Đã ban hành",
    };

    public static string Urgency(string code) => code switch
    {
        "khan" => "Khẩn",
        "thuong-khan" => "Thượng khẩn",
        "hoa-toc" => "Hỏa tốc",
        _ => "Thường",
    };

    public static string Secrecy(string code) => code switch
    {
        "mat" => "Mật",
        "toi-mat" => "Tối mật",
        "tuyet-mat" => "Tuyệt mật",
        _ => "Thường",
    };

    public static string Action(string code) => code switch
    {
        "register" => "Vào sổ văn bản đến",
        "issue" => "Cấp số, ban hành",
        "assign" => "Giao xử lý",
        "progress" => "Cập nhật tiến độ",
        "close" => "Kết thúc phần việc",
        "done" => "Văn bản đã xử lý xong",
        "draft" => "Soạn dự thảo",
        "sign" => "Lãnh đạo ký số",
        "return" => "Trả lại dự thảo",
        "resubmit" => "Gửi lại dự thảo",
        "reply" => "Đã trả lời",
        _ => code,
    };
}
