using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>
/// The one hook that keeps the indicator aggregates exact: whenever dossier rows are saved, it subtracts each dossier's old
/// contribution and adds its new one in the same transaction, whichever feature changed the dossier. One of the three writers
/// of the rows (with the intake committer and the bulk import), all through <see cref="AggregateContribution.Add"/>.
/// </summary>
public sealed class AggregatesInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = [];
    private readonly ConditionalWeakTable<DbContext, DbContext> _referenceChanged = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SavingAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SavingAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndAsync(eventData.Context, commit: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context, commit: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None);

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None);

    private async Task SavingAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        if (db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is OrgUnit or Procedure or UnitProcedure or IIndicatorReference))
        {
            IndicatorReferenceCache.Invalidate();
            _referenceChanged.AddOrUpdate(db, db);
        }

        var entries = db.ChangeTracker.Entries<Dossier>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var workFiles = db.ChangeTracker.Entries<Documents.WorkFile>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (entries.Count == 0 && workFiles.Count == 0)
        {
            return;
        }

        var delta = new AggregateContribution();
        foreach (var e in workFiles)
        {
            if (e.State is EntityState.Modified or EntityState.Deleted)
            {
                delta.AddWorkFile((Documents.WorkFile)e.OriginalValues.ToObject(), -1);
            }

            if (e.State is EntityState.Added or EntityState.Modified)
            {
                delta.AddWorkFile(e.Entity, +1);
            }
        }

        foreach (var e in entries)
        {
            await EnsurePausesAsync(e, ct);
            if (e.State is EntityState.Modified or EntityState.Deleted)
            {
                // The row as it was loaded (before this SaveChanges), detached: the same contribution function reads it.
                delta.Add((Dossier)e.OriginalValues.ToObject(), OriginalPausedSince(db, e), -1);
            }

            if (e.State is EntityState.Added or EntityState.Modified)
            {
                delta.Add(e.Entity, AggregateContribution.OpenPauseSince(e.Entity), +1);
            }
        }

        if (delta.IsEmpty)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            _owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(ct));
        }

        await delta.ApplyAsync(db, ct);
    }

    private async Task EndAsync(DbContext? context, bool commit, CancellationToken ct)
    {
        if (context is not null && _referenceChanged.Remove(context))
        {
            // Again after the write: a report that reloaded during the save must not keep the old values.
            IndicatorReferenceCache.Invalidate();
        }

        if (context is null || !_owned.TryGetValue(context, out var tx))
        {
            return;
        }

        _owned.Remove(context);
        if (commit)
        {
            await tx.CommitAsync(ct);
        }
        else
        {
            await tx.RollbackAsync(ct);
        }

        await tx.DisposeAsync();
    }

    private static async Task EnsurePausesAsync(EntityEntry<Dossier> e, CancellationToken ct)
    {
        var paused = e.Entity.PausedFrom is not null || (e.State != EntityState.Added && e.Property(d => d.PausedFrom).OriginalValue is not null);
        var pauses = e.Collection(d => d.Pauses);
        if (paused && e.State != EntityState.Added && !pauses.IsLoaded)
        {
            await pauses.LoadAsync(ct);
        }
    }

    private static DateOnly? OriginalPausedSince(AppDbContext db, EntityEntry<Dossier> e) =>
        e.Property(d => d.PausedFrom).OriginalValue is null
            ? null
            : e.Entity.Pauses
                .Select(db.Entry)
                .Where(p => p.State != EntityState.Added && p.Property(x => x.To).OriginalValue is null)
                .Select(p => (DateOnly?)p.Entity.From)
                .Min();
}
