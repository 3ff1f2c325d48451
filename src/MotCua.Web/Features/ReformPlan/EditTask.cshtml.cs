using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class EditTaskModel(AppDbContext db, SaveTask save) : PageModel
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
        // The form has no order field: a new task goes last and a changed one keeps its place.
        switch (await save.HandleAsync(PlanId, Id, Input with { SortOrder = null }, User, ct))
        {
            case SaveTask.Saved:
                return Redirect($"/ReformPlan/Plan?id={PlanId}#nhiem-vu");
            case SaveTask.Invalid(var errors):
                Errors = errors;
                return Page();
            case SaveTask.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }
}
