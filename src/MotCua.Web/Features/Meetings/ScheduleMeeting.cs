using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Meetings;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>
/// Schedules a meeting of a unit in the caller's subtree: invitees (people, and units expanded into their staff), agenda
/// with documents, the video room of the configured platform, and one invitation per invitee through the outbox (e-mail,
/// SMS) and the workspace. Invitees' overlapping meetings come back as conflicts: a warning, never a refusal.
/// </summary>
public sealed class ScheduleMeeting(AppDbContext db, MeetingReads reads, VideoPlatform platform, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;
    public sealed record Scheduled(MeetingView Meeting) : Outcome;
    public sealed record Invalid(string Field, string Message) : Outcome;

    public const int MaxInvitees = 300;

    public async Task<Outcome> HandleAsync(ScheduleRequest? r, ClaimsPrincipal user, CancellationToken ct)
    {
        if (r is null)
        {
            return new Invalid("body", t["Thiếu nội dung yêu cầu."]);
        }

        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 300)
        {
            return new Invalid("title", t["Nhập tên cuộc họp (tối đa 300 ký tự)."]);
        }

        if (ParseStart(r.Start) is not { } startUtc)
        {
            return new Invalid("start", t["Thời gian bắt đầu không hợp lệ (ví dụ 2026-12-10T08:00, giờ Việt Nam)."]);
        }

        var duration = r.DurationMinutes ?? 0;
        if (duration is < MeetingRules.MinDurationMinutes or > MeetingRules.MaxDurationMinutes)
        {
            return new Invalid("durationMinutes", t["Thời lượng từ {0} đến {1} phút.", MeetingRules.MinDurationMinutes, MeetingRules.MaxDurationMinutes]);
        }

        var place = string.IsNullOrWhiteSpace(r.Place) ? null : r.Place.Trim();
        var online = r.Online ?? place is null;
        if (place is null && !online)
        {
            return new Invalid("place", t["Nhập địa điểm họp hoặc chọn họp trực tuyến."]);
        }

        if (place?.Length > 200)
        {
            return new Invalid("place", t["Địa điểm tối đa 200 ký tự."]);
        }

        var platformName = online ? platform.Configured : null;
        if (platformName == MeetingPlatforms.Link && !(Uri.TryCreate(r.ExternalUrl, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps && r.ExternalUrl!.Length <= 500))
        {
            return new Invalid("externalUrl", t["Nhập đường dẫn phòng họp trực tuyến (https)."]);
        }

        var users = (r.InviteUsers ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var unitCodes = (r.InviteUnits ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (users.Length + unitCodes.Length == 0)
        {
            return new Invalid("inviteUsers", t["Mời ít nhất một người hoặc một đơn vị."]);
        }

        var agenda = r.Agenda ?? [];
        if (agenda.Length > 50 || agenda.Any(a => a is null || string.IsNullOrWhiteSpace(a.Title) || a.Title.Length > 500 || a.Presenter?.Length > 200 || (a.Documents?.Length ?? 0) > 20))
        {
            return new Invalid("agenda", t["Mỗi nội dung họp cần tiêu đề (tối đa 500 ký tự), tối đa 20 tài liệu."]);
        }

        var documents = agenda.SelectMany(a => a.Documents ?? []).ToArray();
        if (documents.Any(d => d is null || (string.IsNullOrWhiteSpace(d.FileId) && d.RegisterDocumentId is null) || d.Name?.Length > 200))
        {
            return new Invalid("agenda", t["Mỗi tài liệu cần một tệp đã tải lên (fileId) hoặc số văn bản trong sổ."]);
        }

        // Only the caller's own uploads can be attached: a file id is not a read grant.
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var fileIds = documents.Where(d => !string.IsNullOrWhiteSpace(d.FileId)).Select(d => d.FileId!).Distinct().ToArray();
        var files = await db.UploadedFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id) && f.OwnerUserId == userId).ToDictionaryAsync(f => f.Id, ct);
        if (fileIds.FirstOrDefault(id => !files.ContainsKey(id)) is { } missing)
        {
            return new Invalid("agenda", t["Không tìm thấy tệp {0} do bạn tải lên.", missing]);
        }

        var unit = string.IsNullOrWhiteSpace(r.UnitCode)
            ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == user.UnitId(), ct)
            : await db.Units.AsNoTracking().Where(u => u.Code == r.UnitCode).OrderByDescending(u => u.ValidFrom).FirstOrDefaultAsync(ct);
        if (unit is null || !user.CanSee(unit.Path))
        {
            return new Invalid("unitCode", t["Đơn vị chủ trì không thuộc phạm vi của bạn."]);
        }

        var invitedUnits = await db.Units.AsNoTracking().Where(u => unitCodes.Contains(u.Code)).ToListAsync(ct);
        if (unitCodes.FirstOrDefault(c => invitedUnits.All(u => u.Code != c)) is { } unknownUnit)
        {
            return new Invalid("inviteUnits", t["Không có đơn vị {0}.", unknownUnit]);
        }

        var people = await db.Users.AsNoTracking().Where(u => users.Contains(u.UserName!) && u.UnitId != null).Include(u => u.Unit).ToListAsync(ct);
        if (users.FirstOrDefault(n => people.All(p => !string.Equals(p.UserName, n, StringComparison.OrdinalIgnoreCase))) is { } unknownUser)
        {
            return new Invalid("inviteUsers", t["Không có cán bộ {0}.", unknownUser]);
        }

        var unitIds = invitedUnits.Select(u => u.Id).ToArray();
        var staffOfUnits = await db.Users.AsNoTracking().Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value)).Include(u => u.Unit).ToListAsync(ct);
        AppUser? chair = null;
        if (!string.IsNullOrWhiteSpace(r.ChairUserName))
        {
            chair = await db.Users.AsNoTracking().Include(u => u.Unit).SingleOrDefaultAsync(u => u.UserName == r.ChairUserName && u.UnitId != null, ct);
            if (chair is null)
            {
                return new Invalid("chairUserName", t["Không có cán bộ {0}.", r.ChairUserName]);
            }
        }

        var chairName = chair?.FullName ?? r.ChairName?.Trim();
        if (string.IsNullOrEmpty(chairName) || chairName.Length > 200)
        {
            return new Invalid("chairName", t["Nhập người chủ trì."]);
        }

        var invitees = new List<MeetingInvitee>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Invite(AppUser u, int? via)
        {
            if (seen.Add(u.Id))
            {
                invitees.Add(new MeetingInvitee { UserId = u.Id, Name = u.FullName, UnitName = u.Unit?.Name ?? "", ViaUnitId = via, JoinKey = NewKey() });
            }
        }

        foreach (var p in people)
        {
            Invite(p, null);
        }

        foreach (var u in staffOfUnits)
        {
            Invite(u, u.UnitId);
        }

        if (chair is not null)
        {
            Invite(chair, null);
        }

        // A unit with no account yet still appears in the schedule through a row without a person.
        foreach (var u in invitedUnits.Where(u => staffOfUnits.All(s => s.UnitId != u.Id)))
        {
            invitees.Add(new MeetingInvitee { Name = u.Name, UnitName = u.Name, ViaUnitId = u.Id, JoinKey = NewKey() });
        }

        if (invitees.Count > MaxInvitees)
        {
            return new Invalid("inviteUnits", t["Tối đa {0} người được mời.", MaxInvitees]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var endUtc = MeetingRules.EndUtc(startUtc, duration);
        var meeting = new Meeting
        {
            Title = title,
            UnitId = unit.Id,
            UnitPath = unit.Path,
            UnitName = unit.Name,
            ChairUserId = chair?.Id,
            ChairName = chairName,
            StartUtc = startUtc,
            DurationMinutes = duration,
            EndUtc = endUtc,
            Place = place,
            Online = online,
            Platform = platformName,
            Status = MeetingStatus.Scheduled,
            CreatedByUserId = userId,
            CreatedAtUtc = now,
            Invitees = invitees,
            Agenda = [.. agenda.Select((a, i) => new AgendaItem
            {
                Order = i + 1,
                Title = a.Title!.Trim(),
                Presenter = string.IsNullOrWhiteSpace(a.Presenter) ? null : a.Presenter.Trim(),
                Documents = [.. (a.Documents ?? []).Select(d => new MeetingDocument
                {
                    FileId = string.IsNullOrWhiteSpace(d.FileId) ? null : d.FileId,
                    RegisterDocumentId = d.RegisterDocumentId,
                    Name = string.IsNullOrWhiteSpace(d.Name) ? (d.FileId is { } f && files.TryGetValue(f, out var file) ? file.FileName : $"Văn bản {d.RegisterDocumentId}") : d.Name.Trim(),
                })],
            })],
        };

        var conflicts = await reads.ConflictsAsync([.. invitees.Where(i => i.UserId is not null).Select(i => (i.UserId!, i.Name))], startUtc, endUtc, null, ct);
        db.Meetings.Add(meeting);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            if (online)
            {
                meeting.Room = VideoPlatform.NewRoom(platformName!, meeting.Id, r.ExternalUrl);
            }

            db.MeetingEvents.Add(new MeetingEvent { MeetingId = meeting.Id, AtUtc = now, ActorUserId = userId, Action = "scheduled", Note = $"{invitees.Count} người được mời" });
            var contacts = await db.Users.AsNoTracking().Where(u => invitees.Select(i => i.UserId).Contains(u.Id)).Select(u => new { u.Id, u.Email, u.PhoneNumber }).ToDictionaryAsync(u => u.Id, ct);
            foreach (var i in invitees.Where(i => i.UserId is not null && contacts.ContainsKey(i.UserId)))
            {
                var c = contacts[i.UserId!];
                Invitation(meeting, i, c.Email, c.PhoneNumber, now);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return new Scheduled(await reads.ToViewAsync(meeting, user, ct) with { Conflicts = conflicts });
    }

    private void Invitation(Meeting m, MeetingInvitee i, string? email, string? phone, DateTime now)
    {
        var when = MeetingReads.LocalText(m.StartUtc);
        var where = m.Place is { } p ? (m.Online ? $"{p} và trực tuyến" : p) : "trực tuyến";
        var link = m.Online ? PublicLinks.BaseUrl + MeetingReads.JoinPath(i.JoinKey) : null;
        if (!string.IsNullOrWhiteSpace(email))
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
                Channel = NotificationChannel.Email,
                To = email,
                Subject = $"Giấy mời họp: {m.Title}"[..Math.Min(300, 11 + m.Title.Length)],
                Body = $"Kính gửi {i.Name},\n{m.UnitName} trân trọng kính mời dự cuộc họp \"{m.Title}\" do {m.ChairName} chủ trì, lúc {when}, tại {where}."
                    + (link is null ? "" : $"\nĐường dẫn tham dự riêng của bạn (mở từ 15 phút trước giờ họp): {link}")
                    + $"\nXác nhận tham dự tại: {PublicLinks.BaseUrl}/Meetings/Details?id={m.Id}",
                DossierCode = "",
                Kind = NotificationKind.MeetingInvitation,
            });
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
                Channel = NotificationChannel.Sms,
                To = phone,
                // SMS gateways of the demo send ASCII, as the other SMS texts.
                Body = Ascii($"Moi hop: {Short(m.Title)} luc {when} tai {where}.") + (link is null ? "" : " Vao hop: " + link),
                DossierCode = "",
                Kind = NotificationKind.MeetingInvitation,
            });
        }
    }

    private static string Ascii(string text)
    {
        var d = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(System.Text.NormalizationForm.FormD);
        return new string([.. d.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>An ISO date-time with an offset or Z, or without one as Vietnamese local time.</summary>
    public static DateTime? ParseStart(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10))
        {
            return withOffset.UtcDateTime;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && local.Year is >= 2000 and <= 2100
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamTime.Zone)
            : null;
    }
}
