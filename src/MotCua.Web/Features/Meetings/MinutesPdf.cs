using System.Globalization;
using MotCua.Web.Features.Forms;
using MotCua.Web.Features.Organisation;
using PdfSharp.Pdf;

namespace MotCua.Web.Features.Meetings;

/// <summary>The minutes (biên bản cuộc họp) laid out like the other forms, ready for <c>PdfSigner.SignAsync</c>.</summary>
internal static class MinutesPdf
{
    public static PdfDocument Compose(Meeting m, OrgUnit unit, OrgUnit? parent, DateOnly today)
    {
        var header = new FormHeader(Authority(parent), Authority(unit), Place(unit), today);
        var present = m.Invitees.Where(i => i.Attendance is Attendance.Present or Attendance.JoinedOnline).ToList();
        var absent = m.Invitees.Where(i => i.Attendance == Attendance.Absent).ToList();
        List<Block> blocks =
        [
            Para.Field("Thời gian", $"{MeetingReads.LocalText(m.StartUtc)} – {MeetingReads.LocalText(m.EndUtc)}"),
            Para.Field("Địa điểm", m.Place is { } p ? (m.Online ? p + " (kết hợp trực tuyến)" : p) : "Trực tuyến"),
            Para.Field("Chủ trì", m.ChairName),
            Para.Field("Hình thức", MeetingCounting.IsOnline(m) ? "Trực tuyến / tài liệu điện tử" : "Trực tiếp"),
            Para.Of("Thành phần tham dự", bold: true),
            new Table(["STT", "Họ và tên", "Đơn vị", "Tham dự"], [0.08, 0.37, 0.35, 0.2],
                [.. present.Select((i, n) => new[] { (n + 1).ToString(CultureInfo.InvariantCulture), i.Name, i.UnitName, i.Attendance == Attendance.JoinedOnline ? "Trực tuyến" : "Tại phòng họp" })]),
        ];
        if (absent.Count > 0)
        {
            blocks.Add(Para.Of("Vắng mặt", bold: true));
            blocks.Add(new Table(["STT", "Họ và tên", "Lý do"], [0.08, 0.42, 0.5],
                [.. absent.Select((i, n) => new[] { (n + 1).ToString(CultureInfo.InvariantCulture), i.Name, i.AbsenceReason ?? "" })]));
        }

        if (m.Agenda.Count > 0)
        {
            blocks.Add(Para.Of("Nội dung", bold: true));
            blocks.AddRange(m.Agenda.OrderBy(a => a.Order).Select(a => Para.Of($"{a.Order}. {a.Title}" + (a.Presenter is null ? "" : $" ({a.Presenter})"))));
        }

        blocks.Add(Para.Of("Diễn biến và kết luận", bold: true));
        blocks.AddRange(m.MinutesText!.Split('\n').Where(l => l.Trim().Length > 0).Select(l => Para.Of(l.Trim())));
        if (m.Tasks.Count > 0)
        {
            blocks.Add(Para.Of("Giao nhiệm vụ", bold: true));
            blocks.Add(new Table(["STT", "Nhiệm vụ", "Người thực hiện", "Hạn"], [0.08, 0.52, 0.25, 0.15],
                [.. m.Tasks.Select((x, n) => new[] { (n + 1).ToString(CultureInfo.InvariantCulture), x.Title, x.OwnerName, x.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) })]));
        }

        blocks.Add(new Signatures([new Signature("CHỦ TRÌ", "(Ký số)", m.ChairName)]));
        var layout = new FormLayout(header, "BB", null, "BIÊN BẢN CUỘC HỌP", m.Title, blocks);
        return FormPdf.Compose(layout, $"motcua:meeting:{m.Id}", $"Biên bản cuộc họp - {m.Title}");
    }

    private static string Authority(OrgUnit? unit) => unit switch
    {
        null => "",
        { Kind: UnitKind.Province or UnitKind.District or UnitKind.Commune } => "Ủy ban nhân dân " + char.ToLowerInvariant(unit.Name[0]) + unit.Name[1..],
        _ => unit.Name,
    };

    private static string Place(OrgUnit unit) =>
        unit.Name.Replace("Huyện ", "", StringComparison.Ordinal).Replace("Xã ", "", StringComparison.Ordinal).Replace("Tỉnh ", "", StringComparison.Ordinal);
}
