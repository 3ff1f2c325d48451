using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Portal;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

public sealed record StoredDocumentDto(long Id, string Kind, string KindLabel, string Name, string? FileId, string Source, string DossierCode, DateOnly ValidFrom, DateOnly? ValidUntil, bool Valid);

/// <summary>An entry of a procedure's document list, with the stored documents of the same kind that may stand in for an upload.</summary>
public sealed record FormDocument(int Index, string Name, string Kind, bool Mandatory, StoredDocumentDto[] Offers);

/// <summary>Fills <see cref="PersonalStore"/> from the workflow: the dossiers feature calls it before saving each action.</summary>
public sealed class PersonalStoreOnAction : IDossierActionHandler
{
    public Task OnActionAsync(AppDbContext db, Dossier dossier, string action, DateTime nowUtc, CancellationToken ct) =>
        PersonalStore.RecordAsync(db, dossier, action, nowUtc, ct);
}

/// <summary>The citizen's personal data store (kho dữ liệu, NĐ 45/2020): filled by the workflow, offered at submission.</summary>
public static class PersonalStore
{
    /// <summary>How long an accepted component may be reused (<c>Portal:Store:ComponentValidityMonths</c>); results do not expire.</summary>
    public static int ComponentValidityMonths { get; set; } = 60;

    /// <summary>
    /// Called by the workflow before it saves an action: components enter the store when the desk accepts the dossier
    /// (an officer has checked them), an electronic result when it is recorded. Same transaction as the action.
    /// </summary>
    public static async Task RecordAsync(AppDbContext db, Dossier dossier, string action, DateTime nowUtc, CancellationToken ct)
    {
        if (dossier.ApplicantUserId is not { } userId)
        {
            return;
        }

        var today = VietnamTime.LocalDate(nowUtc);
        if (action == "accept")
        {
            var components = await db.Set<DossierDocument>().AsNoTracking()
                .Where(x => x.DossierId == dossier.Id && x.FileId != null && !x.Reused).ToListAsync(ct);
            var known = await db.StoredDocuments.Where(s => s.UserId == userId).Select(s => s.FileId).ToListAsync(ct);
            foreach (var c in components.Where(c => !known.Contains(c.FileId)))
            {
                db.StoredDocuments.Add(new StoredDocument
                {
                    UserId = userId,
                    Kind = DocumentKinds.Of(c.Name),
                    Name = c.Name,
                    FileId = c.FileId,
                    Source = "component",
                    DossierCode = dossier.Code,
                    ValidFrom = today,
                    ValidUntil = today.AddMonths(ComponentValidityMonths),
                    AddedAtUtc = nowUtc,
                });
            }
        }
        else if (action == "record-result" && !string.IsNullOrWhiteSpace(dossier.ResultFileId))
        {
            db.StoredDocuments.Add(new StoredDocument
            {
                UserId = userId,
                Kind = DocumentKinds.Result(dossier.ProcedureCode, dossier.ProcedureName),
                Name = "Kết quả: " + dossier.ProcedureName,
                FileId = dossier.ResultFileId,
                Source = "result",
                DossierCode = dossier.ResultCode ?? dossier.Code,
                ValidFrom = today,
                AddedAtUtc = nowUtc,
            });
        }
    }

    public static async Task<StoredDocumentDto[]> ListAsync(AppDbContext db, string userId, DateOnly today, CancellationToken ct)
    {
        var rows = await db.StoredDocuments.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.Id).ToListAsync(ct);
        return [.. rows.Select(s => ToDto(s, today))];
    }

    public static StoredDocumentDto ToDto(StoredDocument s, DateOnly today) =>
        new(s.Id, s.Kind, DocumentKinds.Label(s.Kind), s.Name, s.FileId, s.Source, s.DossierCode, s.ValidFrom, s.ValidUntil, s.IsValidOn(today));

    /// <summary>The procedure's document list, each with the still-valid stored documents of the same kind (newest first).</summary>
    public static async Task<FormDocument[]> FormAsync(AppDbContext db, Procedure procedure, string userId, DateOnly today, CancellationToken ct)
    {
        var stored = await db.StoredDocuments.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.Id).ToListAsync(ct);
        var valid = stored.Where(s => s.IsValidOn(today)).ToList();
        return [.. procedure.Documents.Select((d, i) =>
        {
            var kind = DocumentKinds.Of(d.Name);
            return new FormDocument(i, d.Name, kind, ReceiveDossier.IsMandatory(d), [.. valid.Where(s => s.Kind == kind).Select(s => ToDto(s, today))]);
        })];
    }
}
