using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class OccurrenceModel(AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
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
        if (await db.PlanTaskOccurrences.SingleOrDefaultAsync(o => o.Id == Id, ct) is not { } o)
        {
            return NotFound();
        }

        var lead = await OccurrencesApi.RoleOfAsync(db, User, o.TaskId, ct) == TaskUnitRole.Lead;
        if (!CanSetDue && !lead)
        {
            return Forbid();
        }

        if (CanSetDue && dueDate is { } due)
        {
            if (due.Year != o.Year)
            {
                Errors = new Dictionary<string, string[]> { ["dueDate"] = [t["Hạn phải nằm trong năm {0}.", o.Year]] };
                await LoadAsync(ct);
                return Page();
            }

            o.DueDate = due;
        }

        if (progress is { } p)
        {
            o.Progress = p;
            o.DoneOn = p == OccurrenceProgress.Done ? VietnamTime.Today(time) : null;
        }

        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostEntryAsync(string? text, IFormFile? file, CancellationToken ct)
    {
        if (await db.PlanTaskOccurrences.SingleOrDefaultAsync(o => o.Id == Id, ct) is not { } o)
        {
            return NotFound();
        }

        var role = await OccurrencesApi.RoleOfAsync(db, User, o.TaskId, ct);
        if ((role is null && !ReformAccess.CanEdit(User)) || User.UnitId() is not { } unitId)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000 || await FileTypes.ProblemAsync(file, ct) is not null)
        {
            Errors = new Dictionary<string, string[]> { ["text"] = [t["Nội dung là bắt buộc, tối đa 4000 ký tự; tệp tối đa 20 MB."]] };
            await LoadAsync(ct);
            return Page();
        }

        await OccurrencesApi.AddEntryAsync(db, files, time, o, unitId, role, text, User.Identity?.Name ?? "?", file, ct);
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await OccurrencesApi.LoadAsync(db, Id, VietnamTime.Today(time), ct) is not { } o)
        {
            return false;
        }

        Occurrence = o;
        Task = await db.PlanTasks.AsNoTracking().SingleAsync(x => x.Id == o.TaskId, ct);
        var role = await OccurrencesApi.RoleOfAsync(db, User, o.TaskId, ct);
        IsLead = role == TaskUnitRole.Lead;
        CanAdd = role is not null || ReformAccess.CanEdit(User);
        return true;
    }
}
