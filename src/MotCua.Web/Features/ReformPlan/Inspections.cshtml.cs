using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class InspectionsModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
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
        if (!CanEdit)
        {
            return Forbid();
        }

        var i = new Inspection();
        if (await InspectionsApi.ApplyAsync(i, new InspectionRequest(unitCode, scheduledOn, null, true, inspectors, null), db, User, t, ct) is { } problem)
        {
            Errors = problem.ProblemDetails.Errors.ToDictionary();
            await LoadAsync(ct);
            return Page();
        }

        db.Inspections.Add(i);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { year = i.ScheduledOn.Year });
    }

    public async Task<IActionResult> OnPostRecordAsync(int id, DateOnly? heldOn, string? findings, CancellationToken ct)
    {
        var scope = ReformAccess.Scope(User);
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await db.Inspections.Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id && x.Unit!.Path.StartsWith(scope), ct) is not { } i)
        {
            return NotFound();
        }

        var request = new InspectionRequest(i.Unit!.Code, i.ScheduledOn, heldOn, i.Surprise, i.Inspectors, findings);
        if (await InspectionsApi.ApplyAsync(i, request, db, User, t, ct) is { } problem)
        {
            Errors = problem.ProblemDetails.Errors.ToDictionary();
            await LoadAsync(ct);
            return Page();
        }

        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { year = i.ScheduledOn.Year });
    }

    public async Task<IActionResult> OnPostFollowUpAsync(int id, string? action, DateOnly? deadline, CancellationToken ct)
    {
        var scope = ReformAccess.Scope(User);
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await db.Inspections.SingleOrDefaultAsync(x => x.Id == id && x.Unit!.Path.StartsWith(scope), ct) is not { } i)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(action) || action.Length > 2000 || deadline is null)
        {
            Errors = new Dictionary<string, string[]> { [$"action-{id}"] = [t["Nội dung khắc phục và hạn hoàn thành là bắt buộc."]] };
            await LoadAsync(ct);
            return Page();
        }

        db.InspectionFollowUps.Add(new InspectionFollowUp { InspectionId = id, Action = action.Trim(), Deadline = deadline.Value });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { year = i.ScheduledOn.Year });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        Year ??= today.Year;
        if (Year is < 2000 or > 2100)
        {
            Year = today.Year;
        }

        Counts = await InspectionsApi.CountsAsync(db, ReformAccess.Scope(User), Year.Value, ct);
        Inspections = await InspectionsApi.ListAsync(db, User, Year.Value, today, ct);
    }
}
