using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class PlanModel(AppDbContext db, TimeProvider time) : PageModel
{
    public PlanDto Plan { get; private set; } = null!;
    public TaskDto[] Tasks { get; private set; } = [];
    public TargetDto[] Targets { get; private set; } = [];
    public bool CanEdit => ReformAccess.CanEdit(User);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ReadPlans.PlanQuery(db, id).SingleOrDefaultAsync(ct) is not { } plan)
        {
            return NotFound();
        }

        var today = VietnamTime.Today(time);
        Plan = plan;
        Tasks = await ReadPlans.LoadTasksAsync(db, id, today, ct);
        Targets = await ReadPlans.LoadTargetsAsync(db, id, today, ct);
        return Page();
    }
}
