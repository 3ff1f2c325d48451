using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Indicators;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Feedback;

/// <summary>The complaints and suggestions of a subtree and period for the national index (QĐ 766, criteria 5.2 and 5.3).</summary>
public sealed class FeedbackForIndex(AppDbContext db) : IIndexFeedback
{
    public async Task<IReadOnlyList<UnitFeedback>> ReceivedAsync(string unitPath, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // The (UnitPath, Status) index serves the subtree prefix; a period's complaints are few next to its dossiers.
        var rows = await db.FeedbackItems.AsNoTracking()
            .Where(f => f.UnitPath.StartsWith(unitPath) && f.ReceivedOn >= from && f.ReceivedOn <= to)
            .Select(f => new { f.UnitPath, f.ReceivedOn, f.ClosedOn, f.Late, f.ResolveBy, f.InfoRequestedOn })
            .ToListAsync(ct);
        return [.. rows.Select(f => new UnitFeedback(f.UnitPath, new FeedbackFacts(f.ReceivedOn, f.ClosedOn, f.Late, f.ResolveBy, f.InfoRequestedOn)))];
    }
}
