using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Operations;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Recomputes every dossier's hash chain: a row edited, deleted or reordered after the fact shows up here. The chains are then
/// held against the latest signed anchor outside the database, so that a chain rewritten whole (and rehashed) shows up too.
/// </summary>
public static class VerifyHistory
{
    /// <summary>What is wrong with one dossier's history.</summary>
    public enum Problem
    {
        /// <summary>The event's stored columns or links do not match its hash (edited, moved, reordered, deleted).</summary>
        Content,

        /// <summary>Events after this one are missing: the chain is shorter than the dossier's head says.</summary>
        Tail,

        /// <summary>The chain verifies but is not the one anchored: this event's hash differs from the anchored head (rewritten and rehashed).</summary>
        Anchor,

        /// <summary>The chain verifies but ends before the anchored head: anchored events are gone (an older backup restored, or a tail cut with its head).</summary>
        BehindAnchor,

        /// <summary>An anchored dossier is no longer in the database.</summary>
        MissingDossier,
    }

    public sealed record Broken(string Code, long Sequence, Problem Problem, string? Action);

    public sealed record AnchorSummary(string File, int Checkpoints, int AnchoredDossiers, DateTime? LatestUtc, string? Problem);

    /// <summary><paramref name="V1Events"/>: events that verify only under the older form, which leaves out units, names and reasons.</summary>
    public sealed record Report(int Checked, Broken[] Broken, int V1Events, AnchorSummary Anchors)
    {
        public bool Intact => Broken.Length == 0 && Anchors.Problem is null;
    }

    /// <summary>The chains alone, without the anchor file (tools and tests about the chain itself).</summary>
    public static Task<Report> RunAsync(AppDbContext db, string? code, CancellationToken ct) => RunAsync(db, null, code, ct);

    public static async Task<Report> RunAsync(AppDbContext db, HistoryAnchors? anchors, string? code, CancellationToken ct)
    {
        var anchored = anchors is null ? AnchorSnapshot.None("") : await anchors.ReadAsync(code, ct);
        var broken = new List<Broken>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var checkedCount = 0;
        var v1 = 0;
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
                seen.Add(d.Code);
                var rows = events[d.Id].OrderBy(e => e.Sequence).ToList();
                var check = HistoryChain.Check(rows.Select(e => new ChainedEvent(e.Content(), e.PreviousHash, e.Hash)), d.LastHash);
                v1 += check.V1Events;
                if (check.BrokenAt is { } seq)
                {
                    broken.Add(new(d.Code, seq, seq > rows.Count ? Problem.Tail : Problem.Content, At(rows, seq)?.Action));
                }
                else if (rows.Count != d.EventCount)
                {
                    broken.Add(new(d.Code, rows.Count + 1, Problem.Tail, null));
                }
                else if (anchored.Heads.TryGetValue(d.Code, out var head))
                {
                    if (head.Sequence > rows.Count)
                    {
                        broken.Add(new(d.Code, rows.Count + 1, Problem.BehindAnchor, null));
                    }
                    else if (At(rows, head.Sequence) is { } e && !string.Equals(e.Hash, head.Hash, StringComparison.Ordinal))
                    {
                        broken.Add(new(d.Code, head.Sequence, Problem.Anchor, e.Action));
                    }
                }
            }

            checkedCount += batch.Count;
            lastId = batch[^1].Id;
        }

        broken.AddRange(anchored.Heads.Values.Where(h => !seen.Contains(h.Code)).OrderBy(h => h.Code, StringComparer.Ordinal)
            .Select(h => new Broken(h.Code, h.Sequence, Problem.MissingDossier, null)));
        return new Report(checkedCount, [.. broken], v1,
            new AnchorSummary(anchored.File, anchored.Checkpoints, anchored.Heads.Count, anchored.LatestUtc, anchored.Problem));
    }

    private static DossierEvent? At(List<DossierEvent> rows, long sequence) =>
        sequence >= 1 && sequence <= rows.Count && rows[(int)sequence - 1].Sequence == sequence ? rows[(int)sequence - 1] : null;

    /// <summary>The one-line description the command prints and the page shows (English; the page localises its own).</summary>
    public static string Describe(Broken b) => b.Problem switch
    {
        Problem.Content => $"BROKEN {b.Code} at event {b.Sequence} ({b.Action}): stored columns do not match the hash chain",
        Problem.Tail => $"BROKEN {b.Code} at event {b.Sequence}: events missing from here on",
        Problem.Anchor => $"BROKEN {b.Code} at event {b.Sequence} ({b.Action}): differs from the signed anchor (chain rewritten)",
        Problem.BehindAnchor => $"BROKEN {b.Code} at event {b.Sequence}: anchored events from here on are missing (older backup restored, or tail cut)",
        _ => $"BROKEN {b.Code} at event {b.Sequence}: anchored dossier missing from the database",
    };
}

/// <summary>After a restore, every dossier's history chain must still verify.</summary>
public sealed class HistoryRestoreCheck(AppDbContext db, HistoryAnchors anchors) : IRestoreCheck
{
    public async Task<RestoreCheckResult> RunAsync(CancellationToken ct)
    {
        var report = await VerifyHistory.RunAsync(db, anchors, null, ct);
        var broken = string.Concat(report.Broken.Select(b => Environment.NewLine + VerifyHistory.Describe(b)))
            + (report.Anchors.Problem is { } p ? $"{Environment.NewLine}ANCHORS {report.Anchors.File}: {p}" : "");
        return new(report.Intact, $"History verified: {report.Checked} dossier(s), {report.Broken.Length} broken.{broken}");
    }
}
