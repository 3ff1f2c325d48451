namespace MotCua.Domain.Organisation;

/// <summary>A unit of the dated tree as the lineage sees it: its materialised path and the unit that took over when it ended.</summary>
public readonly record struct LineageUnit(int Id, string Code, string Path, int? SuccessorId);

/// <summary>
/// The history a successor inherits: its own subtree plus every unit that ended into it or into one of its units, and
/// their subtrees, transitively. The answer is a set of disjoint path prefixes, so summing figures over them counts each
/// dossier exactly once.
/// </summary>
public static class Lineage
{
    public static IReadOnlyList<string> HistoryPaths(string unitPath, IReadOnlyCollection<LineageUnit> units) =>
        Covering(unitPath, units).Paths;

    /// <summary>The predecessor units outside the unit's own subtree, by their topmost members (e.g. the three old communes of a merged one).</summary>
    public static IReadOnlyList<LineageUnit> Predecessors(string unitPath, IReadOnlyCollection<LineageUnit> units) =>
        Covering(unitPath, units).Roots;

    private static (List<string> Paths, List<LineageUnit> Roots) Covering(string unitPath, IReadOnlyCollection<LineageUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var included = units.Where(u => u.Path.StartsWith(unitPath, StringComparison.Ordinal)).ToDictionary(u => u.Id);
        List<LineageUnit> roots = [];
        bool grew;
        do
        {
            grew = false;
            foreach (var p in units.Where(u => !included.ContainsKey(u.Id) && u.SuccessorId is { } s && included.ContainsKey(s)).ToList())
            {
                roots.Add(p);
                foreach (var d in units.Where(u => u.Path.StartsWith(p.Path, StringComparison.Ordinal)))
                {
                    grew |= included.TryAdd(d.Id, d);
                }
            }
        }
        while (grew);

        var paths = new List<string> { unitPath };
        paths.AddRange(roots.Select(r => r.Path));
        var disjoint = paths.Distinct(StringComparer.Ordinal)
            .Where(p => !paths.Any(q => q != p && p.StartsWith(q, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        return (disjoint, [.. roots.Where(r => disjoint.Contains(r.Path)).OrderBy(r => r.Path, StringComparer.Ordinal)]);
    }
}
