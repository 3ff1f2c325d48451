using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Adds (<c>criterionId</c> null) or changes a criterion of a scheme, then recomputes parents' maxima and the display order (ADR 0015).</summary>
public sealed class SaveCriterion(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Saved(ScoringCriterion Criterion) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int schemeId, int? criterionId, CriterionRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        var exists = criterionId is { } id
            ? await db.ScoringCriteria.AnyAsync(c => c.Id == id && c.SchemeId == schemeId, ct)
            : await db.ScoringSchemes.AnyAsync(s => s.Id == schemeId, ct);
        if (!exists)
        {
            return new NotFound();
        }

        var all = await db.ScoringCriteria.Where(c => c.SchemeId == schemeId).ToListAsync(ct);
        var existing = criterionId is { } cid ? all.SingleOrDefault(c => c.Id == cid) : null;
        if (criterionId is not null && existing is null)
        {
            return new Invalid(new() { ["criterion"] = [t["Không tìm thấy tiêu chí."]] });
        }

        var scored = await ReadSchemes.ScoredAsync(db, schemeId, ct);
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
            return new Invalid(errors);
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
        return new Saved(c);
    }

    internal static List<CriterionNode> Nodes(IEnumerable<ScoringCriterion> all) => [.. all.Select(c => new CriterionNode(c.Id, c.ParentId, c.Code, c.MaxPoints))];

    /// <summary>Parents take the sum of their children's maxima; the display order becomes the tree read depth-first.</summary>
    internal static void Normalise(List<ScoringCriterion> all)
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
}
