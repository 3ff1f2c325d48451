using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Meetings;

/// <summary>The meeting page: details, the invitee's answer and join link, and for the organiser side attendance, minutes and tasks.</summary>
public sealed class DetailsModel(MeetingReads reads, RespondToMeeting respond, RecordAttendance attendance, RecordMinutes minutes, CompleteMeetingTask complete) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public ConflictView[] Conflicts { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRespondAsync(long id, string? response, string? reason, CancellationToken ct)
    {
        var outcome = await respond.HandleAsync(id, new RespondRequest(response, reason), User, ct);
        switch (outcome)
        {
            case RespondToMeeting.NotFound:
                return NotFound();
            case RespondToMeeting.Invalid(_, var message):
                Errors["reason"] = [message];
                break;
            case RespondToMeeting.Refused(var message):
                Errors["response"] = [message];
                break;
            default:
                Message = response == "accept" ? "Đã xác nhận tham dự." : "Đã báo vắng.";
                break;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAttendanceAsync(long id, CancellationToken ct)
    {
        var entries = Request.Form.Keys.Where(k => k.StartsWith("att-", StringComparison.Ordinal))
            .Select(k => (Id: long.TryParse(k[4..], CultureInfo.InvariantCulture, out var n) ? n : 0, Value: Request.Form[k].ToString()))
            .Where(e => e.Value is "present" or "absent")
            .Select(e => new AttendanceEntry(e.Id, e.Value, Request.Form["reason-" + e.Id.ToString(CultureInfo.InvariantCulture)].ToString()))
            .ToArray();
        switch (await attendance.HandleAsync(id, new AttendanceRequest(entries), User, ct))
        {
            case RecordAttendance.NotFound:
                return NotFound();
            case RecordAttendance.Invalid(_, var message):
                Errors["attendance"] = [message];
                break;
            case RecordAttendance.Refused(var message):
                Errors["attendance"] = [message];
                break;
            default:
                Message = "Đã ghi điểm danh.";
                break;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMinutesAsync(long id, string? text, bool heldOnline, bool paperCopies, string? tasks, CancellationToken ct)
    {
        // One task per line: "nội dung | tên đăng nhập | yyyy-MM-dd".
        var parsed = (tasks ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(p => new TaskRequest(p.ElementAtOrDefault(0), p.ElementAtOrDefault(1), p.ElementAtOrDefault(2))).ToArray();
        switch (await minutes.HandleAsync(id, new MinutesRequest(text, heldOnline, paperCopies, parsed), User, ct))
        {
            case RecordMinutes.NotFound:
                return NotFound();
            case RecordMinutes.Invalid(var field, var message):
                Errors[field == "tasks" ? "tasks" : "text"] = [message];
                break;
            case RecordMinutes.Refused(var message):
                Errors["text"] = [message];
                break;
            default:
                Message = "Đã ghi và ký số biên bản.";
                break;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTaskDoneAsync(long id, long taskId, CancellationToken ct)
    {
        switch (await complete.HandleAsync(taskId, User, ct))
        {
            case CompleteMeetingTask.NotFound:
                return NotFound();
            case CompleteMeetingTask.Refused(var message):
                Errors["tasks"] = [message];
                break;
            default:
                return Redirect($"/Meetings/Details?id={id}");
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await reads.LoadAsync(id, User, ct) is not { } m)
        {
            return false;
        }

        Meeting = await reads.ToViewAsync(m, User, ct);
        if (m.Status == MeetingStatus.Scheduled)
        {
            Conflicts = await reads.ConflictsAsync([.. m.Invitees.Where(i => i.UserId is not null).Select(i => (i.UserId!, i.Name))], m.StartUtc, m.EndUtc, m.Id, ct);
        }

        return true;
    }
}
