using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class EditTaskModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PlanId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public TaskRequest Input { get; set; } = new(null, null, null, null, null, null, null, null, null);

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        if (Id is { } id)
        {
            if (await db.PlanTasks.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.PlanId == PlanId, ct) is not { } x)
            {
                return NotFound();
            }

            Input = new(x.SectionCode, x.SectionTitle, x.Number, x.Text, x.Product, x.Timing, x.LeadText, x.PartnersText, x.SortOrder);
        }

        return await db.Plans.AnyAsync(p => p.Id == PlanId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        var plan = await db.Plans.Include(p => p.IssuingUnit).SingleOrDefaultAsync(p => p.Id == PlanId, ct);
        var task = Id is { } id
            ? await db.PlanTasks.Include(x => x.Units).Include(x => x.Occurrences).ThenInclude(o => o.Entries).SingleOrDefaultAsync(x => x.Id == id && x.PlanId == PlanId, ct)
            : new PlanTask { PlanId = PlanId, SectionCode = "", SectionTitle = "", Number = "", Text = "", Timing = "", LeadText = "" };
        if (plan is null || task is null)
        {
            return NotFound();
        }

        if (await PlansApi.ApplyAsync(task, plan, Input, db, t, ct) is { } problem)
        {
            Errors = problem.ProblemDetails.Errors.ToDictionary();
            return Page();
        }

        if (task.Id == 0)
        {
            task.SortOrder = (await db.PlanTasks.Where(x => x.PlanId == PlanId).MaxAsync(x => (int?)x.SortOrder, ct) ?? 0) + 1;
            db.PlanTasks.Add(task);
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/ReformPlan/Plan?id={PlanId}#nhiem-vu");
    }
}
