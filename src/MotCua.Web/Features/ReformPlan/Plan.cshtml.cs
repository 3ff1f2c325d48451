using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class PlanModel(AppDbContext db, TimeProvider time) : PageModel
{
    public PlanDto Plan { get; private set; } = null!;
    public TaskDto[] Tasks { get; private set; } = [];
    public TargetDto[] Targets { get; private set; } = [];
    public bool CanEdit => ReformAccess.CanEdit(User);

    /// <summary>Units of today's structure a new period can be opened for (carry-forward form).</summary>
    public List<OrgUnit> CurrentUnits { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty]
    public string? CarryUnitCode { get; set; }

    [BindProperty]
    public int? CarryYear { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Opens a new period for a unit of today's structure by carrying this plan's targets forward.</summary>
    public async Task<IActionResult> OnPostCarryForwardAsync(int id, [FromServices] CarryTargetsForward carry, CancellationToken ct)
    {
        switch (await carry.HandleAsync(id, new CarryForwardRequest(CarryUnitCode, CarryYear, null), User, ct))
        {
            case CarryTargetsForward.Opened(var plan, _):
                return RedirectToPage("/ReformPlan/Plan", new { id = plan.Id });
            case CarryTargetsForward.Invalid(var errors):
                Errors = errors;
                break;
            case CarryTargetsForward.Duplicate(var message):
                Errors = new Dictionary<string, string[]> { ["carryUnitCode"] = [message] };
                break;
            case CarryTargetsForward.NotFound:
                return NotFound();
            default:
                return Forbid();
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await ReadPlans.PlanQuery(db, id).SingleOrDefaultAsync(ct) is not { } plan)
        {
            return false;
        }

        var today = VietnamTime.Today(time);
        Plan = plan;
        Tasks = await ReadPlans.LoadTasksAsync(db, id, today, ct);
        Targets = await ReadPlans.LoadTargetsAsync(db, id, today, ct);
        if (CanEdit)
        {
            CurrentUnits = await db.Units.AsNoTracking().InReformScope(User)
                .Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today) && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.District || u.Kind == UnitKind.Province))
                .OrderBy(u => u.Path).ToListAsync(ct);
            CarryYear ??= Math.Max(today.Year, plan.PeriodTo + 1);
        }

        return true;
    }
}
