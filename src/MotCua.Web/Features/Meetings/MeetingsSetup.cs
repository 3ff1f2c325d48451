using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>Meetings online (issue 24, docs/meetings.md): registration and the <c>/api/v1/meetings</c> endpoints.</summary>
public static class MeetingsSetup
{
    public static IHostApplicationBuilder AddMeetings(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<MeetingOptions>(builder.Configuration.GetSection(MeetingOptions.Section));
        builder.Services.AddHttpClient(VideoPlatform.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddScoped<VideoPlatform>();
        builder.Services.AddScoped<MeetingReads>();
        builder.Services.AddScoped<ScheduleMeeting>();
        builder.Services.AddScoped<RespondToMeeting>();
        builder.Services.AddScoped<JoinMeeting>();
        builder.Services.AddScoped<RecordAttendance>();
        builder.Services.AddScoped<RecordMinutes>();
        builder.Services.AddScoped<CompleteMeetingTask>();
        builder.Services.AddScoped<IFileReadGrant, MeetingFilesReadable>();
        builder.Services.AddScoped<Alarms.IAlarmScanPart, MeetingTaskAlarms>();
        builder.Services.AddScoped<Indicators.IAggregateSource, MeetingCounting>();
        return builder;
    }

    public static RouteGroupBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/meetings").WithTags("Meetings");
        // The personal link and the published weekly schedule need no account: the key is the invitation, the schedule is public.
        // A personal link handed to a person, not an operation for integrators (like the signed file links): left out of the contract.
        group.MapGet("/join/{key}", Join).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/week", Week).AllowAnonymous()
            .Doc("getWeeklySchedule", "Lịch công tác tuần của đơn vị", "The unit's published weekly work schedule from its meetings: times, titles, chairs, places and invited units.");

        var staff = group.MapGroup("").RequireAuthorization(AccountsSetup.StaffPolicy);
        staff.MapPost("/", Schedule).Doc("scheduleMeeting", "Lên lịch cuộc họp", "Schedules a meeting, invites people and units through the outbox and returns the invitees' overlapping meetings as warnings.");
        staff.MapGet("/", List).Doc("listMeetings", "Danh sách cuộc họp", "Meetings starting between two local dates that the caller organises (in their subtree) or is invited to.");
        staff.MapGet("/{id:long}", Get).Doc("getMeeting", "Chi tiết cuộc họp", "A meeting with its invitees, agenda, documents, the caller's invitation and join link, minutes and tasks.");
        staff.MapPost("/{id:long}/responses", Respond).Doc("respondToMeeting", "Xác nhận tham dự hoặc báo vắng", "The caller accepts or declines (with a reason) their invitation.").ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:long}/attendance", Attend).Doc("recordMeetingAttendance", "Điểm danh cuộc họp", "Records invitees present in the room or absent with a reason.").ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:long}/minutes", Minutes).Doc("recordMeetingMinutes", "Ghi và ký biên bản cuộc họp", "Records the minutes, signs them as PDF, marks the meeting held and turns conclusions into tasks.").ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/{id:long}/minutes.pdf", MinutesPdfFile).Doc("downloadMeetingMinutes", "Tải biên bản đã ký", "The signed minutes (PDF).").ProducesFile("application/pdf");
        staff.MapPost("/tasks/{taskId:long}/done", TaskDone).Doc("completeMeetingTask", "Hoàn thành nhiệm vụ sau cuộc họp", "Marks a meeting conclusion's task done.").ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult Failed(string message, int status) => TypedResults.Problem(message, statusCode: status);

    private static InvalidOperationException Unexpected(object outcome) => new($"Unhandled meeting outcome {outcome.GetType().Name}.");

    private static async Task<Results<Created<MeetingView>, ValidationProblem>> Schedule(ScheduleRequest body, ScheduleMeeting handler, ClaimsPrincipal user, CancellationToken ct) =>
        await handler.HandleAsync(body, user, ct) switch
        {
            ScheduleMeeting.Scheduled(var m) => TypedResults.Created($"/api/v1/meetings/{m.Id}", m),
            ScheduleMeeting.Invalid(var f, var message) => Invalid(f, message),
            var other => throw Unexpected(other),
        };

    private static async Task<Results<Ok<MeetingSummary[]>, ValidationProblem>> List(
        string? from, string? to, string? unit, MeetingReads reads, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (!TryDate(from, monday, out var f) || !TryDate(to, f.AddDays(6), out var e) || e < f || e.DayNumber - f.DayNumber > 366)
        {
            return Invalid("from", t["Khoảng ngày không hợp lệ (yyyy-MM-dd, tối đa 1 năm)."]);
        }

        string? path = null;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            path = await db.Units.AsNoTracking().Where(u => u.Code == unit).OrderByDescending(u => u.ValidFrom).Select(u => u.Path).FirstOrDefaultAsync(ct);
            if (path is null)
            {
                return Invalid("unit", t["Không có đơn vị {0}.", unit]);
            }
        }

        return TypedResults.Ok(await reads.ListAsync(f, e, path, user, ct));
    }

    private static async Task<Results<Ok<MeetingView>, NotFound>> Get(long id, MeetingReads reads, ClaimsPrincipal user, CancellationToken ct) =>
        await reads.ViewAsync(id, user, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeetingView>, ValidationProblem, NotFound, ProblemHttpResult>> Respond(long id, RespondRequest body, RespondToMeeting handler, ClaimsPrincipal user, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            RespondToMeeting.Responded(var m) => TypedResults.Ok(m),
            RespondToMeeting.Invalid(var f, var message) => Invalid(f, message),
            RespondToMeeting.NotFound => TypedResults.NotFound(),
            RespondToMeeting.Refused(var message) => Failed(message, StatusCodes.Status409Conflict),
            var other => throw Unexpected(other),
        };

    private static async Task<Results<Ok<MeetingView>, ValidationProblem, NotFound, ProblemHttpResult>> Attend(long id, AttendanceRequest body, RecordAttendance handler, ClaimsPrincipal user, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            RecordAttendance.Recorded(var m) => TypedResults.Ok(m),
            RecordAttendance.Invalid(var f, var message) => Invalid(f, message),
            RecordAttendance.NotFound => TypedResults.NotFound(),
            RecordAttendance.Refused(var message) => Failed(message, StatusCodes.Status409Conflict),
            var other => throw Unexpected(other),
        };

    private static async Task<Results<Ok<MeetingView>, ValidationProblem, NotFound, ProblemHttpResult>> Minutes(long id, MinutesRequest body, RecordMinutes handler, ClaimsPrincipal user, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            RecordMinutes.Recorded(var m) => TypedResults.Ok(m),
            RecordMinutes.Invalid(var f, var message) => Invalid(f, message),
            RecordMinutes.NotFound => TypedResults.NotFound(),
            RecordMinutes.Refused(var message) => Failed(message, StatusCodes.Status409Conflict),
            var other => throw Unexpected(other),
        };

    private static async Task<Results<FileStreamHttpResult, NotFound>> MinutesPdfFile(long id, MeetingReads reads, IFileStore store, ClaimsPrincipal user, CancellationToken ct) =>
        await reads.LoadAsync(id, user, ct) is { MinutesSha256: { } sha } m && store.Open(sha) is { } stream
            ? TypedResults.File(stream, "application/pdf", $"bien-ban-hop-{m.Id}.pdf")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<TaskView>, NotFound, ProblemHttpResult>> TaskDone(long taskId, CompleteMeetingTask handler, ClaimsPrincipal user, CancellationToken ct) =>
        await handler.HandleAsync(taskId, user, ct) switch
        {
            CompleteMeetingTask.Done(var task) => TypedResults.Ok(task),
            CompleteMeetingTask.NotFound => TypedResults.NotFound(),
            CompleteMeetingTask.Refused(var message) => Failed(message, StatusCodes.Status409Conflict),
            var other => throw Unexpected(other),
        };

    private static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> Join(string key, JoinMeeting handler, CancellationToken ct) =>
        await handler.HandleAsync(key, ct) switch
        {
            JoinMeeting.Redirect(var url) => TypedResults.Redirect(url),
            JoinMeeting.NotFound => TypedResults.NotFound(),
            JoinMeeting.OutsideWindow(var message) => Failed(message, StatusCodes.Status409Conflict),
            JoinMeeting.Unavailable(var message) => Failed(message, StatusCodes.Status503ServiceUnavailable),
            var other => throw Unexpected(other),
        };

    private static async Task<Results<Ok<WeekSchedule>, ValidationProblem, NotFound>> Week(string? unit, string? date, MeetingReads reads, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unit) || unit.Length > 40)
        {
            return Invalid("unit", t["Nhập mã đơn vị."]);
        }

        if (!TryDate(date, VietnamTime.Today(time), out var day))
        {
            return Invalid("date", t["Ngày không hợp lệ (yyyy-MM-dd)."]);
        }

        return await reads.WeekAsync(unit, day, ct) is { } week ? TypedResults.Ok(week) : TypedResults.NotFound();
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value) && value.Year is >= 2000 and <= 2100;
    }
}
