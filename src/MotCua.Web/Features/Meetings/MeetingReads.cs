using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Meetings;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>Reads of meetings shared by the API and the pages; a user sees the meetings of their subtree and those they are invited to.</summary>
public sealed class MeetingReads(AppDbContext db, TimeProvider time)
{
    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string LocalText(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string JoinPath(string key) => $"/api/v1/meetings/join/{key}";

    public static IQueryable<Meeting> Visible(IQueryable<Meeting> meetings, ClaimsPrincipal user)
    {
        var scope = user.ScopePath();
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "\u0000";
        return meetings.Where(m => m.UnitPath.StartsWith(scope) || m.Invitees.Any(i => i.UserId == id));
    }

    /// <summary>The organiser, the chair, or an administrator or leader whose subtree holds the organising unit.</summary>
    public static bool CanManage(Meeting m, ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return m.CreatedByUserId == id || m.ChairUserId == id
            || ((user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Leader)) && user.CanSee(m.UnitPath));
    }

    public async Task<Meeting?> LoadAsync(long id, ClaimsPrincipal user, CancellationToken ct, bool tracking = false)
    {
        var q = Visible(db.Meetings, user).Include(m => m.Invitees).Include(m => m.Agenda).ThenInclude(a => a.Documents).Include(m => m.Tasks).AsSplitQuery();
        return await (tracking ? q : q.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == id, ct);
    }

    public async Task<MeetingView?> ViewAsync(long id, ClaimsPrincipal user, CancellationToken ct) =>
        await LoadAsync(id, user, ct) is { } m ? await ToViewAsync(m, user, ct) : null;

    public async Task<MeetingView> ToViewAsync(Meeting m, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var unitCode = await db.Units.AsNoTracking().Where(u => u.Id == m.UnitId).Select(u => u.Code).SingleAsync(ct);
        var mine = m.Invitees.FirstOrDefault(i => i.UserId == userId);
        var (opens, closes) = MeetingRules.JoinWindow(m.StartUtc, m.EndUtc);
        var today = VietnamTime.Today(time);
        return new MeetingView(
            m.Id, m.Title, unitCode, m.UnitName, m.ChairName, m.StartUtc, m.EndUtc, Local(m.StartUtc), Local(m.EndUtc), m.DurationMinutes, m.Place, m.Online,
            m.Platform, Text(m.Status),
            [.. m.Invitees.OrderBy(i => i.UnitName).ThenBy(i => i.Name).Select(i => new InviteeView(i.Id, i.Name, i.UnitName, Text(i.Response), i.ResponseReason, Text(i.Attendance), i.AbsenceReason, i.JoinedAtUtc))],
            [.. m.Agenda.OrderBy(a => a.Order).Select(a => new AgendaView(a.Order, a.Title, a.Presenter,
                [.. a.Documents.OrderBy(d => d.Id).Select(d => new DocumentView(d.Name, d.FileId, d.RegisterDocumentId, d.FileId is null ? null : $"/api/v1/files/{d.FileId}"))]))],
            mine is null ? null : new MyInvitationView(mine.Id, Text(mine.Response), mine.ResponseReason,
                m.Online && m.Status != MeetingStatus.Cancelled ? JoinPath(mine.JoinKey) : null, Local(opens), Local(closes)),
            m.MinutesText is null ? null : new MinutesView(m.MinutesText, m.MinutesSha256 is not null, m.MinutesSignedAtUtc,
                m.MinutesSha256 is null ? null : $"/api/v1/meetings/{m.Id}/minutes.pdf", m.HeldOnline, m.PaperCopies),
            [.. m.Tasks.OrderBy(t => t.DueDate).Select(t => new TaskView(t.Id, t.Title, t.OwnerName, t.DueDate, t.DoneAtUtc is not null, t.DoneAtUtc is null && t.DueDate < today))],
            CanManage(m, user), m.Status == MeetingStatus.Held ? MeetingCounting.IsOnline(m) : null);
    }

    /// <summary>Meetings starting in [from, to] (local dates) visible to the user, optionally of one unit's subtree.</summary>
    public async Task<MeetingSummary[]> ListAsync(DateOnly from, DateOnly to, string? unitPath, ClaimsPrincipal user, CancellationToken ct)
    {
        var (fromUtc, toUtc) = UtcRange(from, to);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var q = Visible(db.Meetings.AsNoTracking(), user).Where(m => m.StartUtc >= fromUtc && m.StartUtc < toUtc);
        if (unitPath is not null)
        {
            q = q.Where(m => m.UnitPath.StartsWith(unitPath));
        }

        var rows = await q.OrderBy(m => m.StartUtc).Take(500)
            .Select(m => new { m.Id, m.Title, m.UnitName, m.ChairName, m.StartUtc, m.EndUtc, m.Place, m.Online, m.Status, Mine = m.Invitees.Where(i => i.UserId == userId).Select(i => (InviteResponse?)i.Response).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. rows.Select(m => new MeetingSummary(m.Id, m.Title, m.UnitName, m.ChairName, m.StartUtc, Local(m.StartUtc), Local(m.EndUtc), m.Place, m.Online, Text(m.Status), m.Mine is { } r ? Text(r) : null))];
    }

    /// <summary>The unit's weekly work schedule: its own meetings (not those of sub-units), not cancelled, Monday to Sunday.</summary>
    public async Task<WeekSchedule?> WeekAsync(string unitCode, DateOnly anyDay, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == unitCode).OrderByDescending(u => u.ValidFrom).FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return null;
        }

        var monday = anyDay.AddDays(-(((int)anyDay.DayOfWeek + 6) % 7));
        var sunday = monday.AddDays(6);
        var (fromUtc, toUtc) = UtcRange(monday, sunday);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.UnitId == unit.Id && m.Status != MeetingStatus.Cancelled && m.StartUtc >= fromUtc && m.StartUtc < toUtc)
            .OrderBy(m => m.StartUtc).Select(m => new { m.Id, m.Title, m.ChairName, m.StartUtc, m.EndUtc, m.Place, m.Online }).ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToArray();
        var invitedUnitIds = await db.MeetingInvitees.AsNoTracking().Where(i => ids.Contains(i.MeetingId) && i.ViaUnitId != null)
            .Select(i => new { i.MeetingId, UnitId = i.ViaUnitId!.Value }).Distinct().ToListAsync(ct);
        var names = await db.Units.AsNoTracking().Where(u => invitedUnitIds.Select(x => x.UnitId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var days = Enumerable.Range(0, 7).Select(d => monday.AddDays(d)).Select(day => new WeekDay(day, DayLabel(day),
            [.. meetings.Where(m => VietnamTime.LocalDate(m.StartUtc) == day).Select(m => new WeekEntry(
                $"{Local(m.StartUtc)[11..]}–{Local(m.EndUtc)[11..]}", m.Title, m.ChairName,
                m.Place is { } p ? (m.Online ? p + " · trực tuyến" : p) : "Trực tuyến",
                [.. invitedUnitIds.Where(x => x.MeetingId == m.Id).Select(x => names.GetValueOrDefault(x.UnitId, "")).Distinct()]))])).ToArray();
        return new WeekSchedule(unit.Code, unit.Name, monday, sunday, days);
    }

    /// <summary>Overlapping meetings of the given people (scheduled or held), as conflicts with the proposed time.</summary>
    public async Task<ConflictView[]> ConflictsAsync(IReadOnlyCollection<(string UserId, string Name)> people, DateTime startUtc, DateTime endUtc, long? except, CancellationToken ct)
    {
        var ids = people.Select(p => p.UserId).Distinct().ToArray();
        var rows = await db.MeetingInvitees.AsNoTracking()
            .Where(i => i.UserId != null && ids.Contains(i.UserId) && i.Response != InviteResponse.Declined)
            .Join(db.Meetings.Where(m => m.Status != MeetingStatus.Cancelled && m.StartUtc < endUtc && m.EndUtc > startUtc), i => i.MeetingId, m => m.Id,
                (i, m) => new { i.UserId, m.Id, m.Title, m.StartUtc, m.EndUtc })
            .ToListAsync(ct);
        return [.. people.SelectMany(p => MeetingRules.Conflicts(rows.Where(r => r.UserId == p.UserId).Select(r => new BusySlot(r.Id, r.Title, r.StartUtc, r.EndUtc)), startUtc, endUtc, except)
            .Select(b => new ConflictView(p.Name, b.MeetingId, b.Title, Local(b.StartUtc), Local(b.EndUtc))))];
    }

    public async Task<string?> UnitCodeAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.UnitId() is { } id ? await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.Code).SingleOrDefaultAsync(ct) : null;

    /// <summary>The officer's own work from meetings: invitations to answer, meetings ahead, and their open tasks (late ones first).</summary>
    public async Task<MyMeetings> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "\u0000";
        var now = time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(time);
        var upcoming = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Scheduled && m.EndUtc > now && m.Invitees.Any(i => i.UserId == id))
            .OrderBy(m => m.StartUtc).Take(10)
            .Select(m => new { m.Id, m.Title, m.UnitName, m.ChairName, m.StartUtc, m.EndUtc, m.Place, m.Online, m.Status, Response = m.Invitees.Where(i => i.UserId == id).Select(i => i.Response).First() })
            .ToListAsync(ct);
        var tasks = await db.MeetingTasks.AsNoTracking().Where(x => x.OwnerUserId == id && x.DoneAtUtc == null).OrderBy(x => x.DueDate).Take(20)
            .Join(db.Meetings, x => x.MeetingId, m => m.Id, (x, m) => new { x.Id, x.Title, x.DueDate, x.MeetingId, Meeting = m.Title }).ToListAsync(ct);
        return new MyMeetings(
            [.. upcoming.Select(m => new MeetingSummary(m.Id, m.Title, m.UnitName, m.ChairName, m.StartUtc, Local(m.StartUtc), Local(m.EndUtc), m.Place, m.Online, Text(m.Status), Text(m.Response)))],
            [.. tasks.Select(x => new MyTask(x.Id, x.Title, x.DueDate, x.DueDate < today, x.MeetingId, x.Meeting)).OrderByDescending(x => x.Late).ThenBy(x => x.DueDate)]);
    }

    public static (DateTime FromUtc, DateTime ToUtc) UtcRange(DateOnly from, DateOnly to) =>
        (TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), VietnamTime.Zone), TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Zone));

    private static string DayLabel(DateOnly d) => (d.DayOfWeek == DayOfWeek.Sunday ? "Chủ nhật" : $"Thứ {(int)d.DayOfWeek + 1}") + ", " + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Text(MeetingStatus s) => s switch { MeetingStatus.Held => "held", MeetingStatus.Cancelled => "cancelled", _ => "scheduled" };

    public static string Text(InviteResponse r) => r switch { InviteResponse.Accepted => "accepted", InviteResponse.Declined => "declined", _ => "pending" };

    public static string Text(Attendance a) => a switch
    {
        Attendance.JoinedOnline => "joined-online",
        Attendance.Present => "present",
        Attendance.Absent => "absent",
        _ => "unknown",
    };
}
