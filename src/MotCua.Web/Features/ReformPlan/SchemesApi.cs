using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record SchemeRequest(int? Year, string? Name, bool? CopyPrevious);

public sealed record CriterionRequest(string? Code, string? Title, string? ParentCode, decimal? MaxPoints, bool? EvidenceRequired);

public sealed record MoveRequest(string? Direction);

/// <summary>Phòng Nội vụ configures the yearly scoring scheme: criteria, maximum points, evidence required (ADR 0015).</summary>
public static class SchemesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reform/evaluation/schemes/{id:int}", Get);
        group.MapPost("/reform/evaluation/schemes", Create);
        group.MapPut("/reform/evaluation/schemes/{id:int}", Rename);
        group.MapPost("/reform/evaluation/schemes/{id:int}/criteria", AddCriterion);
        group.MapPut("/reform/evaluation/schemes/{id:int}/criteria/{criterionId:int}", UpdateCriterion);
        group.MapDelete("/reform/evaluation/schemes/{id:int}/criteria/{criterionId:int}", DeleteCriterion);
        group.MapPost("/reform/evaluation/schemes/{id:int}/criteria/{criterionId:int}/move", MoveCriterion);
    }

    internal static async Task<SchemeDto?> LoadAsync(AppDbContext db, int id, CancellationToken ct) =>
        (await EvaluationApi.SchemesAsync(db, ct)).SingleOrDefault(s => s.Id == id);

    /// <summary>Criteria of the scheme that some unit has self-assessed or that has been appraised: only their title may change.</summary>
    internal static async Task<HashSet<int>> ScoredAsync(AppDbContext db, int schemeId, CancellationToken ct) =>
        [.. await db.Assessments.Where(a => db.ScoringCriteria.Any(c => c.Id == a.CriterionId && c.SchemeId == schemeId)).Select(a => a.CriterionId).Distinct().ToListAsync(ct)];

    internal static async Task<(ScoringScheme? Scheme, Dictionary<string, string[]> Errors)> CreateAsync(
        AppDbContext db, SchemeRequest body, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ScoringScheme? previous = null;
        if (body.Year is not (>= 2000 and <= 2100) || body.Year is not { } year)
        {
            errors["year"] = [t["Năm của bộ tiêu chí không hợp lệ."]];
            return (null, errors);
        }

        if (await db.ScoringSchemes.AnyAsync(s => s.Year == year, ct))
        {
            errors["year"] = [t["Đã có bộ tiêu chí năm {0}; mỗi năm chỉ có một bộ tiêu chí.", year]];
        }

        if (body.Name?.Trim().Length > 300)
        {
            errors["name"] = [t["Tên bộ tiêu chí tối đa 300 ký tự."]];
        }

        if (body.CopyPrevious == true)
        {
            previous = await db.ScoringSchemes.AsNoTracking().Include(s => s.Criteria).Where(s => s.Year < year).OrderByDescending(s => s.Year).FirstOrDefaultAsync(ct);
            if (previous is null)
            {
                errors["copyPrevious"] = [t["Không có bộ tiêu chí của năm trước {0} để sao chép.", year]];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var scheme = new ScoringScheme
        {
            Year = year,
            Name = string.IsNullOrWhiteSpace(body.Name) ? t["Bộ tiêu chí đánh giá kết quả CCHC năm {0}", year] : body.Name.Trim(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ScoringSchemes.Add(scheme);
        if (previous is not null)
        {
            var copies = previous.Criteria.ToDictionary(c => c.Id, c => new ScoringCriterion
            {
                Code = c.Code,
                Title = c.Title,
                MaxPoints = c.MaxPoints,
                EvidenceRequired = c.EvidenceRequired,
                SortOrder = c.SortOrder,
            });
            scheme.Criteria.AddRange(copies.Values);
            await db.SaveChangesAsync(ct);
            foreach (var c in previous.Criteria.Where(c => c.ParentId is not null))
            {
                copies[c.Id].ParentId = copies[c.ParentId!.Value].Id;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (scheme, errors);
    }

    /// <summary>Adds (<paramref name="criterionId"/> null) or changes a criterion, then recomputes parents' maxima and the display order.</summary>
    internal static async Task<(ScoringCriterion? Criterion, Dictionary<string, string[]> Errors)> SaveCriterionAsync(
        AppDbContext db, int schemeId, int? criterionId, CriterionRequest body, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var all = await db.ScoringCriteria.Where(c => c.SchemeId == schemeId).ToListAsync(ct);
        var existing = criterionId is { } cid ? all.SingleOrDefault(c => c.Id == cid) : null;
        if (criterionId is not null && existing is null)
        {
            return (null, new() { ["criterion"] = [t["Không tìm thấy tiêu chí."]] });
        }

        var scored = await ScoredAsync(db, schemeId, ct);
        var errors = new Dictionary<string, string[]>();
        var code = body.Code?.Trim();
        var title = body.Title?.Trim();
        var parentCode = string.IsNullOrWhiteSpace(body.ParentCode) ? null : body.ParentCode.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 1000)
        {
            errors["title"] = [t["Tên tiêu chí là bắt buộc, tối đa 1000 ký tự."]];
        }

        if (!SchemeRules.IsValidCode(code))
        {
            errors["code"] = [t["Mã tiêu chí là bắt buộc, tối đa 20 ký tự, chỉ gồm chữ, số, dấu chấm, gạch nối (ví dụ 2.3)."]];
        }
        else if (all.Any(c => c.Code == code && c.Id != existing?.Id))
        {
            errors["code"] = [t["Mã tiêu chí '{0}' đã có trong bộ tiêu chí này.", code!]];
        }

        var parent = parentCode is null ? null : all.SingleOrDefault(c => c.Code == parentCode);
        if (parentCode is not null && parent is null)
        {
            errors["parentCode"] = [t["Không tìm thấy tiêu chí cha '{0}' trong bộ tiêu chí.", parentCode]];
        }
        else if (parent is not null && existing is not null && SchemeRules.CreatesCycle(Nodes(all), existing.Id, parent.Id))
        {
            errors["parentCode"] = [t["Không thể đặt tiêu chí vào dưới chính nó hoặc dưới tiêu chí con của nó."]];
        }
        else if (parent is not null && scored.Contains(parent.Id) && parent.Id != existing?.ParentId)
        {
            errors["parentCode"] = [t["Tiêu chí '{0}' đã được các đơn vị chấm điểm nên không thể có tiêu chí con.", parent.Code]];
        }

        var hasChildren = existing is not null && all.Any(c => c.ParentId == existing.Id);
        if (hasChildren)
        {
            var sum = SchemeRules.Maxima(Nodes(all))[existing!.Id];
            if (body.MaxPoints is { } given && given != sum)
            {
                errors["maxPoints"] = [t["Điểm tối đa của tiêu chí có tiêu chí con luôn bằng tổng điểm tối đa các tiêu chí con ({0}); sửa điểm ở các tiêu chí con.", Points(sum)]];
            }
        }
        else if (body.MaxPoints is not { } max || max <= 0 || max > 1000 || decimal.Round(max, 2) != max)
        {
            errors["maxPoints"] = [t["Điểm tối đa là bắt buộc: một số lớn hơn 0, không quá 1000, tối đa 2 chữ số thập phân."]];
        }

        if (existing is not null && scored.Contains(existing.Id) && errors.Count == 0
            && (code != existing.Code || parent?.Id != existing.ParentId || (body.MaxPoints ?? existing.MaxPoints) != existing.MaxPoints
                || (body.EvidenceRequired ?? existing.EvidenceRequired) != existing.EvidenceRequired))
        {
            errors["code"] = [t["Tiêu chí '{0}' đã được các đơn vị chấm điểm: chỉ được sửa tên tiêu chí; mã, tiêu chí cha, điểm tối đa và yêu cầu minh chứng giữ nguyên.", existing.Code]];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = existing ?? new ScoringCriterion { SchemeId = schemeId, Code = "", Title = "", SortOrder = all.Count == 0 ? 1 : all.Max(x => x.SortOrder) + 1 };
        if (existing is not null && existing.ParentId != parent?.Id)
        {
            c.SortOrder = all.Max(x => x.SortOrder) + 1;
        }

        c.Code = code!;
        c.Title = title!;
        c.ParentId = parent?.Id;
        c.MaxPoints = hasChildren ? c.MaxPoints : body.MaxPoints!.Value;
        c.EvidenceRequired = body.EvidenceRequired ?? c.EvidenceRequired;
        if (existing is null)
        {
            db.ScoringCriteria.Add(c);
            all.Add(c);
        }

        await db.SaveChangesAsync(ct);
        Normalise(all);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (c, errors);
    }

    internal static async Task<string?> DeleteCriterionAsync(AppDbContext db, int schemeId, int criterionId, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var all = await db.ScoringCriteria.Where(c => c.SchemeId == schemeId).ToListAsync(ct);
        var c = all.Single(x => x.Id == criterionId);
        if (all.Any(x => x.ParentId == c.Id))
        {
            return t["Tiêu chí '{0}' còn tiêu chí con: xoá hoặc chuyển các tiêu chí con trước.", c.Code];
        }

        if ((await ScoredAsync(db, schemeId, ct)).Contains(c.Id))
        {
            return t["Tiêu chí '{0}' đã được các đơn vị chấm điểm nên không thể xoá.", c.Code];
        }

        db.ScoringCriteria.Remove(c);
        all.Remove(c);
        Normalise(all);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Swaps the criterion with its previous (up) or next (down) sibling; false when it is already first or last.</summary>
    internal static async Task<bool> MoveAsync(AppDbContext db, int schemeId, int criterionId, bool up, CancellationToken ct)
    {
        var all = await db.ScoringCriteria.Where(c => c.SchemeId == schemeId).ToListAsync(ct);
        var c = all.Single(x => x.Id == criterionId);
        var siblings = all.Where(x => x.ParentId == c.ParentId).OrderBy(x => x.SortOrder).ToList();
        var i = siblings.IndexOf(c);
        var j = up ? i - 1 : i + 1;
        if (j < 0 || j >= siblings.Count)
        {
            return false;
        }

        (c.SortOrder, siblings[j].SortOrder) = (siblings[j].SortOrder, c.SortOrder);
        Normalise(all);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static List<CriterionNode> Nodes(IEnumerable<ScoringCriterion> all) => [.. all.Select(c => new CriterionNode(c.Id, c.ParentId, c.Code, c.MaxPoints))];

    /// <summary>Parents take the sum of their children's maxima; the display order becomes the tree read depth-first.</summary>
    private static void Normalise(List<ScoringCriterion> all)
    {
        var maxima = SchemeRules.Maxima(Nodes(all));
        foreach (var c in all)
        {
            c.MaxPoints = maxima[c.Id];
        }

        var order = SchemeRules.DepthFirst([.. all.Select(c => new CriterionNode(c.Id, c.ParentId, c.Code, c.MaxPoints))], all.ToDictionary(c => c.Id, c => c.SortOrder));
        var byId = all.ToDictionary(c => c.Id);
        for (var i = 0; i < order.Count; i++)
        {
            byId[order[i]].SortOrder = i + 1;
        }
    }

    private static string Points(decimal p) => p.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(errors, title: t["Dữ liệu bộ tiêu chí không hợp lệ"]);

    private static async Task<Results<Ok<SchemeDto>, NotFound>> Get(int id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static async Task<Results<Created<SchemeDto>, ValidationProblem, ForbidHttpResult>> Create(
        SchemeRequest body, AppDbContext db, System.Security.Claims.ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        var (scheme, errors) = await CreateAsync(db, body, t, ct);
        return scheme is null ? Invalid(errors, t) : TypedResults.Created($"/api/v1/reform/evaluation/schemes/{scheme.Id}", (await LoadAsync(db, scheme.Id, ct))!);
    }

    private static async Task<Results<Ok<SchemeDto>, NotFound, ValidationProblem, ForbidHttpResult>> Rename(
        int id, SchemeRequest body, AppDbContext db, System.Security.Claims.ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (await db.ScoringSchemes.SingleOrDefaultAsync(s => s.Id == id, ct) is not { } scheme)
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > 300 || (body.Year is { } y && y != scheme.Year))
        {
            return Invalid(new() { ["name"] = [t["Tên bộ tiêu chí là bắt buộc, tối đa 300 ký tự; năm của bộ tiêu chí không đổi được."]] }, t);
        }

        scheme.Name = body.Name.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await LoadAsync(db, id, ct))!);
    }

    private static async Task<Results<Created<SchemeDto>, NotFound, ValidationProblem, ForbidHttpResult>> AddCriterion(
        int id, CriterionRequest body, AppDbContext db, System.Security.Claims.ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (!await db.ScoringSchemes.AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (c, errors) = await SaveCriterionAsync(db, id, null, body, t, ct);
        return c is null ? Invalid(errors, t) : TypedResults.Created($"/api/v1/reform/evaluation/schemes/{id}/criteria/{c.Id}", (await LoadAsync(db, id, ct))!);
    }

    private static async Task<Results<Ok<SchemeDto>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateCriterion(
        int id, int criterionId, CriterionRequest body, AppDbContext db, System.Security.Claims.ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (!await db.ScoringCriteria.AnyAsync(c => c.Id == criterionId && c.SchemeId == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (c, errors) = await SaveCriterionAsync(db, id, criterionId, body, t, ct);
        return c is null ? Invalid(errors, t) : TypedResults.Ok((await LoadAsync(db, id, ct))!);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult, ForbidHttpResult>> DeleteCriterion(
        int id, int criterionId, AppDbContext db, System.Security.Claims.ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (!await db.ScoringCriteria.AnyAsync(c => c.Id == criterionId && c.SchemeId == id, ct))
        {
            return TypedResults.NotFound();
        }

        return await DeleteCriterionAsync(db, id, criterionId, t, ct) is { } problem
            ? TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: t["Không thể xoá tiêu chí"])
            : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SchemeDto>, NotFound, ValidationProblem, ForbidHttpResult>> MoveCriterion(
        int id, int criterionId, MoveRequest body, AppDbContext db, System.Security.Claims.ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (!await db.ScoringCriteria.AnyAsync(c => c.Id == criterionId && c.SchemeId == id, ct))
        {
            return TypedResults.NotFound();
        }

        if (body.Direction is not ("up" or "down"))
        {
            return Invalid(new() { ["direction"] = [t["Hướng di chuyển là 'up' (lên) hoặc 'down' (xuống)."]] }, t);
        }

        await MoveAsync(db, id, criterionId, body.Direction == "up", ct);
        return TypedResults.Ok((await LoadAsync(db, id, ct))!);
    }
}
