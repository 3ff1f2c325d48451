using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record ObligationDto(ReportKind Kind, string Name, int DueDay, int DueMonthOffset, int RemindDaysBefore, bool DemoRule, string? Note);

public sealed record ReportFileDto(string Sha256, string FileName);

public sealed record UnitReportDto(
    int Id, string UnitCode, string UnitName, ReportKind Kind, int Year, int Period, string PeriodLabel, DateOnly Due, DateTime SubmittedAt,
    string SubmittedBy, string Text, UnitReportStatus Status, string? ReviewNote, bool Late, ReportFileDto[] Files);

public sealed record DueReportDto(string UnitCode, string UnitName, ReportKind Kind, int Year, int Period, string PeriodLabel, DateOnly Due, int DaysLate);

public sealed record ReviewRequest(bool? Accept, string? Note);

public static class ReportsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reform/reports/obligations", Obligations);
        group.MapGet("/reform/reports", List);
        group.MapPost("/reform/reports", Submit).DisableAntiforgery();
        group.MapPost("/reform/reports/{id:int}/review", Review);
        group.MapGet("/reform/reports/late", Late);
        group.MapGet("/reform/reports/reminders", Reminders);
    }

    private static async Task<Ok<ObligationDto[]>> Obligations(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ReportObligations.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new ObligationDto(o.Kind, o.Name, o.DueDay, o.DueMonthOffset, o.RemindDaysBefore, o.DemoRule, o.Note)).ToArrayAsync(ct));

    internal static async Task<UnitReportDto[]> ListAsync(AppDbContext db, ClaimsPrincipal user, int? year, string? unitCode, CancellationToken ct)
    {
        var scope = ReformAccess.Scope(user);
        var rules = (await db.ReportObligations.AsNoTracking().ToListAsync(ct)).ToDictionary(o => o.Kind, o => o.Rule);
        var q = db.UnitReports.AsNoTracking().Include(r => r.Unit).Include(r => r.Files).Where(r => r.Unit!.Path.StartsWith(scope));
        if (year is not null)
        {
            q = q.Where(r => r.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            q = q.Where(r => r.Unit!.Code == unitCode);
        }

        var list = await q.ToListAsync(ct);
        return [.. list.OrderByDescending(r => r.SubmittedAt).Select(r =>
        {
            var period = rules.TryGetValue(r.Kind, out var rule) ? rule.Period(r.Year, r.Period) : new ReportPeriod(r.Kind, r.Year, r.Period, new DateOnly(r.Year, 12, 31));
            return new UnitReportDto(r.Id, r.Unit!.Code, r.Unit.Name, r.Kind, r.Year, r.Period, period.Label, period.Due, r.SubmittedAt, r.SubmittedBy, r.Text,
                r.Status, r.ReviewNote, VietnamTime.LocalDate(r.SubmittedAt) > period.Due, [.. r.Files.Select(f => new ReportFileDto(f.Sha256, f.FileName))]);
        })];
    }

    private static async Task<Ok<UnitReportDto[]>> List(int? year, string? unit, AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, user, year, unit, ct));

    public sealed record SubmitResult(UnitReport? Report, ValidationProblem? Invalid, ProblemHttpResult? Conflict);

    /// <summary>Any staff member of a reporting unit submits that unit's report; a returned report may be submitted again.</summary>
    internal static async Task<SubmitResult> SubmitAsync(
        ClaimsPrincipal user, ReportKind? kind, int? year, int? period, string? text, IReadOnlyList<IFormFile> uploads,
        AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unitId = user.UnitId();
        var unit = unitId is null ? null : await db.Units.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || unit.Kind is not (UnitKind.Office or UnitKind.Commune) || unit.Parent?.Kind != UnitKind.District)
        {
            errors["unit"] = [t["Đơn vị của bạn không thuộc diện báo cáo cải cách hành chính cho Phòng Nội vụ."]];
        }

        var obligation = kind is null ? null : await db.ReportObligations.AsNoTracking().SingleOrDefaultAsync(o => o.Kind == kind, ct);
        if (obligation is null)
        {
            errors["kind"] = [t["Loại báo cáo là bắt buộc (yearly-plan, monthly, quarterly, six-month, yearly)."]];
        }

        ReportPeriod? p = null;
        if (year is not (>= 2000 and <= 2100))
        {
            errors["year"] = [t["Năm báo cáo không hợp lệ."]];
        }
        else if (obligation is not null)
        {
            var periods = obligation.Rule.PeriodsOf(year.Value).ToList();
            p = periods.FirstOrDefault(x => x.Period == (period ?? 0));
            if (p is null || p.Value.Due.Year < 2000)
            {
                p = null;
                errors["period"] = [t["Kỳ báo cáo không hợp lệ cho loại báo cáo này."]];
            }
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 8000)
        {
            errors["text"] = [t["Nội dung báo cáo là bắt buộc, tối đa 8000 ký tự."]];
        }

        if (uploads.Count > 10 || uploads.Any(f => f.Length > FileUploads.MaxBytes))
        {
            errors["files"] = [t["Tối đa 10 tệp, mỗi tệp tối đa 20 MB."]];
        }
        else if ((await Task.WhenAll(uploads.Select(f => FileTypes.ProblemAsync(f, ct)))).FirstOrDefault(p => p is not null) is { } fileProblem)
        {
            errors["files"] = [t[fileProblem]];
        }

        if (errors.Count > 0)
        {
            return new(null, TypedResults.ValidationProblem(errors, title: t["Báo cáo không hợp lệ"]), null);
        }

        var pv = p!.Value;
        if (await db.UnitReports.AnyAsync(r => r.UnitId == unit!.Id && r.Kind == pv.Kind && r.Year == pv.Year && r.Period == pv.Period && r.Status != UnitReportStatus.Returned, ct))
        {
            return new(null, null, TypedResults.Problem(t["Đơn vị đã nộp báo cáo {0}.", pv.Label], statusCode: StatusCodes.Status409Conflict));
        }

        var report = new UnitReport
        {
            UnitId = unit!.Id,
            Kind = pv.Kind,
            Year = pv.Year,
            Period = pv.Period,
            SubmittedAt = time.GetUtcNow().UtcDateTime,
            SubmittedBy = user.Identity?.Name ?? "?",
            Text = text!.Trim(),
            Status = UnitReportStatus.Submitted,
        };
        foreach (var f in uploads.Where(f => f.Length > 0))
        {
            report.Files.Add(new UnitReportFile { Sha256 = await FileUploads.SaveAsync(f, db, files, time, ct), FileName = FileUploads.SafeName(f.FileName) });
        }

        db.UnitReports.Add(report);
        await db.SaveChangesAsync(ct);
        return new(report, null, null);
    }

    private static async Task<Results<Created<UnitReportDto>, ValidationProblem, ProblemHttpResult>> Submit(
        [FromForm] string? kind, [FromForm] int? year, [FromForm] int? period, [FromForm] string? text, IFormFileCollection? files,
        AppDbContext db, IFileStore store, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var result = await SubmitAsync(user, Kebab.Parse<ReportKind>(kind), year, period, text, [.. files ?? (IEnumerable<IFormFile>)[]], db, store, time, t, ct);
        if (result.Invalid is { } invalid)
        {
            return invalid;
        }

        if (result.Conflict is { } conflict)
        {
            return conflict;
        }

        var dto = (await ListAsync(db, user, result.Report!.Year, null, ct)).Single(r => r.Id == result.Report.Id);
        return TypedResults.Created($"/api/v1/reform/reports/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<UnitReportDto>, NotFound, ForbidHttpResult, ValidationProblem>> Review(
        int id, ReviewRequest body, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (body.Accept is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["accept"] = [t["Cần cho biết chấp nhận (true) hay trả lại (false) báo cáo."]] }, title: t["Dữ liệu không hợp lệ"]);
        }

        var scope = ReformAccess.Scope(user);
        if (await db.UnitReports.SingleOrDefaultAsync(r => r.Id == id && r.Unit!.Path.StartsWith(scope), ct) is not { } report)
        {
            return TypedResults.NotFound();
        }

        report.Status = body.Accept == false ? UnitReportStatus.Returned : UnitReportStatus.Accepted;
        report.ReviewNote = body.Note?[..Math.Min(body.Note.Length, 2000)];
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ListAsync(db, user, report.Year, null, ct)).Single(r => r.Id == id));
    }

    /// <summary>Missing reports of the year of <paramref name="on"/> past their due date, for the units in the caller's scope.</summary>
    internal static async Task<DueReportDto[]> LateAsync(AppDbContext db, ClaimsPrincipal user, DateOnly on, CancellationToken ct)
    {
        var (obligations, units, submitted) = await InputsAsync(db, user, on.Year, ct);
        var byId = units.ToDictionary(u => u.Id);
        return [.. ReportCalendar.Late(obligations.Select(o => o.Rule), units.Select(Reporting), submitted, on)
            .OrderBy(m => m.Period.Due).ThenBy(m => byId[m.UnitId].Code, StringComparer.Ordinal)
            .Select(m => Due(m, byId[m.UnitId], on))];
    }

    internal static async Task<DueReportDto[]> RemindersAsync(AppDbContext db, ClaimsPrincipal user, DateOnly on, CancellationToken ct)
    {
        var (obligations, units, submitted) = await InputsAsync(db, user, on.Year, ct);
        var next = await InputsAsync(db, user, on.Year + 1, ct);
        submitted.UnionWith(next.Submitted);
        var byId = units.Concat(next.Units).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        return [.. ReportCalendar.Reminders(obligations.Select(o => (o.Rule, o.RemindDaysBefore)), byId.Values.Select(Reporting), submitted, on)
            .OrderBy(m => m.Period.Due).ThenBy(m => byId[m.UnitId].Code, StringComparer.Ordinal)
            .Select(m => Due(m, byId[m.UnitId], on))];
    }

    private static ReportingUnit Reporting(OrgUnit u) => new(u.Id, u.ValidFrom, u.ValidTo);

    private static DueReportDto Due(MissingReport m, OrgUnit u, DateOnly on) =>
        new(u.Code, u.Name, m.Period.Kind, m.Period.Year, m.Period.Period, m.Period.Label, m.Period.Due, Math.Max(0, on.DayNumber - m.Period.Due.DayNumber));

    private static async Task<(List<ReportObligation> Obligations, List<OrgUnit> Units, HashSet<(int, ReportKind, int, int)> Submitted)> InputsAsync(
        AppDbContext db, ClaimsPrincipal user, int year, CancellationToken ct)
    {
        var obligations = await db.ReportObligations.AsNoTracking().ToListAsync(ct);
        var units = await ReformAccess.ReportingUnitsAsync(db, user, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
        var ids = units.Select(u => u.Id).ToList();
        var rows = await db.UnitReports.AsNoTracking()
            .Where(r => ids.Contains(r.UnitId) && r.Year == year && r.Status != UnitReportStatus.Returned)
            .Select(r => new { r.UnitId, r.Kind, r.Year, r.Period }).ToListAsync(ct);
        return (obligations, units, rows.Select(r => (r.UnitId, r.Kind, r.Year, r.Period)).ToHashSet());
    }

    private static async Task<Results<Ok<DueReportDto[]>, ValidationProblem>> Late(string? on, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ParseDate(on, time) is { } d ? TypedResults.Ok(await LateAsync(db, user, d, ct)) : InvalidDate(t);

    private static async Task<Results<Ok<DueReportDto[]>, ValidationProblem>> Reminders(string? on, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ParseDate(on, time) is { } d ? TypedResults.Ok(await RemindersAsync(db, user, d, ct)) : InvalidDate(t);

    internal static DateOnly? ParseDate(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return VietnamTime.Today(time);
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100
            ? d : null;
    }

    private static ValidationProblem InvalidDate(IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["on"] = [t["Ngày phải có dạng YYYY-MM-DD."]] }, title: t["Dữ liệu không hợp lệ"]);
}

/// <summary>Reads kebab-case enum names ("six-month") from form fields, as JSON does.</summary>
public static class Kebab
{
    public static T? Parse<T>(string? value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value) || char.IsDigit(value.Trim()[0]))
        {
            return null;
        }

        return Enum.TryParse<T>(value.Replace("-", "", StringComparison.Ordinal).Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;
    }

    public static string Name<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
