using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>One yearly occurrence of a task with its entries, and the role of the caller's unit in the task.</summary>
public static class ReadOccurrence
{
    internal static async Task<OccurrenceDetailDto?> LoadAsync(AppDbContext db, int id, DateOnly today, CancellationToken ct)
    {
        var o = await db.PlanTaskOccurrences.AsNoTracking().Include(x => x.Entries).ThenInclude(e => e.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? null : new OccurrenceDetailDto(o.Id, o.TaskId, o.Year, o.DueDate, o.Continuous, o.StatusOn(today), o.Progress,
            [.. o.Entries.OrderBy(e => e.CreatedAt).Select(e => new EntryDto(e.Id, e.Unit!.Code, e.Unit.Name, e.Kind, e.Text, e.FileSha256, e.FileName, e.Author, e.CreatedAt))]);
    }

    /// <summary>The role of the caller's unit in the task: lead, partner, or none.</summary>
    internal static async Task<TaskUnitRole?> RoleOfAsync(AppDbContext db, ClaimsPrincipal user, int taskId, CancellationToken ct)
    {
        if (user.UnitId() is not { } unitId)
        {
            return null;
        }

        var roles = await db.Set<PlanTaskUnit>().Where(u => u.TaskId == taskId && u.UnitId == unitId).Select(u => u.Role).ToListAsync(ct);
        return roles.Contains(TaskUnitRole.Lead) ? TaskUnitRole.Lead : roles.Count > 0 ? TaskUnitRole.Partner : null;
    }
}
