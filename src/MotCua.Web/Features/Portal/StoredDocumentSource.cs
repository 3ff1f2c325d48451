using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

/// <summary>
/// The personal store as the intake sees it (issue 20 item 8): a citizen's own still-valid documents; at the desk, those of
/// the account whose ID number or tax code is the applicant's. Someone else's document is answered like a missing one.
/// </summary>
public sealed class StoredDocumentSource(AppDbContext db) : IStoredDocumentSource
{
    public async Task<ReusableDocument?> FindAsync(long storedDocumentId, ReuseOwner owner, DateOnly today, CancellationToken ct)
    {
        var row = await Owned(owner).Where(s => s.Id == storedDocumentId).AsNoTracking().SingleOrDefaultAsync(ct);
        return row is { FileId: not null } && row.IsValidOn(today) ? ToReusable(row) : null;
    }

    public async Task<ReusableDocument[]> ListAsync(ReuseOwner owner, DateOnly today, CancellationToken ct)
    {
        var rows = await Owned(owner).Where(s => s.FileId != null).AsNoTracking().OrderByDescending(s => s.Id).Take(200).ToListAsync(ct);
        return [.. rows.Where(s => s.IsValidOn(today)).Select(ToReusable)];
    }

    private IQueryable<StoredDocument> Owned(ReuseOwner owner) => owner switch
    {
        { UserId: { } userId } => db.StoredDocuments.Where(s => s.UserId == userId),
        { IdNumber: { } id } => db.StoredDocuments.Where(s => db.Users.Any(u => u.Id == s.UserId && u.IdNumber == id)),
        { TaxCode: { } tax } => db.StoredDocuments.Where(s => db.Users.Any(u => u.Id == s.UserId && u.TaxCode == tax)),
        _ => db.StoredDocuments.Where(s => false),
    };

    private static ReusableDocument ToReusable(StoredDocument s) =>
        new(s.Id, ReusableDocuments.FromStore, s.Name, s.Kind, s.FileId!, s.DossierCode, s.ValidFrom);
}
