using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>The yearly scoring schemes with their criteria tree, newest year first, and which criteria have been scored.</summary>
public static class ReadSchemes
{
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

    internal static async Task<SchemeDto?> LoadAsync(AppDbContext db, int id, CancellationToken ct) =>
        (await SchemesAsync(db, ct)).SingleOrDefault(s => s.Id == id);

    /// <summary>Criteria of the scheme that some unit has self-assessed or that has been appraised: only their title may change.</summary>
    internal static async Task<HashSet<int>> ScoredAsync(AppDbContext db, int schemeId, CancellationToken ct) =>
        [.. await db.Assessments.Where(a => db.ScoringCriteria.Any(c => c.Id == a.CriterionId && c.SchemeId == schemeId)).Select(a => a.CriterionId).Distinct().ToListAsync(ct)];

    private static int Depth(ScoringCriterion c, Dictionary<int, ScoringCriterion> byId)
    {
        var depth = 0;
        for (var p = c.ParentId; p is { } at && depth < byId.Count; p = byId[at].ParentId)
        {
            depth++;
        }

        return depth;
    }
}
