using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Webhooks;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Webhook messages for dossier events (issue 26.3), written in the same transaction as the events (the transactional
/// outbox, ADR 0008): the save hook covers every change saved through EF; the intake committer's rows, which bypass
/// EF, get theirs from <see cref="For"/> in <see cref="ReceiveDossier"/>.
/// </summary>
public sealed class DossierWebhooks(WebhookSubscriptions subscriptions) : SaveChangesInterceptor
{
    public static IEnumerable<OutboxMessage> For(WebhookSubscriptions subscriptions, Dossier d, IEnumerable<DossierEvent> events) =>
        subscriptions.Current.Count == 0 ? [] : events.SelectMany(e => subscriptions.MessagesFor(
            d.Code, d.ProcedureCode, d.ReceivingUnitPath, d.CurrentUnitPath, e.Sequence, e.Action, e.StateBefore?.ToString(), e.StateAfter.ToString(), d.AppointmentDate, e.AtUtc));

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Add(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Add(DbContext? context)
    {
        if (context is not AppDbContext db || subscriptions.Current.Count == 0)
        {
            return;
        }

        var added = db.ChangeTracker.Entries<DossierEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var group in added.GroupBy(e => e.DossierId == 0 ? e.Dossier : db.Dossiers.Local.FirstOrDefault(d => d.Id == e.DossierId) ?? e.Dossier))
        {
            if (group.Key is { } dossier)
            {
                db.OutboxMessages.AddRange(For(subscriptions, dossier, group));
            }
        }
    }
}
