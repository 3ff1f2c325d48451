using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Portal;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;
using DocumentInput = MotCua.Web.Features.Dossiers.DocumentInput;

namespace MotCua.Web.Features.Portal;

public sealed record DraftDocumentInput(string? Name, string? FileId, long? StoredDocumentId);

public sealed record DraftInput(
    string? ProcedureCode, string? UnitCode, string? FullName, string? IdNumber, string? TaxCode, string? Phone, string? Email, string? Address,
    DraftDocumentInput[]? Documents);

public sealed record DraftDto(
    Guid Id, string ProcedureCode, string? UnitCode, string? FullName, string? IdNumber, string? TaxCode, string? Phone, string? Email, string? Address,
    DraftDocumentInput[] Documents, DateTime UpdatedAt, string? DossierCode);

public sealed record UnitOption(string Code, string Name);

/// <summary>Drafts of online submissions: saved as typed, resumed later, submitted through the ordinary intake.</summary>
public sealed class Drafts(AppDbContext db, ReceiveDossier receive, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Saved(PortalDraft Draft) : Outcome;

    public sealed record Submitted(PortalDraft Draft, Dossier Dossier) : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public sealed record Problem(string Title, string Detail, string[] Missing) : Outcome;

    public sealed record NotFound : Outcome;

    public static DraftDto ToDto(PortalDraft d) => new(
        d.Id, d.ProcedureCode, d.UnitCode, d.FullName, d.IdNumber, d.TaxCode, d.Phone, d.Email, d.Address,
        [.. d.Documents.Select(x => new DraftDocumentInput(x.Name, x.FileId, x.StoredDocumentId))], d.UpdatedAtUtc, d.DossierCode);

    /// <summary>The current version of a procedure offered online, or null.</summary>
    public async Task<Procedure?> OnlineProcedureAsync(string? code, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var p = await db.Procedures.AsNoTracking()
            .Where(p => p.Code == code && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today))
            .OrderByDescending(p => p.VersionNo).FirstOrDefaultAsync(ct);
        return p is { OnlineMode: not OnlineMode.None } ? p : null;
    }

    public async Task<UnitOption[]> UnitsAsync(string procedureCode, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var units = await db.UnitProcedures.AsNoTracking()
            .Where(up => up.ProcedureCode == procedureCode && up.ValidFrom <= today && (up.ValidTo == null || up.ValidTo >= today))
            .Select(up => up.Unit!)
            .Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today))
            .Select(u => new { u.Code, u.Name, u.Path })
            .ToListAsync(ct);
        return [.. units.OrderBy(u => u.Path, StringComparer.Ordinal).Select(u => new UnitOption(u.Code, u.Name))];
    }

    public Task<PortalDraft?> FindAsync(Guid id, string userId, CancellationToken ct) =>
        db.PortalDrafts.SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct);

    /// <summary>A new draft prefilled from the account.</summary>
    public async Task<PortalDraft> NewAsync(Procedure procedure, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        return new PortalDraft
        {
            Id = Guid.NewGuid(),
            UserId = id,
            ProcedureCode = procedure.Code,
            FullName = account.FullName,
            IdNumber = account.IdNumber,
            TaxCode = account.TaxCode,
            Phone = account.PhoneNumber,
            Email = account.Email,
            Documents = [.. procedure.Documents.Select(d => new DraftDocument { Name = d.Name })],
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
    }

    /// <summary>Keeps whatever was typed, even when it is not yet valid (only lengths and ownership are checked).</summary>
    public async Task<Outcome> SaveAsync(PortalDraft draft, DraftInput input, bool isNew, CancellationToken ct)
    {
        if (draft.DossierCode is not null)
        {
            return new Invalid(new() { ["draft"] = [t["Hồ sơ nháp này đã được nộp."]] });
        }

        var errors = new Dictionary<string, string[]>();
        string? Field(string name, string? value, int max)
        {
            var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (v is { Length: var n } && n > max)
            {
                errors[name] = [t["Tối đa {0} ký tự.", max]];
                return null;
            }

            return v;
        }

        draft.UnitCode = Field("unitCode", input.UnitCode, 40);
        draft.FullName = Field("fullName", input.FullName, 200);
        draft.IdNumber = Field("idNumber", input.IdNumber, 12);
        draft.TaxCode = Field("taxCode", input.TaxCode, 14);
        draft.Phone = Field("phone", input.Phone, 20);
        draft.Email = Field("email", input.Email, 200);
        draft.Address = Field("address", input.Address, 500);
        if (input.Documents is { } docs)
        {
            if (docs.Length > ReceiveDossier.MaxDocuments)
            {
                errors["documents"] = [t["Tối đa {0} thành phần hồ sơ.", ReceiveDossier.MaxDocuments]];
            }
            else
            {
                var list = new List<DraftDocument>();
                for (var i = 0; i < docs.Length; i++)
                {
                    var d = docs[i];
                    var name = d?.Name?.Trim();
                    if (string.IsNullOrEmpty(name) || name.Length > 1000)
                    {
                        errors[$"documents[{i}].name"] = [t["Mỗi thành phần hồ sơ cần tên (tối đa 1000 ký tự) và số lượng từ 1 đến 100."]];
                        continue;
                    }

                    var entry = new DraftDocument { Name = name };
                    if (!string.IsNullOrWhiteSpace(d!.FileId))
                    {
                        var file = await db.UploadedFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == d.FileId && f.OwnerUserId == draft.UserId, ct);
                        if (file is null)
                        {
                            errors[$"documents[{i}].fileId"] = [t["Không tìm thấy tệp đã tải lên."]];
                            continue;
                        }

                        entry.FileId = file.Id;
                        entry.FileName = file.FileName;
                    }

                    if (d.StoredDocumentId is { } storedId)
                    {
                        if (!await db.StoredDocuments.AnyAsync(s => s.Id == storedId && s.UserId == draft.UserId, ct))
                        {
                            errors[$"documents[{i}].storedDocumentId"] = [t["Không tìm thấy giấy tờ trong kho dữ liệu của bạn."]];
                            continue;
                        }

                        entry.StoredDocumentId = storedId;
                    }

                    list.Add(entry);
                }

                draft.Documents = list;
            }
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        draft.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        if (isNew)
        {
            db.PortalDrafts.Add(draft);
        }

        await db.SaveChangesAsync(ct);
        return new Saved(draft);
    }

    /// <summary>Every mandatory component needs an upload or a still-valid stored document of its kind; then the ordinary online intake.</summary>
    public async Task<Outcome> SubmitAsync(PortalDraft draft, ClaimsPrincipal user, CancellationToken ct)
    {
        if (draft.DossierCode is not null)
        {
            return new Invalid(new() { ["draft"] = [t["Hồ sơ nháp này đã được nộp."]] });
        }

        var procedure = await OnlineProcedureAsync(draft.ProcedureCode, ct);
        if (procedure is null)
        {
            return new Invalid(new() { ["procedureCode"] = [t["Thủ tục '{0}' chưa cung cấp dịch vụ công trực tuyến.", draft.ProcedureCode]] });
        }

        var today = VietnamTime.Today(time);
        var stored = await db.StoredDocuments.AsNoTracking().Where(s => s.UserId == draft.UserId).ToDictionaryAsync(s => s.Id, ct);
        var errors = new Dictionary<string, string[]>();
        var documents = new List<DocumentInput>();
        for (var i = 0; i < draft.Documents.Count; i++)
        {
            var d = draft.Documents[i];
            var required = procedure.Documents.FirstOrDefault(r => r.Name == d.Name);
            if (d.StoredDocumentId is { } sid)
            {
                if (!stored.TryGetValue(sid, out var s) || !s.IsValidOn(today) || s.Kind != DocumentKinds.Of(d.Name))
                {
                    errors[$"documents[{i}]"] = [t["Giấy tờ trong kho không còn hiệu lực hoặc không đúng loại: {0}", Short(d.Name)]];
                    continue;
                }

                documents.Add(new DocumentInput(d.Name, "copy", null, 1, Reused: true, ReusedFromStoredDocumentId: sid));
            }
            else if (d.FileId is not null)
            {
                documents.Add(new DocumentInput(d.Name, "copy", d.FileId, 1, Reused: false));
            }
            else if (required is not null && ReceiveDossier.IsMandatory(required))
            {
                errors[$"documents[{i}]"] = [t["Cần tải lên tệp hoặc chọn giấy tờ trong kho: {0}", Short(d.Name)]];
            }
        }

        var given = draft.Documents.Select(d => d.Name).ToHashSet();
        foreach (var missing in procedure.Documents.Where(r => ReceiveDossier.IsMandatory(r) && !given.Contains(r.Name)))
        {
            errors[$"documents[{procedure.Documents.IndexOf(missing)}]"] = [t["Cần tải lên tệp hoặc chọn giấy tờ trong kho: {0}", Short(missing.Name)]];
        }

        if (string.IsNullOrWhiteSpace(draft.UnitCode))
        {
            errors["unitCode"] = [t["Cần chọn đơn vị tiếp nhận."]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var request = new ReceiveRequest(
            procedure.Code, draft.UnitCode, Channel.Online,
            new ApplicantInput(draft.FullName, draft.IdNumber, draft.TaxCode, null, draft.Phone, draft.Email, draft.Address),
            [.. documents]);
        switch (await receive.HandleAsync(request, user, ct))
        {
            case ReceiveDossier.Received(var dossier):
                draft.DossierCode = dossier.Code;
                draft.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
                return new Submitted(draft, dossier);
            case ReceiveDossier.Invalid(var e):
                return new Invalid(e.ToDictionary(kv => kv.Key.StartsWith("applicant.", StringComparison.Ordinal) ? kv.Key["applicant.".Length..] : kv.Key, kv => kv.Value));
            case ReceiveDossier.Incomplete(_, _, var missing):
                return new Problem(t["Hồ sơ chưa đầy đủ"], t["Hồ sơ chưa đầy đủ: cần bổ sung {0} thành phần (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — mẫu 02).", missing.Length], missing);
            case ReceiveDossier.Refused(var reason, _):
                return new Problem(t["Từ chối tiếp nhận"], reason, []);
            default:
                return new Invalid(new() { ["draft"] = [t["Chỉ công dân, doanh nghiệp nộp hồ sơ trực tuyến."]] });
        }
    }

    private static string Short(string name) => name.Length <= 80 ? name : name[..77] + "…";

    public static bool IsApplicant(ClaimsPrincipal user) => user.IsInRole(Roles.Citizen);
}
