using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

public sealed record CatalogueItem(
    int Id, string Code, string Name, string Field, string[] Levels, int? ProcessingDays, int? ProcessingHours,
    OnlineMode OnlineMode, bool Incomplete, SearchEntry Entry)
{
    public string[] FoldedLevels { get; } = [.. Levels.Select(TextFolding.Fold)];
}

public sealed record SearchQuery(string? Q, string? Field, string? Level, IReadOnlySet<string>? Codes, int Page, int PageSize = 20);

public sealed record SearchPage(int Total, int Page, int PageSize, IReadOnlyList<(CatalogueItem Item, int Rank)> Items);

/// <summary>
/// The current versions, folded once and ranked in memory. Each change adds a version row, so the highest id and the
/// number of current rows identify a catalogue version; the snapshot is rebuilt only when they move.
/// </summary>
public sealed class ProcedureCatalogue
{
    private sealed record Snapshot(int MaxId, int CurrentCount, CatalogueItem[] Items, string[] Fields, string[] Levels);

    private volatile Snapshot? _snapshot;

    public async Task<(CatalogueItem[] Items, string[] Fields, string[] Levels)> CurrentAsync(AppDbContext db, CancellationToken ct)
    {
        var maxId = await db.Procedures.MaxAsync(p => (int?)p.Id, ct) ?? 0;
        var count = await db.Procedures.CountAsync(p => p.ValidTo == null, ct);
        var snap = _snapshot;
        if (snap is null || snap.MaxId != maxId || snap.CurrentCount != count)
        {
            // Two requests may both reload after a change: harmless, the last one wins.
            snap = _snapshot = await LoadAsync(db, ct);
        }

        return (snap.Items, snap.Fields, snap.Levels);
    }

    private static async Task<Snapshot> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var maxId = await db.Procedures.MaxAsync(p => (int?)p.Id, ct) ?? 0;
        var rows = await db.Procedures.AsNoTracking().Where(p => p.ValidTo == null).ToListAsync(ct);
        var items = rows.Select(ToItem).OrderBy(i => i.Code, StringComparer.Ordinal).ToArray();
        var fields = items.Select(i => i.Field).Where(f => f.Length > 0).Distinct().Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToArray();
        var levels = items.SelectMany(i => i.Levels).Distinct().Order(StringComparer.Ordinal).ToArray();
        return new Snapshot(maxId, rows.Count, items, fields, levels);
    }

    public static CatalogueItem ToItem(Procedure p) =>
        new(p.Id, p.Code, p.Name, p.Field, p.LevelList, p.ProcessingDays, p.ProcessingHours, p.OnlineMode, p.Incomplete,
            SearchEntry.Create(p.Code, p.Name, p.Field));

    /// <summary>Filters by field, level and accepted codes, then ranks by <see cref="ProcedureSearch"/>.</summary>
    public static SearchPage Search(IEnumerable<CatalogueItem> items, SearchQuery query)
    {
        var foldedField = TextFolding.Fold(query.Field);
        var foldedLevel = TextFolding.Fold(query.Level);
        var byEntry = new Dictionary<SearchEntry, CatalogueItem>(ReferenceEqualityComparer.Instance);
        foreach (var i in items)
        {
            if ((foldedField.Length == 0 || i.Entry.FoldedField == foldedField) &&
                (foldedLevel.Length == 0 || i.FoldedLevels.Contains(foldedLevel)) &&
                (query.Codes is null || query.Codes.Contains(i.Code)))
            {
                byEntry[i.Entry] = i;
            }
        }

        var hits = ProcedureSearch.Search(byEntry.Keys, query.Q);
        var page = Math.Max(1, query.Page);
        return new SearchPage(hits.Count, page, query.PageSize,
            [.. hits.Skip((page - 1) * query.PageSize).Take(query.PageSize).Select(h => (byEntry[h.Entry], h.Rank))]);
    }
}
