using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

public sealed record DrillDownItem(
    string Code, string ProcedureCode, string UnitPath, string Channel, DateOnly ReceivedOn, DateOnly? DueDate, DateOnly? FinishedOn,
    string? FinishKind, DateOnly? ReturnedOn, int SupplementRequests, string Status);

public sealed record DrillDownPage(string Indicator, string Part, UnitRef Unit, DateOnly From, DateOnly To, int Total, int Page, int PageSize, DrillDownItem[] Items);

public static class IndicatorsSetup
{
    public static WebApplicationBuilder AddIndicators(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IndicatorService>();
        builder.Services.AddSingleton<IndicatorReferenceCache>();
        builder.Services.AddScoped<ReadIndex766>();
        return builder;
    }
}

public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/indicators").WithTags("Indicators").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapGet("/", Get).Doc("getIndicators", "Các chỉ số cải cách hành chính", "Live indicators of a unit and period, with the targets that apply.").AllowClients(ClientScope.IndicatorsRead);
        group.MapGet("/dossiers", Dossiers).Doc("listIndicatorDossiers", "Hồ sơ tính vào một chỉ số", "The dossiers behind an indicator's figure.");
        group.MapGet("/report", Report).Doc("getIndicatorReport", "Báo cáo chỉ số (Excel, PDF)", "The indicator report as Excel or PDF.").ProducesFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf");
        group.MapIndex766Api();
        app.MapGet("/api/v1/open-data/indicators.csv", OpenData).Doc("getOpenDataIndicators", "Dữ liệu mở về chỉ số (CSV)", "Aggregate indicators as open data (CSV).").ProducesFile("text/csv").WithTags("Indicators").AllowAnonymous();
        return group;
    }

    private static async Task<Results<Ok<IndicatorReport>, ValidationProblem>> Get(
        string? from, string? to, string? unit, string? by, string? breakdown, int? baseYear, bool? includePredecessors,
        AppDbContext db, IndicatorService service, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var (q, errors) = await ParseIndicatorPeriod.RunAsync(db, user, from, to, unit, today, t, ct);
        if (by is { Length: > 0 } && by != "month")
        {
            errors["by"] = [t["Chỉ hỗ trợ by=month."]];
        }

        Breakdown? kind = null;
        if (breakdown is { Length: > 0 })
        {
            if (Enum.TryParse<Breakdown>(breakdown, ignoreCase: true, out var k) && !int.TryParse(breakdown, out _))
            {
                kind = k;
            }
            else
            {
                errors["breakdown"] = [t["Phân tích theo '{0}' không hỗ trợ; dùng unit, field hoặc procedure.", breakdown]];
            }
        }

        if (baseYear is < 1990 or > 2100)
        {
            errors["baseYear"] = [t["Năm gốc phải trong khoảng 1990–2100."]];
        }

        if (q is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Không tính được chỉ số"]);
        }

        return TypedResults.Ok(await service.ReportAsync(q.Unit, q.From, q.To, baseYear, by == "month", kind, today, ct, includePredecessors == true));
    }

    private static async Task<Results<Ok<DrillDownPage>, ValidationProblem>> Dossiers(
        string? indicator, string? part, string? from, string? to, string? unit, int? page, int? pageSize,
        AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (q, errors) = await ParseIndicatorPeriod.RunAsync(db, user, from, to, unit, VietnamTime.Today(time), t, ct);
        var p = part ?? "numerator";
        var predicate = q is null ? null : IndicatorDrillDown.Predicate(indicator ?? "", p, q.From, q.To);
        if (q is not null && predicate is null)
        {
            errors["indicator"] = [t["Không có danh sách hồ sơ cho chỉ số '{0}', phần '{1}'. Chỉ số: {2}; phần: numerator, denominator, complement (late).",
                indicator ?? "", p, string.Join(", ", IndicatorDrillDown.Indicators)]];
        }

        var size = pageSize ?? 50;
        if (size is < 1 or > 500 || page is < 1)
        {
            errors["pageSize"] = [t["Trang bắt đầu từ 1, cỡ trang 1–500."]];
        }

        if (q is null || predicate is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Không lấy được danh sách hồ sơ"]);
        }

        var path = q.Unit.Path;
        var query = db.Dossiers.AsNoTracking().Where(d => d.ReceivingUnitPath.StartsWith(path)).Where(predicate);
        var total = await query.CountAsync(ct);
        var n = page ?? 1;
        var items = await query.OrderBy(d => d.Id).Skip((n - 1) * size).Take(size)
            .Select(d => new { d.Code, d.ProcedureCode, d.ReceivingUnitPath, d.Channel, d.ReceivedOn, d.LegalDueDate, d.FinishedOn, d.FinishKind, d.ReturnedOn, d.SupplementRequests, d.Status })
            .ToListAsync(ct);
        return TypedResults.Ok(new DrillDownPage(indicator!, IndicatorDrillDown.NormalisePart(p), new(q.Unit.Code, q.Unit.Name, q.Unit.Path), q.From, q.To, total, n, size,
            [.. items.Select(d => new DrillDownItem(d.Code, d.ProcedureCode, d.ReceivingUnitPath, d.Channel.ToString().ToLowerInvariant(), d.ReceivedOn, d.LegalDueDate,
                d.FinishedOn, d.FinishKind, d.ReturnedOn, d.SupplementRequests, d.Status.ToString()))]));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Report(
        string? period, int? year, int? n, string? unit, string? format,
        AppDbContext db, IndicatorService service, ReadIndex766 read766, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var kind = period ?? "year";
        var y = year ?? today.Year;
        var errors = new Dictionary<string, string[]>();
        var range = y is >= 1990 and <= 2100 ? IndicatorText.Period(kind, y, n ?? 1) : null;
        if (range is null)
        {
            errors["period"] = [t["Kỳ báo cáo không hợp lệ: period là month (n 1–12), quarter (n 1–4), half (n 1–2) hoặc year."]];
        }

        if (format is not (null or "xlsx" or "pdf"))
        {
            errors["format"] = [t["Định dạng '{0}' không hỗ trợ; dùng xlsx hoặc pdf.", format ?? ""]];
        }

        var (q, unitErrors) = await ParseIndicatorPeriod.RunAsync(db, user, null, null, unit, today, t, ct);
        foreach (var (k, v) in unitErrors)
        {
            errors[k] = v;
        }

        if (errors.Count > 0 || q is null || range is not { } r)
        {
            return TypedResults.ValidationProblem(errors, title: t["Không lập được báo cáo"]);
        }

        var report = await service.ReportAsync(q.Unit, r.From, r.To, null, monthly: false, Breakdown.Unit, today, ct);
        var name = IndicatorText.PeriodName(kind, y, n ?? 1);
        var file = $"bao-cao-chi-so-{q.Unit.Code}-{kind}-{y}-{n ?? 1}";
        // The QĐ 766 index is scored per quarter or per year: a quarter's report carries that quarter's index, any other period its year's.
        var index = await read766.HandleAsync(user, q.Unit.Code, y.ToString(CultureInfo.InvariantCulture),
            kind == "quarter" ? (n ?? 1).ToString(CultureInfo.InvariantCulture) : null, today, ct);
        var index766 = index switch
        {
            ReadIndex766.Found(var found) => new Index766Export(found, null),
            ReadIndex766.Invalid(var why) => new Index766Export(null, string.Join(" ", why.Values.SelectMany(m => m))),
            _ => null,
        };
        return format == "pdf"
            ? TypedResults.File(IndicatorExports.Pdf(report, name, index766), "application/pdf", file + ".pdf")
            : TypedResults.File(IndicatorExports.Excel(report, name, index766), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file + ".xlsx");
    }

    /// <summary>Open data for anyone: monthly counts and rates of a unit and its direct children for one year, no personal data.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> OpenData(
        string? unit, int? year, AppDbContext db, IndicatorService service, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var y = year ?? today.Year;
        var (q, errors) = await ParseIndicatorPeriod.RunAsync(db, null, null, null, unit, today, t, ct);
        if (y is < 1990 or > 2100)
        {
            errors["year"] = [t["Năm phải trong khoảng 1990–2100."]];
        }

        if (q is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Không xuất được dữ liệu mở"]);
        }

        var units = new List<OrgUnit> { q.Unit };
        units.AddRange(await db.Units.AsNoTracking().Where(u => u.ParentId == q.Unit.Id).OrderBy(u => u.Code).ToListAsync(ct));
        var rows = new List<(string, string, MonthPoint)>();
        var end = new DateOnly(y, 12, 31) < today ? new DateOnly(y, 12, 31) : today;
        foreach (var u in units)
        {
            if (end < new DateOnly(y, 1, 1))
            {
                break;
            }

            foreach (var p in await service.SeriesAsync(u.Path, new DateOnly(y, 1, 1), end, ct))
            {
                rows.Add((u.Code, u.Name, p));
            }
        }

        var csv = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(IndicatorExports.Csv(rows))).ToArray();
        return TypedResults.File(csv, "text/csv; charset=utf-8", $"chi-so-{q.Unit.Code}-{y}.csv");
    }
}
