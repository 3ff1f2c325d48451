using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class EditTargetModel(AppDbContext db, SaveTarget save) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PlanId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public TargetRequest Input { get; set; } = new(null, null, null, "%", TargetComparison.AtLeast, null, null, null, null, null);

    /// <summary>A new manual figure, kept as text so that "abc" is reported rather than silently dropped.</summary>
    [BindProperty]
    public string? ManualValue { get; set; }

    [BindProperty]
    public string? ManualNote { get; set; }

    [BindProperty]
    public IFormFile? Evidence { get; set; }

    public MeasurementDto[] History { get; private set; } = [];
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

            Input = new(x.Code, x.Text, x.Value, x.Unit, x.Comparison, x.Year, x.BaseYear, x.Scope, x.IndicatorKey, x.Note);
            History = await ListTargetMeasurements.HistoryAsync(db, PlanId, id, ct);
        }

        return await db.Plans.AnyAsync(p => p.Id == PlanId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Values the browser could not bind (e.g. "abc" for a number) arrive as null and are reported by the shared validation.
        var measuring = !string.IsNullOrWhiteSpace(ManualValue) || Evidence is { Length: > 0 };
        var figure = measuring ? new ManualFigure(ManualValue, ManualNote, Evidence) : null;
        switch (await save.HandleAsync(PlanId, Id, Input with { ManualValue = null }, figure, User, ct))
        {
            case SaveTarget.Saved:
                return Redirect($"/ReformPlan/Plan?id={PlanId}#chi-tieu");
            case SaveTarget.Invalid(var errors):
                Errors = errors;
                History = Id is { } existing ? await ListTargetMeasurements.HistoryAsync(db, PlanId, existing, ct) : [];
                return Page();
            case SaveTarget.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }
}
