using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record OverdueByUnitDto(string Unit, int OverdueTasks, int LateReports);

public sealed record SectionProgressDto(string Plan, string SectionCode, string SectionTitle, int Tasks, int DueSoFar, int Done, int Overdue, int NeedsDate, decimal? DonePercent);

public sealed record OverdueTaskDto(string Plan, string SectionCode, string Number, string Text, string Lead, int Year, DateOnly Due);

public sealed record OverviewDto(DateOnly On, OverdueByUnitDto[] ByUnit, SectionProgressDto[] Sections, OverdueTaskDto[] OverdueTasks, DueReportDto[] LateReports);

public static class OverviewApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reform/overview", Get).Doc("getReformOverview", "Tổng quan thực hiện kế hoạch", "Progress of the plan's tasks and targets.");
        group.MapGet("/reform/overview.xlsx", Export).Doc("exportReformOverviewExcel", "Tổng quan thực hiện kế hoạch (Excel)", "The overview as Excel.").ProducesFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        group.MapGet("/reform/overview.pdf", ExportPdf).Doc("exportReformOverviewPdf", "Tổng quan thực hiện kế hoạch (PDF)", "The overview as PDF.").ProducesFile("application/pdf");
    }

    private static async Task<Results<Ok<OverviewDto>, ValidationProblem>> Get(string? on, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ReportsApi.ParseDate(on, time) is { } d
            ? TypedResults.Ok(await BuildReformOverview.BuildAsync(db, user, d, ct))
            : ReportsApi.InvalidDate(t);

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportPdf(string? on, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ReportsApi.ParseDate(on, time) is { } d
            ? TypedResults.File(await BuildReformOverview.PdfAsync(db, user, d, VietnamTime.Today(time), ct), "application/pdf", $"tong-quan-cchc-{d:yyyy-MM-dd}.pdf")
            : ReportsApi.InvalidDate(t);

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(string? on, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ReportsApi.ParseDate(on, time) is { } d
            ? TypedResults.File(await BuildReformOverview.XlsxAsync(db, user, d, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"tong-quan-cchc-{d:yyyy-MM-dd}.xlsx")
            : ReportsApi.InvalidDate(t);
}
