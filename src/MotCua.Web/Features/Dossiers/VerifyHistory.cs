using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Operations;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Recomputes every dossier's hash chain: a row edited, deleted or reordered after the fact shows up here.</summary>
public static class VerifyHistory
{
    public sealed record Broken(string Code, long Sequence);

    public sealed record Report(int Checked, Broken[] Broken);

    public static async Task<Report> RunAsync(AppDbContext db, string? code, CancellationToken ct)
    {
        var broken = new List<Broken>();
        var checkedCount = 0;
        long lastId = 0;
        while (true)
        {
            var batch = await db.Dossiers.AsNoTracking()
                .Where(d => d.Id > lastId && (code == null || d.Code == code))
                .OrderBy(d => d.Id).Take(500)
                .Select(d => new { d.Id, d.Code, d.LastHash, d.EventCount })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(b => b.Id).ToList();
            var events = (await db.DossierEvents.AsNoTracking().Where(e => ids.Contains(e.DossierId)).ToListAsync(ct))
                .ToLookup(e => e.DossierId);
            foreach (var d in batch)
            {
                var chain = events[d.Id].OrderBy(e => e.Sequence).Select(e => new ChainedEvent(e.Content(), e.PreviousHash, e.Hash)).ToList();
                var at = HistoryChain.Verify(chain, d.LastHash) ?? (chain.Count != d.EventCount ? chain.Count + 1 : null);
                if (at is { } seq)
                {
                    broken.Add(new Broken(d.Code, seq));
                }
            }

            checkedCount += batch.Count;
            lastId = batch[^1].Id;
        }

        return new Report(checkedCount, [.. broken]);
    }
}

/// <summary>After a restore, every dossier's history chain must still verify.</summary>
public sealed class HistoryRestoreCheck(AppDbContext db) : IRestoreCheck
{
    public async Task<RestoreCheckResult> RunAsync(CancellationToken ct)
    {
        var report = await VerifyHistory.RunAsync(db, null, ct);
        var broken = string.Concat(report.Broken.Select(b => $"{Environment.NewLine}BROKEN {b.Code} at event {b.Sequence}"));
        return new(report.Broken.Length == 0, $"History verified: {report.Checked} dossier(s), {report.Broken.Length} broken.{broken}");
    }
}
