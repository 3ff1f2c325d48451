using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>A correction: the reason, the applicant's fields to change (null keeps a field, "" clears an optional one) and, optionally, the whole component list.</summary>
public sealed record CorrectionRequest(string? Reason, ApplicantInput? Applicant = null, CorrectedDocument[]? Documents = null, int? Version = null);

public sealed record CorrectedDocument(string? Name, string? Kind = null, int? Count = null);

/// <summary>
/// What form 01 said in one version, with the changes that replaced it: stored content-addressed in the file store and named
/// by the correction event's attachment, so the hash chain vouches for it and the old form can be printed again.
/// </summary>
public sealed record ReceiptSnapshot(int FormVersion, ApplicantInput Applicant, CorrectedDocument[] Documents, FieldChange[] Changes, string Reason);

/// <summary>
/// The desk corrects a received dossier's applicant data or components (issue 20, item 7): staff of the receiving unit's
/// subtree, while the dossier is not decided; the reason is required; form 01 is reissued as version n + 1 and the version it
/// replaces stays printable; the appointment date is never changed by a correction.
/// </summary>
public sealed class CorrectDossier(AppDbContext db, TimeProvider time, IFileStore files, IStringLocalizer<SharedResource> t)
{
    public const int MaxReason = 1000;

    public abstract record Outcome;

    public sealed record Corrected(Dossier Dossier, DossierEvent Event, int FormVersion, IReadOnlyList<FieldChange> Changes) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public sealed record Forbidden(string Message) : Outcome;

    public sealed record Conflict(string Message) : Outcome;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Outcome> HandleAsync(string code, CorrectionRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var dossier = await db.Dossiers.Include(d => d.DocumentRows).Include(d => d.ReceivingUnit).Include(d => d.CurrentUnit)
            .AsSplitQuery().SingleOrDefaultAsync(d => d.Code == code, ct);
        if (dossier is null || actor is null || actor.Role == ActorRole.Applicant || !ActOnDossier.CanAct(user, actor, dossier))
        {
            return new NotFound();
        }

        if (actor.Role != ActorRole.Desk || !user.CanSee(dossier.ReceivingUnitPath))
        {
            return new Forbidden(t["Chỉ cán bộ một cửa của đơn vị tiếp nhận hồ sơ được điều chỉnh thông tin hồ sơ."]);
        }

        if (!Correction.Allowed(dossier.Status))
        {
            return new Conflict(t["Hồ sơ ở trạng thái '{0}': chỉ điều chỉnh được hồ sơ đã tiếp nhận và chưa giải quyết xong.", t[dossier.Status.Label()]]);
        }

        if (body.Version is { } expected && expected != dossier.Version)
        {
            return new Conflict(t["Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại."]);
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            Error("reason", t["Cần ghi lý do điều chỉnh."]);
        }
        else if (body.Reason.Length > MaxReason)
        {
            Error("reason", t["Lý do điều chỉnh tối đa {0} ký tự.", MaxReason]);
        }

        var current = dossier.Applicant;
        var p = body.Applicant;
        // Null keeps the stored value; a blank clears it (the shared checks then say whether that is allowed).
        var merged = new ApplicantInput(
            Pick(p?.FullName, current.FullName), Pick(p?.IdNumber, current.IdNumber), Pick(p?.TaxCode, current.TaxCode),
            p?.BirthDate ?? current.BirthDate, Pick(p?.Phone, current.Phone), Pick(p?.Email, current.Email), Pick(p?.Address, current.Address));
        ReceiveDossier.ValidateApplicant(merged, t, Error);

        List<FieldChange> changes = [.. Correction.Diff(Facts(current), Facts(merged))];
        var documents = body.Documents;
        if (documents is not null)
        {
            if (documents.Length == 0 || documents.Length > ReceiveDossier.MaxDocuments)
            {
                Error("documents", t["Danh sách thành phần hồ sơ có từ 1 đến {0} thành phần.", ReceiveDossier.MaxDocuments]);
            }
            else if (documents.Any(d => d is null || string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 1000 || d.Count is < 1 or > 100 || d.Kind is { Length: > 32 }))
            {
                Error("documents", t["Mỗi thành phần hồ sơ cần tên (tối đa 1000 ký tự) và số lượng từ 1 đến 100."]);
            }
            else
            {
                var procedure = await db.Procedures.AsNoTracking().SingleAsync(x => x.Id == dossier.ProcedureId, ct);
                var missing = ReceiveDossier.MissingDocuments(procedure, [.. documents.Select(d => new DocumentInput(d.Name, d.Kind, null, d.Count, null))]);
                if (missing.Length > 0)
                {
                    Error("documents", t["Thiếu thành phần bắt buộc: {0}.", string.Join("; ", missing)]);
                }
                else if (DocumentsText(dossier.Documents.Select(Snapshot)) is var before
                    && DocumentsText(documents.Select(Normalised)) is var after && before != after)
                {
                    changes.Add(new FieldChange(Correction.Documents, before, after));
                }
            }
        }

        if (errors.Count == 0 && changes.Count == 0)
        {
            Error("applicant", t["Không có thông tin nào khác với hồ sơ hiện tại."]);
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var formVersion = await db.DossierEvents.CountAsync(e => e.DossierId == dossier.Id && e.Action == Correction.Action, ct) + 1;
        var reason = body.Reason!.Trim();
        // The version being replaced, kept whole so that its form 01 can be printed again.
        var snapshot = new ReceiptSnapshot(formVersion, ToInput(current), [.. dossier.Documents.Select(Snapshot)], [.. changes], reason);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(snapshot, Json));
        var blob = await files.SaveAsync(content, ct);

        current.FullName = merged.FullName!.Trim();
        current.IdNumber = Blank(merged.IdNumber);
        current.TaxCode = Blank(merged.TaxCode);
        current.BirthDate = merged.BirthDate;
        current.Phone = Blank(merged.Phone);
        current.Email = Blank(merged.Email);
        current.Address = Blank(merged.Address);
        if (documents is not null && changes.Any(c => c.Field == Correction.Documents))
        {
            ReplaceDocuments(dossier, [.. documents.Select(Normalised)]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        dossier.Version++;
        var e = DossierHistory.Append(db, dossier, actor, now, new(
            Correction.Action, dossier.Status, Correction.Note(reason, changes, formVersion + 1), [blob.Sha256],
            dossier.AppointmentDate, dossier.ReceivingUnit!.Code));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new Conflict(t["Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại."]);
        }

        return new Corrected(dossier, e, formVersion + 1, changes);
    }

    /// <summary>The snapshot of form 01 version <paramref name="version"/> when it is an earlier one; null for the current version or none.</summary>
    public static async Task<ReceiptSnapshot?> EarlierVersionAsync(AppDbContext db, IFileStore files, long dossierId, int version, CancellationToken ct)
    {
        var attachments = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossierId && e.Action == Correction.Action)
            .OrderBy(e => e.Sequence).Select(e => e.Attachments).ToListAsync(ct);
        if (version < 1 || version > attachments.Count || attachments[version - 1] is not { Length: > 0 } id)
        {
            return null;
        }

        await using var stream = files.Open(id.Split('\n')[0]);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<ReceiptSnapshot>(stream, Json, ct);
    }

    /// <summary>Matching components keep their file and reuse; new ones start without.</summary>
    private static void ReplaceDocuments(Dossier dossier, CorrectedDocument[] wanted)
    {
        var kept = new List<DossierDocument>();
        foreach (var w in wanted)
        {
            var match = dossier.Documents.FirstOrDefault(x => !kept.Contains(x) && string.Equals(x.Name, w.Name, StringComparison.Ordinal));
            if (match is null)
            {
                match = new DossierDocument { Name = w.Name! };
                ComponentNames.Link(match, dossier);
                dossier.Documents.Add(match);
            }

            match.Kind = w.Kind!;
            match.Count = w.Count!.Value;
            kept.Add(match);
        }

        dossier.Documents.RemoveAll(x => !kept.Contains(x));
        // A component added without a file, or one removed, changes what the indicators count.
        dossier.RecomputeDocumentFacts();
    }

    private static CorrectedDocument Snapshot(DossierDocument d) => new(d.Name, d.Kind, d.Count);

    private static CorrectedDocument Normalised(CorrectedDocument d) => new(d.Name!.Trim(), string.IsNullOrWhiteSpace(d.Kind) ? "copy" : d.Kind.Trim(), d.Count ?? 1);

    private static string DocumentsText(IEnumerable<CorrectedDocument> docs) => string.Join("; ", docs.Select(d => $"{d.Name} ({d.Kind}, {d.Count})"));

    private static string? Pick(string? given, string? stored) => given is null ? stored : given.Trim();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static ApplicantFacts Facts(Applicant a) => new(a.FullName, a.IdNumber, a.TaxCode, a.BirthDate, a.Phone, a.Email, a.Address);

    private static ApplicantFacts Facts(ApplicantInput a) =>
        new(a.FullName?.Trim() ?? "", Blank(a.IdNumber), Blank(a.TaxCode), a.BirthDate, Blank(a.Phone), Blank(a.Email), Blank(a.Address));

    internal static ApplicantInput ToInput(Applicant a) => new(a.FullName, a.IdNumber, a.TaxCode, a.BirthDate, a.Phone, a.Email, a.Address);
}
