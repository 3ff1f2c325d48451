using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
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
        group.MapGet("/reform/reports/obligations", Obligations).Doc("listReportObligations", "Các báo cáo phải nộp", "Reports each unit must submit, with deadlines.");
        group.MapGet("/reform/reports", List).Doc("listReformReports", "Danh sách báo cáo cải cách hành chính", "Reports submitted by units.");
        group.MapPost("/reform/reports", Submit).Doc("submitReformReport", "Nộp báo cáo", "Submits a unit's report.").ProducesProblem(StatusCodes.Status409Conflict).DisableAntiforgery().RequireAntiforgeryForCookies();
        group.MapPost("/reform/reports/{id:int}/review", Review).Doc("reviewReformReport", "Xem xét báo cáo", "Accepts or returns a report.");
        group.MapGet("/reform/reports/late", Late).Doc("listLateReports", "Báo cáo nộp muộn", "Reports submitted late or missing.");
        group.MapGet("/reform/reports/reminders", Reminders).Doc("listReportReminders", "Nhắc nộp báo cáo", "Reminders due for reports.");
    }

    private static async Task<Ok<ObligationDto[]>> Obligations(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListUnitReports.ObligationsAsync(db, ct));

    private static async Task<Ok<UnitReportDto[]>> List(int? year, string? unit, AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await ListUnitReports.ListAsync(db, user, year, unit, ct));

    private static async Task<Results<Created<UnitReportDto>, ValidationProblem, ProblemHttpResult>> Submit(
        [FromForm] string? kind, [FromForm] int? year, [FromForm] int? period, [FromForm] string? text, IFormFileCollection? files,
        SubmitUnitReport handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var request = new SubmitReportRequest(Kebab.Parse<ReportKind>(kind), year, period, text, [.. files ?? (IEnumerable<IFormFile>)[]]);
        var outcome = await handler.HandleAsync(request, user, ct);
        if (outcome is SubmitUnitReport.Submitted(var report))
        {
            var dto = (await ListUnitReports.ListAsync(db, user, report.Year, null, ct)).Single(r => r.Id == report.Id);
            return TypedResults.Created($"/api/v1/reform/reports/{dto.Id}", dto);
        }

        return outcome is SubmitUnitReport.Conflict(var message)
            ? TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict)
            : TypedResults.ValidationProblem(((SubmitUnitReport.Invalid)outcome).Errors, title: t["Báo cáo không hợp lệ"]);
    }

    private static async Task<Results<Ok<UnitReportDto>, NotFound, ForbidHttpResult, ValidationProblem>> Review(
        int id, ReviewRequest body, ReviewUnitReport handler, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            ReviewUnitReport.Reviewed(var report) => TypedResults.Ok((await ListUnitReports.ListAsync(db, user, report.Year, null, ct)).Single(r => r.Id == id)),
            ReviewUnitReport.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Dữ liệu không hợp lệ"]),
            ReviewUnitReport.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Ok<DueReportDto[]>, ValidationProblem>> Late(string? on, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ParseDate(on, time) is { } d ? TypedResults.Ok(await ListDueReports.LateAsync(db, user, d, ct)) : InvalidDate(t);

    private static async Task<Results<Ok<DueReportDto[]>, ValidationProblem>> Reminders(string? on, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ParseDate(on, time) is { } d ? TypedResults.Ok(await ListDueReports.RemindersAsync(db, user, d, ct)) : InvalidDate(t);

    /// <summary>The <c>on</c> query parameter: today when absent, null when it is not a date between 2000 and 2100.</summary>
    internal static DateOnly? ParseDate(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return VietnamTime.Today(time);
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100
            ? d : null;
    }

    internal static ValidationProblem InvalidDate(IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["on"] = [t["Ngày phải có dạng YYYY-MM-DD."]] }, title: t["Dữ liệu không hợp lệ"]);
}
