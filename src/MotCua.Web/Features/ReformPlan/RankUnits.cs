using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>The ranking of a scheme's year and its spreadsheet.</summary>
public static class RankUnits
{
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

    /// <summary>The ranking as an .xlsx workbook; null when the scheme does not exist.</summary>
    internal static async Task<byte[]?> XlsxAsync(AppDbContext db, ClaimsPrincipal user, int schemeId, CancellationToken ct)
    {
        if (await ResultsAsync(db, user, schemeId, ct) is not { } results)
        {
            return null;
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
        return ms.ToArray();
    }
}
