using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class EditTargetModel(AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
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
            History = await TargetMeasurementsApi.HistoryAsync(db, PlanId, id, ct);
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
        var errors = (await PlansApi.ApplyAsync(target, Input with { ManualValue = null }, db, t, ct))?.ProblemDetails.Errors.ToDictionary() ?? [];
        var measuring = !string.IsNullOrWhiteSpace(ManualValue) || Evidence is { Length: > 0 };
        if (measuring)
        {
            foreach (var (k, v) in await TargetMeasurementsApi.ValidateAsync(db, target, ManualValue, ManualNote, Evidence, time, t, ct))
            {
                errors[k] = v;
            }
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            History = Id is { } existing ? await TargetMeasurementsApi.HistoryAsync(db, PlanId, existing, ct) : [];
            return Page();
        }

        if (target.Id == 0)
        {
            db.PlanTargets.Add(target);
        }

        if (measuring)
        {
            await TargetMeasurementsApi.RecordAsync(db, files, time, target, ManualValue!, ManualNote, Evidence!, User.Identity?.Name ?? "?", ct);
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/ReformPlan/Plan?id={PlanId}#chi-tieu");
    }
}
