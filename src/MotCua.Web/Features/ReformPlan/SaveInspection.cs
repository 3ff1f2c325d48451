using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Schedules an inspection of a one-stop desk (<c>id</c> null) or changes one in the caller's scope.</summary>
public sealed class SaveInspection(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Saved(Inspection Inspection) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int? id, InspectionRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        var inspection = new Inspection();
        if (id is { } existing)
        {
            var scope = ReformAccess.Scope(user);
            if (await db.Inspections.SingleOrDefaultAsync(i => i.Id == existing && i.Unit!.Path.StartsWith(scope), ct) is not { } found)
            {
                return new NotFound();
            }

            inspection = found;
        }

        return await SaveAsync(inspection, body, user, ct);
    }

    /// <summary>Records when a scheduled inspection was held and what it found; the rest of the inspection stays as it was.</summary>
    public async Task<Outcome> RecordAsync(int id, DateOnly? heldOn, string? findings, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = ReformAccess.Scope(user);
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        if (await db.Inspections.Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id && x.Unit!.Path.StartsWith(scope), ct) is not { } i)
        {
            return new NotFound();
        }

        return await SaveAsync(i, new InspectionRequest(i.Unit!.Code, i.ScheduledOn, heldOn, i.Surprise, i.Inspectors, findings), user, ct);
    }

    private async Task<Outcome> SaveAsync(Inspection i, InspectionRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unit = string.IsNullOrWhiteSpace(body.UnitCode) ? null
            : await db.Units.InReformScope(user).SingleOrDefaultAsync(u => u.Code == body.UnitCode.Trim() && (u.Kind == UnitKind.Desk || u.Kind == UnitKind.Commune), ct);
        if (unit is null)
        {
            errors["unitCode"] = [t["Không tìm thấy bộ phận một cửa '{0}'.", body.UnitCode ?? ""]];
        }

        if (body.ScheduledOn is null)
        {
            errors["scheduledOn"] = [t["Ngày kiểm tra dự kiến là bắt buộc."]];
        }

        if (body.HeldOn is { } held && body.ScheduledOn is { } s && held.Year != s.Year)
        {
            errors["heldOn"] = [t["Ngày kiểm tra thực tế phải cùng năm với ngày dự kiến."]];
        }

        if (body.Findings?.Length > 8000 || body.Inspectors?.Length > 500)
        {
            errors["findings"] = [t["Kết quả kiểm tra tối đa 8000 ký tự, thành phần đoàn tối đa 500 ký tự."]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        i.UnitId = unit!.Id;
        i.ScheduledOn = body.ScheduledOn!.Value;
        i.HeldOn = body.HeldOn;
        i.Surprise = body.Surprise ?? true;
        i.Inspectors = body.Inspectors;
        i.Findings = body.Findings;
        if (i.Id == 0)
        {
            db.Inspections.Add(i);
        }

        await db.SaveChangesAsync(ct);
        return new Saved(i);
    }
}
