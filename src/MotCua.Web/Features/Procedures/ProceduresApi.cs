using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

public sealed record ProcedureSummary(
    int Id, string Code, string Name, string Field, string[] Levels, int? ProcessingDays, int? ProcessingHours, OnlineMode OnlineMode, bool Incomplete, int Rank);

public sealed record ProcedureList(int Total, int Page, int PageSize, ProcedureSummary[] Items);

public sealed record FeeDto(FeeKind Kind, string Name, long? Amount, bool IsDemoValue);

public sealed record DocumentDto(string Name, DocumentKind Kind, int Count, bool Reusable);

public sealed record StepDto(int Order, string Name, UnitKind UnitKind, string? UnitCode, StepRole Role, int WorkingDays, bool IsInterUnit);

public sealed record ProcedureDto(
    int Id, string Code, int VersionNo, DateOnly ValidFrom, DateOnly? ValidTo, string Name, string Field, string[] Levels,
    UnitKind CompetentUnitKind, int? ProcessingDays, int? ProcessingHours, bool ProcessingTimeIsDemo, FeeDto[] Fees,
    DocumentDto[] Documents, StepDto[] Steps, bool TemplateIsDemo, OnlineMode OnlineMode, bool OnlineModeIsDemo,
    ResultKind ResultKind, string? LegalBasis, string? Source, bool Incomplete, string[] IncompleteReasons, bool CanReceive,
    string? CannotReceiveReason, string? Agency = null, string? Sequence = null)
{
    public static ProcedureDto From(Procedure p) => new(
        p.Id, p.Code, p.VersionNo, p.ValidFrom, p.ValidTo, p.Name, p.Field, p.LevelList, p.CompetentUnitKind,
        p.ProcessingDays, p.ProcessingHours, p.ProcessingTimeIsDemo,
        [.. p.Fees.Select(f => new FeeDto(f.Kind, f.Name, f.Amount, f.IsDemoValue))],
        [.. p.Documents.Select(d => new DocumentDto(d.Name, d.Kind, d.Count, d.Reusable))],
        [.. p.Steps.OrderBy(s => s.Order).Select(s => new StepDto(s.Order, s.Name, s.UnitKind, s.UnitCode, s.Role, s.WorkingDays, s.IsInterUnit))],
        p.TemplateIsDemo, p.OnlineMode, p.OnlineModeIsDemo, p.ResultKind, p.LegalBasis, p.Source, p.Incomplete,
        [.. p.IncompleteReasons], p.CanReceive, p.CannotReceiveReason, p.Agency, p.Sequence);
}

public static class ProceduresApi
{
    public static WebApplicationBuilder AddProcedures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProcedureCatalogue>();
        return builder;
    }

    public static RouteGroupBuilder MapProceduresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/procedures").WithTags("Procedures");
        group.MapGet("/", List).Doc("listProcedures", "Danh mục thủ tục hành chính", "The procedure catalogue, searchable.");
        group.MapGet("/export.csv", ExportCsv).Doc("exportProceduresCsv", "Xuất danh mục thủ tục (CSV)", "The procedure catalogue as CSV.").ProducesFile("text/csv");
        group.MapGet("/export.xlsx", ExportXlsx).Doc("exportProceduresExcel", "Xuất danh mục thủ tục (Excel)", "The procedure catalogue as Excel.").ProducesFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        group.MapGet("/{code}", Get).Doc("getProcedure", "Xem thủ tục", "One procedure with its versions.");
        group.MapPost("/import", Import).Doc("importProcedures", "Nhập danh mục thủ tục", "Imports procedures from CSV, the national database's JSON or Excel export (idempotent, versioned), with a report of what changed.").RequireAuthorization(AccountsSetup.AdminPolicy)
            .Accepts<string>("text/csv", "application/json", XlsxType);
        group.MapPost("/", Create).Doc("createProcedure", "Thêm thủ tục", "Adds a procedure.").RequireAuthorization(AccountsSetup.AdminPolicy);
        group.MapPut("/{code}", Update).Doc("updateProcedure", "Sửa thủ tục (tạo phiên bản mới)", "Changes a procedure as a new dated version.").RequireAuthorization(AccountsSetup.AdminPolicy);
        return group;
    }

    /// <summary>Current procedures, ranked by the diacritics-insensitive search when <c>q</c> is given.</summary>
    private static async Task<Results<Ok<ProcedureList>, ValidationProblem>> List(
        string? q, string? field, string? level, string? unit, int? page, AppDbContext db, ProcedureCatalogue catalogue,
        TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (page is < 1 or > 100_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [t["Số trang phải từ 1 trở lên."]] });
        }

        HashSet<string>? codes = null;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            codes = await AcceptedCodesAsync(db, unit.Trim(), VietnamTime.Today(time), ct);
            if (codes is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unit"] = [t["Không tìm thấy đơn vị '{0}'.", unit]] });
            }
        }

        var (items, _, _) = await catalogue.CurrentAsync(db, ct);
        var result = ProcedureCatalogue.Search(items, new SearchQuery(q, field, level, codes, page ?? 1));
        return TypedResults.Ok(new ProcedureList(result.Total, result.Page, result.PageSize,
            [.. result.Items.Select(h => new ProcedureSummary(h.Item.Id, h.Item.Code, h.Item.Name, h.Item.Field, h.Item.Levels,
                h.Item.ProcessingDays, h.Item.ProcessingHours, h.Item.OnlineMode, h.Item.Incomplete, h.Rank))]));
    }

    /// <summary>Codes a unit accepts on <paramref name="date"/>; null when the unit does not exist.</summary>
    public static async Task<HashSet<string>?> AcceptedCodesAsync(AppDbContext db, string unitCode, DateOnly date, CancellationToken ct)
    {
        var unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (unitId is null)
        {
            return null;
        }

        return [.. await db.UnitProcedures
            .Where(x => x.UnitId == unitId && x.ValidFrom <= date && (x.ValidTo == null || x.ValidTo >= date))
            .Select(x => x.ProcedureCode).ToListAsync(ct)];
    }

    /// <summary>The version in force today, or on <c>on</c> (YYYY-MM-DD).</summary>
    private static async Task<Results<Ok<ProcedureDto>, NotFound, ValidationProblem>> Get(
        string code, string? on, AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        DateOnly? date = null;
        if (!string.IsNullOrEmpty(on))
        {
            if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["on"] = [t["Ngày '{0}' không đúng định dạng YYYY-MM-DD.", on]] });
            }

            date = d;
        }

        var p = await FindProcedure.VersionAsync(db, code, date, ct);
        return p is null ? TypedResults.NotFound() : TypedResults.Ok(ProcedureDto.From(p));
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The largest import file accepted: the whole national catalogue of a province is a few megabytes.</summary>
    public const long MaxImportBytes = 32 * 1024 * 1024;

    /// <summary>CSV (the export's format), or the national database's JSON or Excel export, chosen by the Content-Type.</summary>
    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> Import(
        HttpRequest request, AppDbContext db, TimeProvider time, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        ImportResult result;
        if (type is "application/json" or XlsxType)
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, ct);
            if (body.Length > MaxImportBytes)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [t["Tệp lớn hơn {0} MB.", MaxImportBytes / 1024 / 1024]] }, title: t["Tệp không hợp lệ"]);
            }

            body.Position = 0;
            var read = type == XlsxType ? CatalogueFiles.ReadXlsx(body) : await CatalogueFiles.ReadJsonAsync(body, ct);
            result = await ImportProcedures.RunNationalAsync(db, read, time, (m, a) => t[m, a], user.Identity?.Name, ct);
        }
        else
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            result = await ImportProcedures.RunAsync(db, reader, time, (m, a) => t[m, a], user.Identity?.Name, ct);
        }

        if (result.FileRejected)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = [.. result.Errors.Select(e => e.Message)] },
                title: type is "application/json" or XlsxType ? t["Tệp không hợp lệ"] : t["Tệp CSV không hợp lệ"]);
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Created<ProcedureDto>, ValidationProblem>> Create(
        ProcedureInput body, AppDbContext db, TimeProvider time, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var outcome = await SaveProcedure.RunAsync(db, body, null, time, t, user.Identity?.Name, ct);
        return outcome.Saved is { } p
            ? TypedResults.Created($"/api/v1/procedures/{p.Code}", ProcedureDto.From(p))
            : TypedResults.ValidationProblem(outcome.Errors, title: t["Dữ liệu thủ tục không hợp lệ"]);
    }

    /// <summary>Edits open a new version from today; dossiers received earlier keep the old version's id.</summary>
    private static async Task<Results<Ok<ProcedureDto>, NotFound, ValidationProblem>> Update(
        string code, ProcedureInput body, AppDbContext db, TimeProvider time, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var outcome = await SaveProcedure.RunAsync(db, body, code, time, t, user.Identity?.Name, ct);
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        return outcome.Saved is { } p
            ? TypedResults.Ok(ProcedureDto.From(p))
            : TypedResults.ValidationProblem(outcome.Errors, title: t["Dữ liệu thủ tục không hợp lệ"]);
    }

    private static async Task<List<Procedure>> CurrentAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Procedures.AsNoTracking().Where(p => p.ValidTo == null).ToListAsync(ct)).OrderBy(p => p.Code, StringComparer.Ordinal)];

    /// <summary>The import format, so export → import is a no-op; demo values are left out so they never pass for national data.</summary>
    private static async Task<FileContentHttpResult> ExportCsv(AppDbContext db, CancellationToken ct)
    {
        var procedures = await CurrentAsync(db, ct);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in ProcedureRow.Columns)
            {
                csv.WriteField(column);
            }

            await csv.NextRecordAsync();
            foreach (var p in procedures)
            {
                foreach (var cell in ExportCells(p))
                {
                    csv.WriteField(cell);
                }

                await csv.NextRecordAsync();
            }
        }

        return TypedResults.File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
            "text/csv; charset=utf-8", "thu-tuc-hanh-chinh.csv");
    }

    private static string[] ExportCells(Procedure p)
    {
        var fee = p.Fees.Count == 1 && p.Fees[0] is { Kind: FeeKind.Fixed, IsDemoValue: false, Amount: { } amount }
            ? amount.ToString(CultureInfo.InvariantCulture) : "";
        var days = p.ProcessingTimeIsDemo ? "" : p.ProcessingDays?.ToString(CultureInfo.InvariantCulture) ?? "";
        return [p.Code, p.Name, p.Field, p.Levels, days, fee, ImportProcedures.FormatOnline(p) ?? "",
            DocumentList.Format(p.Documents.Select(d => new ParsedDocument(d.Name, d.Kind, d.Count))), p.Source ?? ""];
    }

    private static async Task<FileContentHttpResult> ExportXlsx(AppDbContext db, CancellationToken ct)
    {
        var procedures = await CurrentAsync(db, ct);
        var rows = procedures.Select(p => new Dictionary<string, object?>
        {
            ["Mã"] = p.Code,
            ["Phiên bản"] = p.VersionNo,
            ["Hiệu lực từ"] = p.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Tên thủ tục"] = p.Name,
            ["Lĩnh vực"] = p.Field,
            ["Cấp thực hiện"] = p.Levels,
            ["Thời hạn (ngày làm việc)"] = p.ProcessingDays,
            ["Thời hạn là giá trị minh họa"] = p.ProcessingTimeIsDemo,
            ["Phí, lệ phí (đồng)"] = string.Join("; ", p.Fees.Select(f => $"{f.Name}: {f.Amount?.ToString(CultureInfo.InvariantCulture) ?? "HĐND tỉnh quy định"}{(f.IsDemoValue ? " (minh họa)" : "")}")),
            ["Trực tuyến"] = p.OnlineMode.ToString(),
            ["Thành phần hồ sơ"] = string.Join("\n", p.Documents.Select(d => $"{d.Name} ({d.Count})")),
            ["Chưa đủ thông tin"] = p.Incomplete,
            ["Nguồn"] = p.Source,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "ThuTuc", cancellationToken: ct);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "thu-tuc-hanh-chinh.xlsx");
    }
}
