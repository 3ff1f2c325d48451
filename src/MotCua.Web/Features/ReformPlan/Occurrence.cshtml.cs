using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class OccurrenceModel(AppDbContext db, TimeProvider time, UpdateOccurrence update, AddOccurrenceEntry addEntry, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public OccurrenceDetailDto Occurrence { get; private set; } = null!;
    public PlanTask Task { get; private set; } = null!;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool CanSetDue => ReformAccess.CanEdit(User);
    public bool IsLead { get; private set; }
    public bool CanAdd { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUpdateAsync(DateOnly? dueDate, OccurrenceProgress? progress, CancellationToken ct)
    {
        // Only Phòng Nội vụ sets the due date: from a lead unit's form it is ignored, not refused.
        switch (await update.HandleAsync(Id, new OccurrenceRequest(CanSetDue ? dueDate : null, progress), User, ct))
        {
            case UpdateOccurrence.Updated or UpdateOccurrence.NothingToChange(true):
                return RedirectToPage(new { Id });
            case UpdateOccurrence.Invalid(var field, var message):
                Errors = new Dictionary<string, string[]> { [field] = [message] };
                await LoadAsync(ct);
                return Page();
            case UpdateOccurrence.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    public async Task<IActionResult> OnPostEntryAsync(string? text, IFormFile? file, CancellationToken ct)
    {
        switch (await addEntry.HandleAsync(Id, text, file, User, ct))
        {
            case AddOccurrenceEntry.Added:
                return RedirectToPage(new { Id });
            case AddOccurrenceEntry.Invalid:
                // The page has one field for the note and its file, so one message covers both.
                Errors = new Dictionary<string, string[]> { ["text"] = [t["Nội dung là bắt buộc, tối đa 4000 ký tự; tệp tối đa 20 MB."]] };
                await LoadAsync(ct);
                return Page();
            case AddOccurrenceEntry.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ReadOccurrence.LoadAsync(db, Id, VietnamTime.Today(time), ct) is not { } o)
        {
            return false;
        }

        Occurrence = o;
        Task = await db.PlanTasks.AsNoTracking().SingleAsync(x => x.Id == o.TaskId, ct);
        var role = await ReadOccurrence.RoleOfAsync(db, User, o.TaskId, ct);
        IsLead = role == TaskUnitRole.Lead;
        CanAdd = role is not null || ReformAccess.CanEdit(User);
        return true;
    }
}
