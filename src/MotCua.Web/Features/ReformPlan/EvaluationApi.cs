using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record SchemeDto(int Id, int Year, string Name, CriterionDto[] Criteria);

public sealed record CriterionDto(int Id, string Code, string? ParentCode, string Title, decimal MaxPoints, bool EvidenceRequired, bool Leaf, int Depth);

public sealed record ResultDto(int Rank, string UnitCode, string UnitName, decimal Total, decimal MaxTotal, decimal Percent, string Classification, int NotAppraised);

public sealed record AppraisalRequest(string? UnitCode, string? CriterionCode, decimal? Score, string? Note);

public static class EvaluationApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reform/evaluation/schemes", Schemes);
        group.MapGet("/reform/evaluation/schemes/{id:int}/results", Results);
        group.MapGet("/reform/evaluation/schemes/{id:int}/results.xlsx", Export);
        group.MapPost("/reform/evaluation/schemes/{id:int}/self-assessments", SelfAssess).DisableAntiforgery();
        group.MapPut("/reform/evaluation/schemes/{id:int}/appraisals", Appraise);
        SchemesApi.Map(group);
    }

    internal static async Task<SchemeDto[]> SchemesAsync(AppDbContext db, CancellationToken ct)
    {
        var schemes = await db.ScoringSchemes.AsNoTracking().Include(s => s.Criteria).OrderByDescending(s => s.Year).ToListAsync(ct);
        return [.. schemes.Select(s =>
        {
            var byId = s.Criteria.ToDictionary(c => c.Id);
            var parents = s.Criteria.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).ToHashSet();
            return new SchemeDto(s.Id, s.Year, s.Name, [.. s.Criteria.OrderBy(c => c.SortOrder).Select(c => new CriterionDto(
                c.Id, c.Code, c.ParentId is { } p ? byId[p].Code : null, c.Title, c.MaxPoints, c.EvidenceRequired, !parents.Contains(c.Id), Depth(c, byId)))]);
        })];
    }

    private static int Depth(ScoringCriterion c, Dictionary<int, ScoringCriterion> byId)
    {
        var depth = 0;
        for (var p = c.ParentId; p is { } at && depth < byId.Count; p = byId[at].ParentId)
        {
            depth++;
        }

        return depth;
    }

    private static async Task<Ok<SchemeDto[]>> Schemes(AppDbContext db, CancellationToken ct) => TypedResults.Ok(await SchemesAsync(db, ct));

    /// <summary>Ranks every reporting unit of the caller's scope that existed in the scheme's year; a unit without scores totals 0.</summary>
    internal static async Task<ResultDto[]?> ResultsAsync(AppDbContext db, ClaimsPrincipal user, int schemeId, CancellationToken ct)
    {
        if (await db.ScoringSchemes.AsNoTracking().Include(s => s.Criteria).SingleOrDefaultAsync(s => s.Id == schemeId, ct) is not { } scheme)
        {
            return null;
        }

        var units = await ReformAccess.ReportingUnitsAsync(db, user, new DateOnly(scheme.Year, 1, 1), new DateOnly(scheme.Year, 12, 31), ct);
        var ids = units.Select(u => u.Id).ToList();
        var criterionIds = scheme.Criteria.Select(c => c.Id).ToList();
        var scores = await db.Assessments.AsNoTracking().Where(a => criterionIds.Contains(a.CriterionId) && ids.Contains(a.UnitId)).ToListAsync(ct);
        var byUnit = ids.ToDictionary(id => id, id => (IReadOnlyList<Score>)[.. scores.Where(a => a.UnitId == id)
            .Select(a => new Score(a.CriterionId, a.SelfScore, a.AppraisedScore, a.EvidenceSha256 is not null))]);
        var criteria = scheme.Criteria.Select(c => new Criterion(c.Id, c.ParentId, c.Code, c.MaxPoints, c.EvidenceRequired)).ToList();
        var names = units.ToDictionary(u => u.Id);
        return [.. Scoring.Rank(criteria, byUnit).Select(r => new ResultDto(
            r.Rank, names[r.UnitId].Code, names[r.UnitId].Name, r.Total, r.MaxTotal, r.Percent, r.Classification, r.NotAppraised))];
    }

    private static async Task<Results<Ok<ResultDto[]>, NotFound>> Results(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        await ResultsAsync(db, user, id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> Export(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ResultsAsync(db, user, id, ct) is not { } results)
        {
            return TypedResults.NotFound();
        }

        var rows = results.Select(r => new Dictionary<string, object?>
        {
            ["Hạng"] = r.Rank,
            ["Mã đơn vị"] = r.UnitCode,
            ["Đơn vị"] = r.UnitName,
            ["Tổng điểm"] = r.Total,
            ["Điểm tối đa"] = r.MaxTotal,
            ["Tỷ lệ (%)"] = r.Percent,
            ["Xếp loại"] = r.Classification,
            ["Tiêu chí chưa thẩm định"] = r.NotAppraised,
        });
        using var ms = new MemoryStream();
        await ms.SaveAsAsync(rows, sheetName: "Xep hang", cancellationToken: ct);
        return TypedResults.File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"xep-hang-cchc-{id}.xlsx");
    }

    /// <summary>Any staff member of a reporting unit records the unit's self-assessment of one leaf criterion, with evidence.</summary>
    internal static async Task<Dictionary<string, string[]>?> SelfAssessAsync(
        AppDbContext db, IFileStore files, TimeProvider time, ClaimsPrincipal user, int schemeId, string? criterionCode, decimal? score, string? note, IFormFile? file,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var unitId = user.UnitId();
        var unit = unitId is null ? null : await db.Units.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is not { Kind: UnitKind.Office or UnitKind.Commune, Parent.Kind: UnitKind.District })
        {
            return new() { ["unit"] = [t["Đơn vị của bạn không thuộc diện đánh giá cải cách hành chính."]] };
        }

        var (criterion, errors) = await LeafAsync(db, schemeId, criterionCode, score, t, ct);
        if (await FileTypes.ProblemAsync(file, ct) is { } fileProblem)
        {
            errors["file"] = [t[fileProblem]];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var a = await db.Assessments.SingleOrDefaultAsync(x => x.CriterionId == criterion!.Id && x.UnitId == unit.Id, ct);
        if (a is null)
        {
            a = new Assessment { CriterionId = criterion!.Id, UnitId = unit.Id };
            db.Assessments.Add(a);
        }

        a.SelfScore = score;
        a.SelfNote = note?[..Math.Min(note.Length, 2000)];
        if (file is { Length: > 0 })
        {
            a.EvidenceSha256 = await FileUploads.SaveAsync(file, db, files, time, ct);
            a.EvidenceName = FileUploads.SafeName(file.FileName);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    internal static async Task<Dictionary<string, string[]>?> AppraiseAsync(
        AppDbContext db, ClaimsPrincipal user, int schemeId, AppraisalRequest body, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (criterion, errors) = await LeafAsync(db, schemeId, body.CriterionCode, body.Score, t, ct);
        var unit = string.IsNullOrWhiteSpace(body.UnitCode) ? null : await db.Units.AsNoTracking().InReformScope(user).SingleOrDefaultAsync(u => u.Code == body.UnitCode, ct);
        if (unit is null)
        {
            errors["unitCode"] = [t["Không tìm thấy đơn vị '{0}'.", body.UnitCode ?? ""]];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var a = await db.Assessments.SingleOrDefaultAsync(x => x.CriterionId == criterion!.Id && x.UnitId == unit!.Id, ct);
        if (a is null)
        {
            a = new Assessment { CriterionId = criterion!.Id, UnitId = unit!.Id };
            db.Assessments.Add(a);
        }

        a.AppraisedScore = body.Score;
        a.AppraisalNote = body.Note?[..Math.Min(body.Note.Length, 2000)];
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static async Task<(ScoringCriterion? Criterion, Dictionary<string, string[]> Errors)> LeafAsync(
        AppDbContext db, int schemeId, string? code, decimal? score, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var criterion = string.IsNullOrWhiteSpace(code) ? null : await db.ScoringCriteria.SingleOrDefaultAsync(c => c.SchemeId == schemeId && c.Code == code, ct);
        if (criterion is null || await db.ScoringCriteria.AnyAsync(c => c.ParentId == criterion.Id, ct))
        {
            errors["criterionCode"] = [t["Không tìm thấy tiêu chí chấm điểm '{0}'.", code ?? ""]];
        }
        else if (score is null || score < 0 || score > criterion.MaxPoints)
        {
            errors["score"] = [t["Điểm phải từ 0 đến {0}.", criterion.MaxPoints.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)]];
        }

        return (criterion, errors);
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound>> SelfAssess(
        int id, [FromForm] string? criterionCode, [FromForm] string? score, [FromForm] string? note, IFormFile? file,
        AppDbContext db, IFileStore files, TimeProvider time, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!await db.ScoringSchemes.AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var value = decimal.TryParse(score?.Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
        return await SelfAssessAsync(db, files, time, user, id, criterionCode, value, note, file, t, ct) is { } errors
            ? TypedResults.ValidationProblem(errors, title: t["Dữ liệu chấm điểm không hợp lệ"])
            : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound, ForbidHttpResult>> Appraise(
        int id, AppraisalRequest body, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (!await db.ScoringSchemes.AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return await AppraiseAsync(db, user, id, body, t, ct) is { } errors
            ? TypedResults.ValidationProblem(errors, title: t["Dữ liệu chấm điểm không hợp lệ"])
            : TypedResults.NoContent();
    }
}

/// <summary>A demo scheme in the manner of the provincial PAR INDEX; the criteria and points are invented for the demo.</summary>
public static class ScoringSeed
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.ScoringSchemes.AnyAsync(ct))
        {
            return;
        }

        var scheme = new ScoringScheme { Year = 2024, Name = "Bộ tiêu chí đánh giá kết quả CCHC năm 2024 (demo, không phải bộ tiêu chí chính thức)" };
        (string Code, string? Parent, string Title, decimal Max, bool Evidence)[] rows =
        [
            ("1", null, "Công tác chỉ đạo, điều hành CCHC", 20, false),
            ("1.1", "1", "Ban hành kế hoạch CCHC năm đúng hạn", 5, true),
            ("1.2", "1", "Báo cáo CCHC định kỳ đầy đủ, đúng hạn", 5, true),
            ("1.3", "1", "Tự kiểm tra CCHC, kỷ luật, kỷ cương hành chính", 5, true),
            ("1.4", "1", "Tuyên truyền CCHC", 5, false),
            ("2", null, "Cải cách thủ tục hành chính", 40, false),
            ("2.1", "2", "Công khai thủ tục hành chính đầy đủ, đúng quy định", 10, true),
            ("2.2", "2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 20, false),
            ("2.3", "2", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", 10, false),
            ("3", null, "Chính quyền điện tử, chính quyền số", 20, false),
            ("3.1", "3", "Xử lý văn bản, hồ sơ công việc trên môi trường mạng", 20, false),
            ("4", null, "Sự hài lòng của người dân, tổ chức", 20, false),
            ("4.1", "4", "Kết quả đo lường sự hài lòng", 20, true),
        ];
        var byCode = new Dictionary<string, ScoringCriterion>();
        var order = 0;
        foreach (var (code, parent, title, max, evidence) in rows)
        {
            var c = new ScoringCriterion { Code = code, Title = title, MaxPoints = max, EvidenceRequired = evidence, SortOrder = ++order };
            byCode[code] = c;
            scheme.Criteria.Add(c);
        }

        db.ScoringSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        foreach (var (code, parent, _, _, _) in rows.Where(r => r.Parent is not null))
        {
            byCode[code].ParentId = byCode[parent!].Id;
        }

        await db.SaveChangesAsync(ct);
    }
}
