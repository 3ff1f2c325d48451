using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>Another source of aggregate rows than the dossiers (held meetings, issue 24); the rebuild asks each for its contribution.</summary>
public interface IAggregateSource
{
    Task AddAllAsync(AppDbContext db, AggregateContribution delta, CancellationToken ct);
}

/// <summary>Recomputes every aggregate row from the dossiers themselves (the reference the incremental rows must equal).</summary>
public static class RebuildAggregates
{
    private const int Page = 5000;

    public static async Task<long> RunAsync(AppDbContext db, CancellationToken ct, IEnumerable<IAggregateSource>? sources = null)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Set<IndicatorAggregate>().ExecuteDeleteAsync(ct);
            var delta = new AggregateContribution();
            long lastId = 0, count = 0;
            while (true)
            {
                var page = await db.Dossiers.AsNoTracking().Where(d => d.Id > lastId).OrderBy(d => d.Id).Take(Page).ToListAsync(ct);
                if (page.Count == 0)
                {
                    break;
                }

                var pausedIds = page.Where(d => d.PausedFrom is not null).Select(d => d.Id).ToList();
                var openPauses = pausedIds.Count == 0 ? [] : await db.Set<DossierPause>().AsNoTracking()
                    .Where(p => pausedIds.Contains(p.DossierId) && p.To == null)
                    .GroupBy(p => p.DossierId).Select(g => new { g.Key, From = g.Min(p => p.From) })
                    .ToDictionaryAsync(x => x.Key, x => (DateOnly?)x.From, ct);
                foreach (var d in page)
                {
                    delta.Add(d, openPauses.GetValueOrDefault(d.Id), +1);
                }

                count += page.Count;
                lastId = page[^1].Id;
                if (delta.Count > 50_000)
                {
                    await delta.ApplyAsync(db, ct);
                    delta.Clear();
                }
            }

            // Work files (issue 23.6): few per unit, read in one pass.
            await foreach (var w in db.WorkFiles.AsNoTracking().Where(w => w.ClosedOn != null).AsAsyncEnumerable().WithCancellation(ct))
            {
                delta.AddWorkFile(w, +1);
            }

            foreach (var source in sources ?? [])
            {
                await source.AddAllAsync(db, delta, ct);
            }

            await delta.ApplyAsync(db, ct);
            await tx.CommitAsync(ct);
            return count;
        });
    }
}
