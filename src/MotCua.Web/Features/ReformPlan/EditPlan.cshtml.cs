using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class EditPlanModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public PlanRequest Input { get; set; } = new(null, null, null, null, null, null, null);

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public OrgUnit[] Units { get; private set; } = [];
    public PlanDto[] Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        if (Id is { } id)
        {
            if (await db.Plans.AsNoTracking().Include(p => p.IssuingUnit).SingleOrDefaultAsync(p => p.Id == id, ct) is not { } p)
            {
                return NotFound();
            }

            Input = new(p.Title, p.DecisionNumber, p.IssuingUnit!.Code, p.ParentPlanId, p.PeriodFrom, p.PeriodTo, p.Note);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        var plan = Id is { } id
            ? await db.Plans.Include(p => p.Tasks).ThenInclude(x => x.Occurrences).ThenInclude(o => o.Entries).SingleOrDefaultAsync(p => p.Id == id, ct)
            : new Plan { Title = "" };
        if (plan is null)
        {
            return NotFound();
        }

        if (await PlansApi.ApplyAsync(plan, Input, db, User, t, ct) is { } problem)
        {
            Errors = problem.ProblemDetails.Errors.ToDictionary();
            await LoadAsync(ct);
            return Page();
        }

        if (plan.Id == 0)
        {
            db.Plans.Add(plan);
        }

        foreach (var task in plan.Tasks)
        {
            PlanTasks.Schedule(task, plan.PeriodFrom, plan.PeriodTo);
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/ReformPlan/Plan?id={plan.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await db.Units.AsNoTracking().InReformScope(User).Where(u => u.Kind != UnitKind.Desk).OrderBy(u => u.Path).ToArrayAsync(ct);
        Plans = await PlansApi.PlanQuery(db).ToArrayAsync(ct);
    }
}
