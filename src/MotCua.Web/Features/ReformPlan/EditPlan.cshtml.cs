using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class EditPlanModel(AppDbContext db, SavePlan save) : PageModel
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
        switch (await save.HandleAsync(Id, Input, User, ct))
        {
            case SavePlan.Saved(var plan, _):
                return Redirect($"/ReformPlan/Plan?id={plan.Id}");
            case SavePlan.Invalid(var errors):
                Errors = errors;
                await LoadAsync(ct);
                return Page();
            case SavePlan.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await db.Units.AsNoTracking().InReformScope(User).Where(u => u.Kind != UnitKind.Desk).OrderBy(u => u.Path).ToArrayAsync(ct);
        Plans = await ReadPlans.PlanQuery(db).ToArrayAsync(ct);
    }
}
