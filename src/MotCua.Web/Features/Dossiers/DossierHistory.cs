using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Who did something: an account, or the system itself (jobs, gateways).</summary>
public sealed record Actor(string Id, string Name, ActorRole Role)
{
    public static readonly Actor System = new("system", "Hệ thống", ActorRole.System);

    public static Actor? From(ClaimsPrincipal user)
    {
        var role = user.FindAll(ClaimTypes.Role).Select(r => ActorRoles.FromAccountRole(r.Value)).FirstOrDefault(r => r is not null);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return role is null || id is null ? null : new Actor(id, user.FindFirstValue(AppClaims.FullName) ?? user.Identity?.Name ?? id, role.Value);
    }
}

/// <summary>Appends hash-chained events to a dossier's history; the dossier row keeps the head of the chain.</summary>
public static class DossierHistory
{
    public sealed record Change(
        string Action, DossierStatus? Before, string? Note = null, IReadOnlyList<string>? Attachments = null,
        DateOnly? DueBefore = null, string? UnitCode = null, string? ToUnitCode = null, string? ReasonCode = null, string? Medium = null);

    public static DossierEvent Append(AppDbContext db, Dossier dossier, Actor actor, DateTime nowUtc, Change change)
    {
        var e = Next(dossier, actor, nowUtc, change);
        db.Add(e);
        return e;
    }

    /// <summary>The next event of the chain, not yet tracked (the bulk import writes it without EF).</summary>
    public static DossierEvent Next(Dossier dossier, Actor actor, DateTime nowUtc, Change change)
    {
        // PostgreSQL keeps microseconds: hash what the database will give back.
        var at = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % 10), DateTimeKind.Utc);
        var e = new DossierEvent
        {
            Dossier = dossier,
            DossierCode = dossier.Code,
            Sequence = dossier.EventCount + 1,
            AtUtc = at,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = change.Action,
            StateBefore = change.Before,
            StateAfter = dossier.Status,
            Note = change.Note,
            Attachments = change.Attachments is { Count: > 0 } a ? string.Join('\n', a) : null,
            DueDateBefore = change.DueBefore,
            DueDateAfter = dossier.AppointmentDate,
            UnitCode = change.UnitCode,
            ToUnitCode = change.ToUnitCode,
            ReasonCode = change.ReasonCode,
            Medium = change.Medium,
            PreviousHash = dossier.LastHash,
            Hash = "",
        };
        e.Hash = HistoryChain.ComputeHash(e.PreviousHash, e.Content());
        dossier.LastHash = e.Hash;
        dossier.EventCount = (int)e.Sequence;
        dossier.UpdatedAtUtc = at;
        return e;
    }
}

/// <summary>History rows are append-only: the context refuses to update or delete them (the database triggers do too).</summary>
public sealed class AppendOnlyHistory : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context?.ChangeTracker.Entries<DossierEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted) == true)
        {
            throw new InvalidOperationException("Dossier history is append-only.");
        }
    }
}
