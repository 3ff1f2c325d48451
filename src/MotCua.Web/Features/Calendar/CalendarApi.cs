using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Calendar;

public sealed record CalendarDayDto(DateOnly Date, CalendarDayKind Kind, string Name, string? Source, string? Unit);

public sealed record CalendarDayRequest(string? Date, string? Kind, string? Name, string? Source, string? Unit);

public sealed record DueDateResponse(DateOnly DueDate, bool Estimated, string[] Explanation, int LastOfficialYear);

public static class CalendarApi
{
    private const int MaxPauses = 20;
    private const int MaxImportBytes = 1 << 20;

    public static RouteGroupBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        group.MapGet("/due-date", DueDate).Doc("computeDueDate", "Tính ngày hẹn trả", "Computes a due date in working days from the civil-service calendar.").AllowAnonymous();
        group.MapGet("/days", List).Doc("listCalendarDays", "Danh sách ngày nghỉ, ngày làm bù", "Holidays and make-up working days in a period.").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapPost("/days", Upsert).Doc("saveCalendarDay", "Thêm hoặc sửa một ngày nghỉ, ngày làm bù", "Adds or changes a holiday or make-up working day.").ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(AccountsSetup.AdminPolicy);
        group.MapDelete("/days/{date}", Delete).Doc("deleteCalendarDay", "Xóa một ngày nghỉ, ngày làm bù", "Removes a calendar exception.").RequireAuthorization(AccountsSetup.AdminPolicy);
        group.MapPost("/import", Import).Doc("importCalendar", "Nhập lịch nghỉ từ tệp CSV", "Imports calendar exceptions from CSV.").RequireAuthorization(AccountsSetup.AdminPolicy).Accepts<string>("text/csv");
        return group;
    }

    /// <summary>The due date of a dossier received on a day with a number of working days and optional pauses, with the reasons.</summary>
    private static async Task<Results<Ok<DueDateResponse>, ValidationProblem>> DueDate(
        string? receivedOn, string? workingDays, string[]? pause, string? unit,
        AppDbContext db, CalendarService calendars, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var received = CalendarInput.ParseDate(receivedOn, "receivedOn", t["Ngày tiếp nhận"], errors, t);
        int days = 0;
        if (!int.TryParse(workingDays, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days <= 0)
        {
            errors["workingDays"] = [t["Số ngày làm việc phải là số nguyên dương."]];
        }
        else if (days > CalendarService.MaxWorkingDays)
        {
            errors["workingDays"] = [t["Số ngày làm việc tối đa là {0}.", CalendarService.MaxWorkingDays]];
        }

        var pauses = new List<Pause>();
        if (pause is { Length: > MaxPauses })
        {
            errors["pause"] = [t["Tối đa {0} khoảng tạm dừng.", MaxPauses]];
        }
        else
        {
            foreach (var text in pause ?? [])
            {
                var parts = text.Split('/');
                if (parts.Length != 2 || !CalendarInput.TryDate(parts[0], out var from) || !CalendarInput.TryDate(parts[1], out var to))
                {
                    errors["pause"] = [t["Khoảng tạm dừng '{0}' không hợp lệ: cần dạng YYYY-MM-DD/YYYY-MM-DD.", text]];
                    break;
                }

                if (!WorkingCalendar.IsSupported(from) || !WorkingCalendar.IsSupported(to))
                {
                    errors["pause"] = [CalendarInput.OutOfRange(t, text)];
                    break;
                }

                pauses.Add(new Pause(from, to));
            }
        }

        if (received is { } r && !errors.ContainsKey("pause"))
        {
            switch (WorkingCalendar.ValidatePauses(r, [.. pauses]))
            {
                case "end-before-start":
                    errors["pause"] = [t["Khoảng tạm dừng có ngày tiếp tục trước ngày tạm dừng."]];
                    break;
                case "out-of-order":
                    errors["pause"] = [t["Các khoảng tạm dừng phải bắt đầu từ ngày tiếp nhận trở đi, theo thứ tự và không chồng lên nhau."]];
                    break;
            }
        }

        OrgUnit? orgUnit = null;
        if (!string.IsNullOrEmpty(unit) && (orgUnit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unit, ct)) is null)
        {
            errors["unit"] = [t["Không tìm thấy đơn vị '{0}'.", unit]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Không tính được hạn giải quyết"]);
        }

        var calendar = await calendars.ForUnitAsync(orgUnit, ct);
        var result = calendar.Explain(received!.Value, days, [.. pauses]);
        return TypedResults.Ok(new DueDateResponse(result.DueDate, result.Estimated, [.. result.Lines.Select(l => l.Text)], calendar.LastDataYear));
    }

    private static async Task<Results<Ok<CalendarDayDto[]>, ValidationProblem>> List(
        int? year, string? unit, AppDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time, CancellationToken ct)
    {
        var y = year ?? VietnamTime.Today(time).Year;
        if (y is < WorkingCalendar.MinYear or > WorkingCalendar.MaxYear)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [t["Năm phải trong khoảng {0}–{1}.", WorkingCalendar.MinYear, WorkingCalendar.MaxYear]] });
        }

        int? unitId = null;
        if (!string.IsNullOrEmpty(unit) && (unitId = await db.Units.Where(u => u.Code == unit).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct)) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unit"] = [t["Không tìm thấy đơn vị '{0}'.", unit]] });
        }

        return TypedResults.Ok(await ReadCalendarDays.Query(db, y, unitId).ToArrayAsync(ct));
    }

    private static async Task<Results<Created<CalendarDayDto>, Ok<CalendarDayDto>, ValidationProblem, ProblemHttpResult>> Upsert(
        CalendarDayRequest body, EditCalendarDay handler, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(body, user, ct) switch
        {
            EditCalendarDay.Saved(var day, true) => TypedResults.Created($"/api/v1/calendar/days?year={day.Date.Year}", day),
            EditCalendarDay.Saved(var day, false) => TypedResults.Ok(day),
            EditCalendarDay.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Dữ liệu ngày không hợp lệ"]),
            EditCalendarDay.Conflict(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
            var other => throw new InvalidOperationException($"Unhandled calendar outcome {other.GetType().Name}."),
        };

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(
        string date, string? unit, AppDbContext db, CalendarService calendars, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var d = CalendarInput.ParseDate(date, "date", t["Ngày"], errors, t);
        var unitId = await CalendarInput.UnitIdAsync(unit, db, user, t, errors, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await calendars.DeleteAsync(d!.Value, unitId, user.Identity!.Name!, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> Import(
        HttpRequest request, string? unit, AppDbContext db, CalendarService calendars, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unitId = await CalendarInput.UnitIdAsync(unit, db, user, t, errors, ct);
        if (request.ContentLength > MaxImportBytes)
        {
            errors["body"] = [t["Tệp CSV tối đa 1 MB."]];
        }

        if (request.ContentType is not { } type || !(type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            errors["body"] = [t["Cần gửi tệp CSV (Content-Type: text/csv)."]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[MaxImportBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxImportBytes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [t["Tệp CSV tối đa 1 MB."]] });
        }

        if (read == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [t["Cần gửi nội dung CSV (date,name,kind,source)."]] });
        }

        var result = await calendars.ImportAsync(new StringReader(new string(buffer, 0, read)), unitId, user.Identity!.Name!, ct);
        return TypedResults.Ok(result with { Errors = [.. result.Errors.Select(e => e with { Message = t[e.Message].Value })] });
    }
}
