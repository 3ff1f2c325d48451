using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class EditTargetModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PlanId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public TargetRequest Input { get; set; } = new(null, null, null, "%", TargetComparison.AtLeast, null, null, null, null, null, null, null);

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        if (Id is { } id)
        {
            if (await db.PlanTargets.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.PlanId == PlanId, ct) is not { } x)
            {
                return NotFound();
            }

            Input = new(x.Code, x.Text, x.Value, x.Unit, x.Comparison, x.Year, x.BaseYear, x.Scope, x.IndicatorKey, x.ManualValue, x.ManualNote, x.Note);
        }

        return await db.Plans.AnyAsync(p => p.Id == PlanId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        if (!await db.Plans.AnyAsync(p => p.Id == PlanId, ct))
        {
            return NotFound();
        }

        var target = Id is { } id
            ? await db.PlanTargets.SingleOrDefaultAsync(x => x.Id == id && x.PlanId == PlanId, ct)
            : new PlanTarget { PlanId = PlanId, Code = "", Text = "", Unit = "" };
        if (target is null)
        {
            return NotFound();
        }

        // Values the browser could not bind (e.g. "abc" for a number) arrive as null and are reported by the shared validation.
        if (await PlansApi.ApplyAsync(target, Input, db, t, ct) is { } problem)
        {
            Errors = problem.ProblemDetails.Errors.ToDictionary();
            return Page();
        }

        if (target.Id == 0)
        {
            db.PlanTargets.Add(target);
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/ReformPlan/Plan?id={PlanId}#chi-tieu");
    }
}
