using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class InspectionsModel(AppDbContext db, TimeProvider time, SaveInspection save, AddFollowUp addFollowUp) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public DeskCountDto[] Counts { get; private set; } = [];
    public InspectionDto[] Inspections { get; private set; } = [];
    public bool CanEdit => ReformAccess.CanEdit(User);
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? unitCode, DateOnly? scheduledOn, string? inspectors, CancellationToken ct)
    {
        return await ShowAsync(await save.HandleAsync(null, new InspectionRequest(unitCode, scheduledOn, null, true, inspectors, null), User, ct), ct);
    }

    public async Task<IActionResult> OnPostRecordAsync(int id, DateOnly? heldOn, string? findings, CancellationToken ct)
    {
        return await ShowAsync(await save.RecordAsync(id, heldOn, findings, User, ct), ct);
    }

    private async Task<IActionResult> ShowAsync(SaveInspection.Outcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case SaveInspection.Saved(var i):
                return RedirectToPage(new { year = i.ScheduledOn.Year });
            case SaveInspection.Invalid(var errors):
                Errors = errors;
                await LoadAsync(ct);
                return Page();
            case SaveInspection.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    public async Task<IActionResult> OnPostFollowUpAsync(int id, string? action, DateOnly? deadline, CancellationToken ct)
    {
        switch (await addFollowUp.HandleAsync(id, new FollowUpRequest(action, deadline, null), User, ct))
        {
            case AddFollowUp.Added(_, var i):
                return RedirectToPage(new { year = i.ScheduledOn.Year });
            case AddFollowUp.Invalid(var message):
                // Each inspection has its own follow-up form, so the error names the one that was sent.
                Errors = new Dictionary<string, string[]> { [$"action-{id}"] = [message] };
                await LoadAsync(ct);
                return Page();
            case AddFollowUp.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        Year ??= today.Year;
        if (Year is < 2000 or > 2100)
        {
            Year = today.Year;
        }

        Counts = await ListInspections.CountsAsync(db, ReformAccess.Scope(User), Year.Value, ct);
        Inspections = await ListInspections.ListAsync(db, User, Year.Value, today, ct);
    }
}
