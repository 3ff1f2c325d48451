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
    public const int MaxWorkingDays = 365;
    private const int MaxPauses = 20;
    private const int MaxImportBytes = 1 << 20;

    public static RouteGroupBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        group.MapGet("/due-date", DueDate).AllowAnonymous();
        group.MapGet("/days", List).RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapPost("/days", Upsert).RequireAuthorization(AccountsSetup.AdminPolicy);
        group.MapDelete("/days/{date}", Delete).RequireAuthorization(AccountsSetup.AdminPolicy);
        group.MapPost("/import", Import).RequireAuthorization(AccountsSetup.AdminPolicy).Accepts<string>("text/csv");
        return group;
    }

    /// <summary>The due date of a dossier received on a day with a number of working days and optional pauses, with the reasons.</summary>
    private static async Task<Results<Ok<DueDateResponse>, ValidationProblem>> DueDate(
        string? receivedOn, string? workingDays, string[]? pause, string? unit,
        AppDbContext db, CalendarService calendars, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var received = ParseDate(receivedOn, "receivedOn", t["Ngày tiếp nhận"], errors, t);
        int days = 0;
        if (!int.TryParse(workingDays, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days <= 0)
        {
            errors["workingDays"] = [t["Số ngày làm việc phải là số nguyên dương."]];
        }
        else if (days > MaxWorkingDays)
        {
            errors["workingDays"] = [t["Số ngày làm việc tối đa là {0}.", MaxWorkingDays]];
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
                if (parts.Length != 2 || !TryDate(parts[0], out var from) || !TryDate(parts[1], out var to))
                {
                    errors["pause"] = [t["Khoảng tạm dừng '{0}' không hợp lệ: cần dạng YYYY-MM-DD/YYYY-MM-DD.", text]];
                    break;
                }

                if (!WorkingCalendar.IsSupported(from) || !WorkingCalendar.IsSupported(to))
                {
                    errors["pause"] = [OutOfRange(t, text)];
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

        return TypedResults.Ok(await Days(db, y, unitId).ToArrayAsync(ct));
    }

    public static IQueryable<CalendarDayDto> Days(AppDbContext db, int year, int? unitId)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= from && d.Date <= to && (d.UnitId == null || d.UnitId == unitId))
            .OrderBy(d => d.Date).ThenBy(d => d.UnitId)
            .Select(d => new CalendarDayDto(d.Date, d.Kind, d.Name, d.Source, d.Unit == null ? null : d.Unit.Code));
    }

    private static async Task<Results<Created<CalendarDayDto>, Ok<CalendarDayDto>, ValidationProblem, ProblemHttpResult>> Upsert(
        CalendarDayRequest body, AppDbContext db, CalendarService calendars, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (edit, unitId) = await ValidateEditAsync(body, db, user, t, errors, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Dữ liệu ngày không hợp lệ"]);
        }

        bool created;
        try
        {
            created = await calendars.UpsertAsync(edit!, unitId, user.Identity!.Name!, ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators adding the same day at once: the unique index refuses the second.
            return TypedResults.Problem(t["Ngày này vừa được người khác khai báo. Vui lòng tải lại và thử lại."], statusCode: StatusCodes.Status409Conflict);
        }

        var dto = new CalendarDayDto(edit!.Date, edit.Kind, edit.Name, edit.Source, unitId is null ? null : body.Unit);
        return created
            ? TypedResults.Created($"/api/v1/calendar/days?year={edit.Date.Year}", dto)
            : TypedResults.Ok(dto);
    }

    /// <summary>Shared by the API and the page: the same rules and messages for one day's entry.</summary>
    public static async Task<(CalendarEdit? Edit, int? UnitId)> ValidateEditAsync(
        CalendarDayRequest body, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var date = ParseDate(body.Date, "date", t["Ngày"], errors, t);
        var kind = CalendarCsv.ParseKind(body.Kind);
        if (kind is null)
        {
            errors["kind"] = [t["Loại ngày phải là holiday (nghỉ) hoặc makeup_workday (làm bù)."]];
        }

        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 300)
        {
            errors["name"] = [t["Tên ngày là bắt buộc, tối đa 300 ký tự."]];
        }

        var source = string.IsNullOrWhiteSpace(body.Source) ? null : body.Source.Trim();
        if (source is { Length: > 1000 })
        {
            errors["source"] = [t["Nguồn tối đa 1000 ký tự."]];
        }

        var unitId = await UnitIdAsync(body.Unit, db, user, t, errors, ct);
        return errors.Count > 0 ? (null, null) : (new CalendarEdit(date!.Value, kind!.Value, name!, source), unitId);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(
        string date, string? unit, AppDbContext db, CalendarService calendars, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var d = ParseDate(date, "date", t["Ngày"], errors, t);
        var unitId = await UnitIdAsync(unit, db, user, t, errors, ct);
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
        var unitId = await UnitIdAsync(unit, db, user, t, errors, ct);
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

    private static async Task<int?> UnitIdAsync(
        string? unit, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return null;
        }

        var id = await db.Units.InScopeOf(user).Where(u => u.Code == unit).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            errors["unit"] = [t["Không tìm thấy đơn vị '{0}' trong phạm vi của bạn.", unit]];
        }

        return id;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string OutOfRange(IStringLocalizer<SharedResource> t, string text) =>
        t["Ngày {0} nằm ngoài khoảng lịch hỗ trợ ({1}–{2}).", text, WorkingCalendar.MinYear, WorkingCalendar.MaxYear];

    private static DateOnly? ParseDate(string? text, string field, string label, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> t)
    {
        if (!TryDate(text, out var date))
        {
            errors[field] = [t["{0} '{1}' không hợp lệ: cần dạng YYYY-MM-DD.", label, text ?? ""]];
            return null;
        }

        if (!WorkingCalendar.IsSupported(date))
        {
            errors[field] = [OutOfRange(t, text!)];
            return null;
        }

        return date;
    }
}
