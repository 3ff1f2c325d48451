using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Adds a task to a plan (<c>taskId</c> null) or changes one: its units are matched and its occurrences scheduled again.</summary>
public sealed class SaveTask(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Saved(PlanTask Task) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int planId, int? taskId, TaskRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        var plan = await db.Plans.Include(p => p.IssuingUnit).SingleOrDefaultAsync(p => p.Id == planId, ct);
        var task = taskId is { } id
            ? await db.PlanTasks.Include(x => x.Units).Include(x => x.Occurrences).ThenInclude(o => o.Entries).SingleOrDefaultAsync(x => x.Id == id && x.PlanId == planId, ct)
            : new PlanTask { PlanId = planId, SectionCode = "", SectionTitle = "", Number = "", Text = "", Timing = "", LeadText = "" };
        if (plan is null || task is null)
        {
            return new NotFound();
        }

        if (await ApplyAsync(task, plan, body, ct) is { } errors)
        {
            return new Invalid(errors);
        }

        if (task.Id == 0)
        {
            task.SortOrder = body.SortOrder ?? (await db.PlanTasks.Where(x => x.PlanId == planId).MaxAsync(x => (int?)x.SortOrder, ct) ?? 0) + 1;
            db.PlanTasks.Add(task);
        }
        else
        {
            task.SortOrder = body.SortOrder ?? task.SortOrder;
        }

        await db.SaveChangesAsync(ct);
        return new Saved(task);
    }

    private async Task<Dictionary<string, string[]>?> ApplyAsync(PlanTask task, Plan plan, TaskRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Require(string? value, int max, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            {
                errors[field] = [message];
            }
        }

        Require(body.SectionCode, 10, "sectionCode", t["Mục (ví dụ I, II) là bắt buộc, tối đa 10 ký tự."]);
        Require(body.SectionTitle, 200, "sectionTitle", t["Tên mục là bắt buộc, tối đa 200 ký tự."]);
        Require(body.Number, 10, "number", t["Số thứ tự là bắt buộc, tối đa 10 ký tự."]);
        Require(body.Text, 4000, "text", t["Nội dung nhiệm vụ là bắt buộc, tối đa 4000 ký tự."]);
        Require(body.Timing, 200, "timing", t["Thời gian thực hiện là bắt buộc, tối đa 200 ký tự."]);
        Require(body.LeadText, 400, "leadText", t["Cơ quan chủ trì là bắt buộc, tối đa 400 ký tự."]);
        if (body.Product?.Length > 1000 || body.PartnersText?.Length > 400)
        {
            errors["product"] = [t["Sản phẩm tối đa 1000 ký tự, cơ quan phối hợp tối đa 400 ký tự."]];
        }

        if (!errors.ContainsKey("number") && !errors.ContainsKey("sectionCode")
            && await db.PlanTasks.AnyAsync(x => x.PlanId == plan.Id && x.Id != task.Id && x.SectionCode == body.SectionCode!.Trim() && x.Number == body.Number!.Trim(), ct))
        {
            errors["number"] = [t["Mục {0} đã có nhiệm vụ số {1}.", body.SectionCode!.Trim(), body.Number!.Trim()]];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        task.SectionCode = body.SectionCode!.Trim();
        task.SectionTitle = body.SectionTitle!.Trim();
        task.Number = body.Number!.Trim();
        task.Text = body.Text!.Trim();
        task.Product = body.Product?.Trim();
        task.Timing = body.Timing!.Trim();
        task.LeadText = body.LeadText!.Trim();
        task.PartnersText = body.PartnersText?.Trim();
        var units = await db.Units.ToListAsync(ct);
        PlanTasks.AssignUnits(task, units, plan.IssuingUnit!, new DateOnly(plan.PeriodFrom, 1, 1));
        PlanTasks.Schedule(task, plan.PeriodFrom, plan.PeriodTo);
        return null;
    }
}
