using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Creates a plan (<c>id</c> null) or changes one; a changed period reschedules every task's occurrences.</summary>
public sealed class SavePlan(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Saved(Plan Plan, bool Created) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int? id, PlanRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        var plan = id is { } existing
            ? await db.Plans.Include(p => p.Tasks).ThenInclude(x => x.Occurrences).ThenInclude(o => o.Entries).SingleOrDefaultAsync(p => p.Id == existing, ct)
            : new Plan { Title = "" };
        if (plan is null)
        {
            return new NotFound();
        }

        if (await ApplyAsync(plan, body, user, ct) is { } errors)
        {
            return new Invalid(errors);
        }

        if (plan.Id == 0)
        {
            db.Plans.Add(plan);
        }

        foreach (var task in plan.Tasks)
        {
            PlanTasks.Schedule(task, plan.PeriodFrom, plan.PeriodTo);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // IX_Plans_AnnualPeriod: a unit has one annual plan per year (the carry-forward relies on it).
            return new Invalid(new() { ["periodTo"] = [t["Đơn vị ban hành đã có kế hoạch năm {0}: không tạo trùng kỳ kế hoạch.", plan.PeriodFrom]] });
        }

        return new Saved(plan, id is null);
    }

    private async Task<Dictionary<string, string[]>?> ApplyAsync(Plan plan, PlanRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 400)
        {
            errors["title"] = [t["Tên kế hoạch là bắt buộc, tối đa 400 ký tự."]];
        }

        var unit = string.IsNullOrWhiteSpace(body.IssuingUnitCode) ? null
            : await db.Units.InReformScope(user).SingleOrDefaultAsync(u => u.Code == body.IssuingUnitCode.Trim(), ct);
        if (unit is null)
        {
            errors["issuingUnitCode"] = [t["Không tìm thấy đơn vị ban hành '{0}'.", body.IssuingUnitCode ?? ""]];
        }

        if (body.ParentPlanId is { } parentId && (parentId == plan.Id || !await db.Plans.AnyAsync(p => p.Id == parentId, ct)))
        {
            errors["parentPlanId"] = [t["Không tìm thấy kế hoạch cấp trên."]];
        }

        if (body.PeriodFrom is not (>= 2000 and <= 2100) || body.PeriodTo is not (>= 2000 and <= 2100) || body.PeriodTo < body.PeriodFrom || body.PeriodTo - body.PeriodFrom > 10)
        {
            errors["periodTo"] = [t["Giai đoạn phải gồm năm bắt đầu và năm kết thúc hợp lệ (tối đa 10 năm)."]];
        }

        if (body.DecisionNumber?.Length > 100 || body.Note?.Length > 2000)
        {
            errors["decisionNumber"] = [t["Số quyết định tối đa 100 ký tự, ghi chú tối đa 2000 ký tự."]];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        plan.Title = body.Title!.Trim();
        plan.DecisionNumber = string.IsNullOrWhiteSpace(body.DecisionNumber) ? null : body.DecisionNumber.Trim();
        plan.IssuingUnitId = unit!.Id;
        plan.ParentPlanId = body.ParentPlanId;
        plan.PeriodFrom = body.PeriodFrom!.Value;
        plan.PeriodTo = body.PeriodTo!.Value;
        plan.Note = body.Note;
        return null;
    }
}
