namespace MotCua.Web.Features.Meetings;

/// <summary>Vietnamese labels (localised in the pages) of the states the API names in English.</summary>
public static class MeetingText
{
    public static string Response(string r) => r switch { "accepted" => "Tham dự", "declined" => "Vắng", _ => "Chưa trả lời" };

    public static string Attendance(string a) => a switch
    {
        "joined-online" => "Tham dự trực tuyến",
        "present" => "Có mặt tại phòng họp",
        "absent" => "Vắng",
        _ => "Chưa điểm danh",
    };

    public static string Status(string s) => s switch { "held" => "Đã họp", "cancelled" => "Đã hủy", _ => "Đã lên lịch" };
}
