using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>A manual figure typed with the target on the EditTarget page, with its evidence file.</summary>
public sealed record ManualFigure(string? Value, string? Note, IFormFile? Evidence);

/// <summary>Adds a target to a plan (<c>targetId</c> null) or changes one, optionally with a new manual figure (ADR 0015).</summary>
public sealed class SaveTarget(AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Saved(PlanTarget Target) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int planId, int? targetId, TargetRequest body, ManualFigure? figure, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        var target = targetId is { } id
            ? await db.PlanTargets.SingleOrDefaultAsync(x => x.Id == id && x.PlanId == planId, ct)
            : await db.Plans.AnyAsync(p => p.Id == planId, ct) ? new PlanTarget { PlanId = planId, Code = "", Text = "", Unit = "" } : null;
        if (target is null)
        {
            return new NotFound();
        }

        var errors = await ApplyAsync(target, body, ct) ?? [];
        if (figure is not null)
        {
            foreach (var (k, v) in await RecordTargetMeasurement.ValidateAsync(db, target, figure.Value, figure.Note, figure.Evidence, time, t, ct))
            {
                errors[k] = v;
            }
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        if (target.Id == 0)
        {
            db.PlanTargets.Add(target);
        }

        if (figure is not null)
        {
            await RecordTargetMeasurement.RecordAsync(db, files, time, target, figure.Value!, figure.Note, figure.Evidence!, user.Identity?.Name ?? "?", ct);
        }

        await db.SaveChangesAsync(ct);
        return new Saved(target);
    }

    private async Task<Dictionary<string, string[]>?> ApplyAsync(PlanTarget target, TargetRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Code) || body.Code.Trim().Length > 20)
        {
            errors["code"] = [t["Mã chỉ tiêu là bắt buộc, tối đa 20 ký tự."]];
        }
        else if (await db.PlanTargets.AnyAsync(x => x.PlanId == target.PlanId && x.Id != target.Id && x.Code == body.Code.Trim(), ct))
        {
            errors["code"] = [t["Mã chỉ tiêu '{0}' đã có trong kế hoạch.", body.Code.Trim()]];
        }

        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 2000)
        {
            errors["text"] = [t["Nội dung chỉ tiêu là bắt buộc, tối đa 2000 ký tự."]];
        }

        if (body.Value is not { } value || value < 0 || value > 1_000_000)
        {
            errors["value"] = [t["Giá trị chỉ tiêu là bắt buộc và không âm."]];
        }

        if (string.IsNullOrWhiteSpace(body.Unit) || body.Unit.Length > 40)
        {
            errors["unit"] = [t["Đơn vị tính là bắt buộc (ví dụ %), tối đa 40 ký tự."]];
        }

        if (body.Year is not (>= 2000 and <= 2100))
        {
            errors["year"] = [t["Năm của chỉ tiêu không hợp lệ."]];
        }

        if (body.IndicatorKey is { Length: > 0 } key && !Indicators.Known.Contains(key))
        {
            errors["indicatorKey"] = [t["Chỉ số '{0}' không có trong danh mục.", key]];
        }

        if (body.ManualValue is not null)
        {
            errors["manualValue"] = [t["Số liệu nhập tay phải kèm tệp minh chứng: gửi qua POST /api/v1/plans/{0}/targets/{1}/measurements (value, note, file).", target.PlanId, target.Id]];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        target.Code = body.Code!.Trim();
        target.Text = body.Text!.Trim();
        target.Value = body.Value!.Value;
        target.Unit = body.Unit!.Trim();
        target.Comparison = body.Comparison ?? TargetComparison.AtLeast;
        target.Year = body.Year!.Value;
        target.BaseYear = body.BaseYear;
        target.Scope = string.IsNullOrWhiteSpace(body.Scope) ? null : body.Scope.Trim();
        target.IndicatorKey = string.IsNullOrWhiteSpace(body.IndicatorKey) ? null : body.IndicatorKey;
        target.Note = body.Note;
        return null;
    }
}

/// <summary>Indicator keys a target may name: issue 7's live indicators plus this feature's inspection count.</summary>
public static class Indicators
{
    public static readonly HashSet<string> Known =
    [
        "onTimeRate", "onlineRate", "digitizationRate", "onlinePaymentRate", "satisfactionRate", "reuseRate",
        "electronicRoutingRate", "electronicResultRate", "postalGrowth", "nationalSatisfactionRate", "identifiedRate", "nationalSyncRate", "workFilesOnlineRate", "meetingsOnlineRate",
        "fullyOnlineProcedureShare", "payableOnlineProcedureShare", ListInspections.IndicatorKey,
    ];
}
