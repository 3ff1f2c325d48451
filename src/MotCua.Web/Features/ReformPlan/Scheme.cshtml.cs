using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class SchemeModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public SchemeDto Scheme { get; private set; } = null!;
    public HashSet<int> Scored { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => !ReformAccess.CanEdit(User) ? Forbid() : await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int criterionId, string? direction, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        if (!await db.ScoringCriteria.AnyAsync(c => c.Id == criterionId && c.SchemeId == Id, ct))
        {
            return NotFound();
        }

        await SchemesApi.MoveAsync(db, Id, criterionId, direction == "up", ct);
        return Redirect($"/ReformPlan/Scheme?id={Id}#c-{criterionId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int criterionId, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        if (!await db.ScoringCriteria.AnyAsync(c => c.Id == criterionId && c.SchemeId == Id, ct))
        {
            return NotFound();
        }

        if (await SchemesApi.DeleteCriterionAsync(db, Id, criterionId, t, ct) is { } problem)
        {
            Errors = new Dictionary<string, string[]> { [$"c-{criterionId}"] = [problem] };
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/ReformPlan/Scheme?id={Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await SchemesApi.LoadAsync(db, Id, ct) is not { } s)
        {
            return false;
        }

        Scheme = s;
        Scored = await SchemesApi.ScoredAsync(db, Id, ct);
        return true;
    }
}
