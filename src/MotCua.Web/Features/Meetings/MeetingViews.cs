namespace MotCua.Web.Features.Meetings;

public sealed record ScheduleRequest(
    string? Title, string? UnitCode, string? ChairUserName, string? ChairName, string? Start, int? DurationMinutes, string? Place, bool? Online,
    string? ExternalUrl, string[]? InviteUsers, string[]? InviteUnits, AgendaRequest[]? Agenda);

public sealed record AgendaRequest(string? Title, string? Presenter, DocumentRequest[]? Documents);

public sealed record DocumentRequest(string? FileId, long? RegisterDocumentId, string? Name);

public sealed record RespondRequest(string? Response, string? Reason);

public sealed record AttendanceRequest(AttendanceEntry[]? Entries);

public sealed record AttendanceEntry(long? InviteeId, string? Attendance, string? Reason);

public sealed record MinutesRequest(string? Text, bool? HeldOnline, bool? PaperCopies, TaskRequest[]? Tasks);

public sealed record TaskRequest(string? Title, string? OwnerUserName, string? DueDate);

/// <summary>A meeting as its invitees and its unit's staff see it; local times are Asia/Ho_Chi_Minh.</summary>
public sealed record MeetingView(
    long Id, string Title, string UnitCode, string UnitName, string ChairName, DateTime StartUtc, DateTime EndUtc, string StartLocal, string EndLocal,
    int DurationMinutes, string? Place, bool Online, string? Platform, string Status, InviteeView[] Invitees, AgendaView[] Agenda,
    MyInvitationView? MyInvitation, MinutesView? Minutes, TaskView[] Tasks, bool CanManage, bool? CountedOnline)
{
    public ConflictView[] Conflicts { get; init; } = [];
}

public sealed record InviteeView(long Id, string Name, string UnitName, string Response, string? ResponseReason, string Attendance, string? AbsenceReason, DateTime? JoinedAtUtc);

public sealed record AgendaView(int Order, string Title, string? Presenter, DocumentView[] Documents);

public sealed record DocumentView(string Name, string? FileId, long? RegisterDocumentId, string? Url);

/// <summary>The caller's own invitation: their answer and their personal join link (works from 15 minutes before the start to 30 after the end).</summary>
public sealed record MyInvitationView(long InviteeId, string Response, string? Reason, string? JoinUrl, string JoinOpensLocal, string JoinClosesLocal);

public sealed record MinutesView(string Text, bool IsSigned, DateTime? SignedAtUtc, string? PdfUrl, bool HeldOnline, bool PaperCopies);

public sealed record TaskView(long Id, string Title, string OwnerName, DateOnly DueDate, bool Done, bool Late);

/// <summary>An invitee's other meeting that overlaps: shown as a warning when scheduling, never a refusal.</summary>
public sealed record ConflictView(string InviteeName, long MeetingId, string Title, string StartLocal, string EndLocal);

public sealed record MeetingSummary(long Id, string Title, string UnitName, string ChairName, DateTime StartUtc, string StartLocal, string EndLocal, string? Place, bool Online, string Status, string? MyResponse);

/// <summary>The published weekly work schedule (lịch công tác tuần) of a unit: official names and titles only.</summary>
public sealed record WeekSchedule(string UnitCode, string UnitName, DateOnly Monday, DateOnly Sunday, WeekDay[] Days);

public sealed record WeekDay(DateOnly Date, string Label, WeekEntry[] Entries);

public sealed record WeekEntry(string Time, string Title, string Chair, string Place, string[] InvitedUnits);

/// <summary>What waits for the officer from meetings, on their workspace.</summary>
public sealed record MyMeetings(MeetingSummary[] Upcoming, MyTask[] Tasks);

public sealed record MyTask(long Id, string Title, DateOnly DueDate, bool Late, long MeetingId, string MeetingTitle);
