using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Meetings;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>An invitee accepts or declines (with a reason); they may change their answer until the meeting is held.</summary>
public sealed class RespondToMeeting(AppDbContext db, MeetingReads reads, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;
    public sealed record Responded(MeetingView Meeting) : Outcome;
    public sealed record Invalid(string Field, string Message) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, RespondRequest? r, ClaimsPrincipal user, CancellationToken ct)
    {
        var response = r?.Response switch { "accept" => InviteResponse.Accepted, "decline" => InviteResponse.Declined, _ => (InviteResponse?)null };
        if (response is null)
        {
            return new Invalid("response", t["Chọn 'accept' (tham dự) hoặc 'decline' (vắng)."]);
        }

        var reason = string.IsNullOrWhiteSpace(r!.Reason) ? null : r.Reason.Trim();
        if (response == InviteResponse.Declined && reason is null)
        {
            return new Invalid("reason", t["Nêu lý do vắng mặt."]);
        }

        if (reason?.Length > 500)
        {
            return new Invalid("reason", t["Lý do tối đa 500 ký tự."]);
        }

        var m = await reads.LoadAsync(id, user, ct, tracking: true);
        if (m is null)
        {
            return new NotFound();
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (m.Invitees.FirstOrDefault(i => i.UserId == userId) is not { } mine)
        {
            return new Refused(t["Bạn không có trong danh sách được mời."]);
        }

        if (m.Status != MeetingStatus.Scheduled)
        {
            return new Refused(t["Cuộc họp đã diễn ra hoặc đã hủy."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        mine.Response = response.Value;
        mine.ResponseReason = reason;
        mine.RespondedAtUtc = now;
        db.MeetingEvents.Add(new MeetingEvent { MeetingId = m.Id, AtUtc = now, ActorUserId = userId, Action = response == InviteResponse.Accepted ? "accept" : "decline", Note = reason });
        await db.SaveChangesAsync(ct);
        return new Responded(await reads.ToViewAsync(m, user, ct));
    }
}

/// <summary>
/// The personal join link: valid for one invitee of one online meeting, from 15 minutes before the start to 30 minutes after
/// the end. Using it records the invitee as joined online, then sends them to the platform with their own signed entry.
/// </summary>
public sealed class JoinMeeting(AppDbContext db, VideoPlatform platform, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;
    public sealed record Redirect(string Url) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record OutsideWindow(string Message) : Outcome;
    public sealed record Unavailable(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(string key, CancellationToken ct)
    {
        if (key.Length != 32 || !key.All(Uri.IsHexDigit))
        {
            return new NotFound();
        }

        var invitee = await db.MeetingInvitees.SingleOrDefaultAsync(i => i.JoinKey == key, ct);
        var m = invitee is null ? null : await db.Meetings.Include(x => x.Invitees).Include(x => x.Agenda).ThenInclude(a => a.Documents).AsSplitQuery().SingleAsync(x => x.Id == invitee.MeetingId, ct);
        if (m is null || !m.Online || m.Status == MeetingStatus.Cancelled || m.Room is null)
        {
            return new NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!MeetingRules.InJoinWindow(now, m.StartUtc, m.EndUtc))
        {
            var (opens, closes) = MeetingRules.JoinWindow(m.StartUtc, m.EndUtc);
            return new OutsideWindow(t["Đường dẫn chỉ dùng được từ {0} đến {1}.", MeetingReads.LocalText(opens), MeetingReads.LocalText(closes)]);
        }

        string? url;
        try
        {
            url = await platform.EntryAsync(new JoinRequest(m, invitee!, invitee!.UserId is not null && invitee.UserId == m.ChairUserId, now), ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Xml.XmlException)
        {
            return new Unavailable(t["Máy chủ họp trực tuyến chưa sẵn sàng, vui lòng thử lại sau ít phút."]);
        }

        if (url is null)
        {
            return new NotFound();
        }

        if (invitee!.Attendance != Attendance.JoinedOnline)
        {
            var before = MeetingCounting.FactsOf(m);
            invitee.Attendance = Attendance.JoinedOnline;
            invitee.AbsenceReason = null;
            invitee.JoinedAtUtc = now;
            db.MeetingEvents.Add(new MeetingEvent { MeetingId = m.Id, AtUtc = now, ActorUserId = invitee.UserId, Action = "joined-online", Note = invitee.Name });
            await MeetingCounting.SaveAsync(db, m, before, ct);
        }

        return new Redirect(url);
    }
}

/// <summary>The secretary records who was present in the room and who was absent (with a reason); online joins are recorded by the link.</summary>
public sealed class RecordAttendance(AppDbContext db, MeetingReads reads, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;
    public sealed record Recorded(MeetingView Meeting) : Outcome;
    public sealed record Invalid(string Field, string Message) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, AttendanceRequest? r, ClaimsPrincipal user, CancellationToken ct)
    {
        var entries = r?.Entries;
        if (entries is null || entries.Length == 0 || entries.Length > ScheduleMeeting.MaxInvitees)
        {
            return new Invalid("entries", t["Ghi ít nhất một người tham dự."]);
        }

        foreach (var e in entries)
        {
            if (e?.InviteeId is null || e.Attendance is not ("present" or "absent" or "joined-online"))
            {
                return new Invalid("entries", t["Mỗi dòng cần inviteeId và attendance: present, absent hoặc joined-online."]);
            }

            if (e.Attendance == "absent" && string.IsNullOrWhiteSpace(e.Reason))
            {
                return new Invalid("entries", t["Nêu lý do vắng mặt."]);
            }

            if (e.Reason?.Length > 500)
            {
                return new Invalid("entries", t["Lý do tối đa 500 ký tự."]);
            }
        }

        var m = await reads.LoadAsync(id, user, ct, tracking: true);
        if (m is null)
        {
            return new NotFound();
        }

        if (!MeetingReads.CanManage(m, user))
        {
            return new Refused(t["Chỉ người tổ chức, chủ trì hoặc lãnh đạo đơn vị được ghi điểm danh."]);
        }

        if (m.Status == MeetingStatus.Cancelled)
        {
            return new Refused(t["Cuộc họp đã hủy."]);
        }

        var before = MeetingCounting.FactsOf(m);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var e in entries)
        {
            if (m.Invitees.FirstOrDefault(i => i.Id == e.InviteeId) is not { } i)
            {
                return new Invalid("entries", t["Người {0} không có trong danh sách được mời.", e.InviteeId!.Value]);
            }

            i.Attendance = e.Attendance switch { "present" => Attendance.Present, "absent" => Attendance.Absent, _ => Attendance.JoinedOnline };
            i.AbsenceReason = e.Attendance == "absent" ? e.Reason!.Trim() : null;
            i.JoinedAtUtc = i.Attendance == Attendance.JoinedOnline ? i.JoinedAtUtc ?? now : i.JoinedAtUtc;
            db.MeetingEvents.Add(new MeetingEvent { MeetingId = m.Id, AtUtc = now, ActorUserId = user.FindFirstValue(ClaimTypes.NameIdentifier), Action = "attendance", Note = $"{i.Name}: {e.Attendance}" });
        }

        await MeetingCounting.SaveAsync(db, m, before, ct);
        return new Recorded(await reads.ToViewAsync(m, user, ct));
    }
}

/// <summary>
/// The minutes: written in the system, rendered to PDF and signed with the unit's certificate (<see cref="PdfSigner"/>);
/// recording them marks the meeting held (so it counts), and each conclusion becomes a task with an owner and a deadline.
/// </summary>
public sealed class RecordMinutes(AppDbContext db, MeetingReads reads, PdfSigner signer, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;
    public sealed record Recorded(MeetingView Meeting) : Outcome;
    public sealed record Invalid(string Field, string Message) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, MinutesRequest? r, ClaimsPrincipal user, CancellationToken ct)
    {
        var text = r?.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 10_000)
        {
            return new Invalid("text", t["Nhập nội dung biên bản (tối đa 10.000 ký tự)."]);
        }

        var tasks = r!.Tasks ?? [];
        if (tasks.Length > 50)
        {
            return new Invalid("tasks", t["Tối đa 50 kết luận giao việc."]);
        }

        var parsed = new List<(string Title, string Owner, DateOnly Due)>();
        foreach (var task in tasks)
        {
            if (task is null || string.IsNullOrWhiteSpace(task.Title) || task.Title.Length > 1000 || string.IsNullOrWhiteSpace(task.OwnerUserName)
                || !DateOnly.TryParseExact(task.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            {
                return new Invalid("tasks", t["Mỗi kết luận giao việc cần nội dung, người thực hiện và hạn (yyyy-MM-dd)."]);
            }

            parsed.Add((task.Title.Trim(), task.OwnerUserName.Trim(), due));
        }

        var m = await reads.LoadAsync(id, user, ct, tracking: true);
        if (m is null)
        {
            return new NotFound();
        }

        if (!MeetingReads.CanManage(m, user))
        {
            return new Refused(t["Chỉ người tổ chức, chủ trì hoặc lãnh đạo đơn vị được ghi biên bản."]);
        }

        if (m.Status != MeetingStatus.Scheduled || m.MinutesSha256 is not null)
        {
            return new Refused(t["Biên bản cuộc họp này đã được ký; không sửa được."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (now < m.StartUtc)
        {
            return new Refused(t["Cuộc họp chưa bắt đầu."]);
        }

        var names = parsed.Select(p => p.Owner).Distinct().ToArray();
        var owners = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!) && u.UnitId != null).Include(u => u.Unit).ToListAsync(ct);
        if (names.FirstOrDefault(n => owners.All(o => !string.Equals(o.UserName, n, StringComparison.OrdinalIgnoreCase))) is { } unknown)
        {
            return new Invalid("tasks", t["Không có cán bộ {0}.", unknown]);
        }

        var before = MeetingCounting.FactsOf(m);
        m.MinutesText = text;
        m.HeldOnline = r.HeldOnline ?? false;
        m.PaperCopies = r.PaperCopies ?? false;
        m.Status = MeetingStatus.Held;
        foreach (var (title, owner, due) in parsed)
        {
            var o = owners.First(u => string.Equals(u.UserName, owner, StringComparison.OrdinalIgnoreCase));
            m.Tasks.Add(new MeetingTask { Title = title, OwnerUserId = o.Id, OwnerName = o.FullName, OwnerUnitPath = o.Unit!.Path, DueDate = due, CreatedAtUtc = now });
        }

        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == m.UnitId, ct);
        var parent = unit.ParentId is { } pid ? await db.Units.AsNoTracking().SingleAsync(u => u.Id == pid, ct) : null;
        using var document = MinutesPdf.Compose(m, unit, parent, VietnamTime.LocalDate(now));
        var bytes = await signer.SignAsync(document, $"Biên bản cuộc họp: {m.Title}", unit.Name, ct);
        var blob = await files.SaveAsync(new MemoryStream(bytes), ct);
        if (await db.StoredFiles.FindAsync([blob.Sha256], ct) is null)
        {
            db.StoredFiles.Add(new StoredFile { Sha256 = blob.Sha256, Size = blob.Size, ContentType = "application/pdf", CreatedAt = now });
        }

        m.MinutesSha256 = blob.Sha256;
        m.MinutesSignedAtUtc = now;
        m.MinutesCertificateThumbprint = (await signer.CertificateAsync(ct)).Thumbprint;
        db.MeetingEvents.Add(new MeetingEvent { MeetingId = m.Id, AtUtc = now, ActorUserId = user.FindFirstValue(ClaimTypes.NameIdentifier), Action = "minutes-signed", Note = blob.Sha256 });
        await MeetingCounting.SaveAsync(db, m, before, ct);
        return new Recorded(await reads.ToViewAsync(m, user, ct));
    }
}

/// <summary>The owner (or whoever manages the meeting) marks a conclusion's task done; its alarm stops.</summary>
public sealed class CompleteMeetingTask(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;
    public sealed record Done(TaskView Task) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await db.MeetingTasks.SingleOrDefaultAsync(x => x.Id == taskId, ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (task is null || !(task.OwnerUserId == userId || user.CanSee(task.OwnerUnitPath)))
        {
            return new NotFound();
        }

        if (task.DoneAtUtc is not null)
        {
            return new Refused(t["Việc này đã hoàn thành."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        task.DoneAtUtc = now;
        db.MeetingEvents.Add(new MeetingEvent { MeetingId = task.MeetingId, AtUtc = now, ActorUserId = userId, Action = "task-done", Note = task.Title.Length > 900 ? task.Title[..900] : task.Title });
        await db.SaveChangesAsync(ct);
        return new Done(new TaskView(task.Id, task.Title, task.OwnerName, task.DueDate, true, false));
    }
}
