using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>
/// The national sync's side of every dossier save: any change to a dossier (workflow, correction, payment, result, due-date
/// recomputation …) marks it as waiting for the portal, in the same SaveChanges, so the sync is queued if and only if the
/// change commits (the transactional outbox, ADR 0008). The sync's own confirmation (false → true) is left alone.
/// Registered before the aggregates hook, which then counts the flag as the dossier's indicator fact (ADR 0009).
/// The intake committer's new dossiers are written as waiting already (<c>NationalSynced = false</c>).
/// </summary>
public sealed class NationalSyncMarker : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Mark(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var e in context.ChangeTracker.Entries<Dossier>())
        {
            if (e.State != EntityState.Modified)
            {
                continue;
            }

            var flag = e.Property(d => d.NationalSynced);
            if (flag.OriginalValue != true && flag.CurrentValue == true)
            {
                // The sync confirming the version it sent.
                continue;
            }

            e.Entity.NationalSynced = false;
        }
    }
}
