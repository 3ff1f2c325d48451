using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Organisation;

/// <summary>Reads the successor links of the dated tree (a unit that ended names the unit that took over, <see cref="OrgUnit.SuccessorId"/>).</summary>
public static class UnitLineage
{
    /// <summary>The disjoint subtrees whose history a unit inherits: its own and its predecessors' (<see cref="Lineage"/>).</summary>
    public static async Task<(IReadOnlyList<string> Paths, IReadOnlyList<LineageUnit> Predecessors)> HistoryAsync(AppDbContext db, string unitPath, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new LineageUnit(u.Id, u.Code, u.Path, u.SuccessorId)).ToListAsync(ct);
        return (Lineage.HistoryPaths(unitPath, units), Lineage.Predecessors(unitPath, units));
    }
}
