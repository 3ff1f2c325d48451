using System.Globalization;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Writes applicant notifications into the outbox; the caller's SaveChanges commits them with the dossier change.</summary>
public static class DossierNotifications
{
    /// <summary>Maps a workflow action to the notification it causes, if any, and enqueues it.</summary>
    public static void Enqueue(AppDbContext db, Dossier dossier, string action, DateTime nowUtc, string? note = null) =>
        db.OutboxMessages.AddRange(Messages(dossier, action, nowUtc, note));

    /// <summary>The outbox messages a workflow action causes (none for most actions), not yet added to any context.</summary>
    public static List<OutboxMessage> Messages(Dossier dossier, string action, DateTime nowUtc, string? note = null)
    {
        NotificationKind? kind = action switch
        {
            // An online submission is only received when the desk accepts it.
            "receive" or "receive-postal" or "accept" => NotificationKind.Receipt,
            "request-supplement" => NotificationKind.SupplementRequest,
            "apologize" => NotificationKind.Apology,
            "record-result" => NotificationKind.ResultReady,
            "submit" => NotificationKind.Submitted,
            _ => null,
        };
        return kind is { } k ? Messages(dossier, k, nowUtc, note) : [];
    }

    public static List<OutboxMessage> Messages(Dossier dossier, NotificationKind kind, DateTime nowUtc, string? note = null)
    {
        var (subject, body) = MessageText(dossier, kind, note);
        List<OutboxMessage> messages = [];
        if (!string.IsNullOrWhiteSpace(dossier.Applicant.Email))
        {
            messages.Add(New(NotificationChannel.Email, dossier.Applicant.Email, subject, body.Email));
        }

        if (!string.IsNullOrWhiteSpace(dossier.Applicant.Phone))
        {
            messages.Add(New(NotificationChannel.Sms, dossier.Applicant.Phone, null, body.Sms));
        }

        return messages;

        OutboxMessage New(NotificationChannel channel, string to, string? s, string text) => new()
        {
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
            Channel = channel,
            To = to.Trim(),
            Subject = s,
            Body = text,
            DossierCode = dossier.Code,
            Kind = kind,
        };
    }

    public static string TrackingLink(string code) => $"{PublicLinks.BaseUrl.TrimEnd('/')}/Tracking?code={Uri.EscapeDataString(code)}";

    internal static (string Subject, (string Email, string Sms) Body) MessageText(Dossier d, NotificationKind kind, string? note)
    {
        var text = Compose(d, kind, note);
        var over = text.Body.Email.Length - OutboxMessage.MaxBody;
        if (over > 0 && note?.Trim() is { Length: > 0 } n)
        {
            // A note at its 4,000-character limit does not fit beside the procedure's name: the message carries its start, form 02 the whole.
            var keep = Math.Max(0, n.Length - over - 1);
            keep -= keep > 0 && char.IsHighSurrogate(n[keep - 1]) ? 1 : 0;
            text = Compose(d, kind, n[..keep] + "…");
        }

        return text;
    }

    private static (string Subject, (string Email, string Sms) Body) Compose(Dossier d, NotificationKind kind, string? note)
    {
        var link = TrackingLink(d.Code);
        var date = d.AppointmentDate is { } a ? a.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "sẽ thông báo sau khi hồ sơ được tiếp nhận";
        var reason = string.IsNullOrWhiteSpace(note) ? "" : $" Nội dung: {note.Trim()}";
        var (subject, line) = kind switch
        {
            NotificationKind.Receipt => (
                $"Tiếp nhận hồ sơ {d.Code}",
                $"Hồ sơ {d.Code} ({d.ProcedureName}) đã được tiếp nhận. Ngày hẹn trả kết quả: {date}."),
            NotificationKind.SupplementRequest => (
                $"Yêu cầu bổ sung hồ sơ {d.Code}",
                $"Hồ sơ {d.Code} ({d.ProcedureName}) cần bổ sung, hoàn thiện.{reason} Thời hạn giải quyết tạm dừng đến khi nhận đủ hồ sơ bổ sung."),
            NotificationKind.Submitted => (
                $"Đã nhận hồ sơ trực tuyến {d.Code}",
                $"Hồ sơ trực tuyến {d.Code} ({d.ProcedureName}) đã được gửi lúc {TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d.ReceivedAtUtc, DateTimeKind.Utc), VietnamTime.Zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)}, gồm {d.Documents.Count} thành phần. Bộ phận một cửa sẽ kiểm tra và tiếp nhận trong 8 giờ làm việc; giấy tiếp nhận và hẹn trả kết quả (mẫu 01) được gửi khi hồ sơ được tiếp nhận."),
            NotificationKind.HandedOver => (
                $"Hồ sơ {d.Code} được bàn giao cho {note?.Trim()}",
                $"Hồ sơ {d.Code} ({d.ProcedureName}) nay do {note?.Trim()} tiếp tục giải quyết vì đơn vị đang giải quyết đã kết thúc hoạt động theo sắp xếp đơn vị hành chính. Ngày hẹn trả kết quả giữ nguyên: {date}."),
            NotificationKind.Apology => (
                $"Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {d.Code}",
                $"Hồ sơ {d.Code} ({d.ProcedureName}) chưa giải quyết kịp thời hạn. Cơ quan xin lỗi và hẹn lại ngày trả kết quả: {date}.{reason}"),
            _ => (
                $"Kết quả hồ sơ {d.Code} đã sẵn sàng",
                $"Kết quả giải quyết hồ sơ {d.Code} ({d.ProcedureName}) đã có. Ngày hẹn trả kết quả: {date}."),
        };
        var email = $"Kính gửi {d.Applicant.FullName},\n\n{line}\nTra cứu tình trạng hồ sơ: {link}\n\nBộ phận Một cửa";
        var sms = $"{line} Tra cứu: {link}";
        return (subject, (email, sms));
    }
}
