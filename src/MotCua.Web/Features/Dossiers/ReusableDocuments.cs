using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Portal;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Whose stored documents an intake may reuse: the signed-in citizen's own, or (at the desk) the applicant's by ID number or tax code.</summary>
public sealed record ReuseOwner(string? UserId, string? IdNumber, string? TaxCode);

/// <summary>A stored document that may stand in for a component; <see cref="Id"/> is the id its source uses.</summary>
public sealed record ReusableDocument(long Id, string Source, string Name, string Kind, string FileId, string DossierCode, DateOnly Since);

/// <summary>
/// The citizen's personal data store, owned by the portal (which depends on this folder): the intake asks it whether a
/// named stored document belongs to the applicant. Null is the one answer for "no such document" and "someone else's".
/// </summary>
public interface IStoredDocumentSource
{
    Task<ReusableDocument?> FindAsync(long storedDocumentId, ReuseOwner owner, DateOnly today, CancellationToken ct);

    Task<ReusableDocument[]> ListAsync(ReuseOwner owner, DateOnly today, CancellationToken ct);
}

/// <summary>Components of the applicant's earlier dossiers that carry a file and were checked by a desk (issue 20 item 8).</summary>
public static class ReusableDocuments
{
    public const string FromDossier = "dossier";
    public const string FromStore = "store";

    /// <summary>How long an accepted component may be reused, as the personal store keeps it (<c>Portal:Store:ComponentValidityMonths</c>).</summary>
    public static int ValidityMonths(IConfiguration config) => config.GetValue("Portal:Store:ComponentValidityMonths", 60);

    public static ReuseOwner OwnerOf(ClaimsPrincipal user, Actor actor, ApplicantInput? applicant) =>
        actor.Role == ActorRole.Applicant
            ? new ReuseOwner(actor.Id, null, null)
            : new ReuseOwner(null, Blank(applicant?.IdNumber), Blank(applicant?.TaxCode));

    // A class with setters, not a positional record: EF translates member initialisation, not constructor calls, under Where.
    private sealed class Row
    {
        // The whole component: its name may come from the procedure version's list (ComponentNames), not from a column.
        public DossierDocument Doc { get; init; } = null!;
        public string Code { get; init; } = "";
        public DateOnly ReceivedOn { get; init; }
    }

    /// <summary>Earlier components of this owner that carry a file: a citizen's own dossiers, or at the desk the same ID number / tax code.</summary>
    private static IQueryable<Row> Rows(AppDbContext db, ReuseOwner owner, DateOnly today, int validityMonths)
    {
        var since = today.AddMonths(-validityMonths);
        var dossiers = db.Dossiers.AsNoTracking().Where(d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= since);
        dossiers = owner switch
        {
            { UserId: { } userId } => dossiers.Where(d => d.ApplicantUserId == userId),
            { IdNumber: { } id } => dossiers.Where(d => d.Applicant.IdNumber == id),
            { TaxCode: { } tax } => dossiers.Where(d => d.Applicant.TaxCode == tax),
            _ => dossiers.Where(d => false),
        };
        return dossiers.SelectMany(d => d.DocumentRows.Where(x => x.FileId != null), (d, x) => new Row { Doc = x, Code = d.Code, ReceivedOn = d.ReceivedOn });
    }

    private static ReusableDocument ToReusable(Row x) => new(x.Doc.Id, FromDossier, x.Doc.Name, DocumentKinds.Of(x.Doc.Name), x.Doc.FileId!, x.Code, x.ReceivedOn);

    public static async Task<ReusableDocument?> FindAsync(AppDbContext db, long documentId, ReuseOwner owner, DateOnly today, int validityMonths, CancellationToken ct)
    {
        var found = await Rows(db, owner, today, validityMonths).Where(x => x.Doc.Id == documentId).FirstOrDefaultAsync(ct);
        return found is null ? null : ToReusable(found);
    }

    /// <summary>What the desk may offer for reuse: earlier components and the applicant's personal store, each with its kind.</summary>
    public static async Task<ReusableDocument[]> ListAsync(
        AppDbContext db, IEnumerable<IStoredDocumentSource> stores, ReuseOwner owner, DateOnly today, int validityMonths, CancellationToken ct)
    {
        if (owner is { UserId: null, IdNumber: null, TaxCode: null })
        {
            return [];
        }

        var earlier = await Rows(db, owner, today, validityMonths).OrderByDescending(x => x.Doc.Id).Take(200).ToListAsync(ct);
        var list = earlier.Select(ToReusable).ToList();
        foreach (var store in stores)
        {
            list.AddRange(await store.ListAsync(owner, today, ct));
        }

        return [.. list];
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
