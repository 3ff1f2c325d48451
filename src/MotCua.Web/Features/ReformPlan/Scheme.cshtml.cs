using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class SchemeModel(AppDbContext db, MoveCriterion move, DeleteCriterion delete) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public SchemeDto Scheme { get; private set; } = null!;
    public HashSet<int> Scored { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => !ReformAccess.CanEdit(User) ? Forbid() : await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int criterionId, string? direction, CancellationToken ct)
    {
        // Any button other than "up" moves down, as the form only offers the two.
        return await move.HandleAsync(Id, criterionId, new MoveRequest(direction == "up" ? "up" : "down"), User, ct) switch
        {
            MoveCriterion.Moved => Redirect($"/ReformPlan/Scheme?id={Id}#c-{criterionId}"),
            MoveCriterion.NotFound => NotFound(),
            _ => Forbid(),
        };
    }

    public async Task<IActionResult> OnPostDeleteAsync(int criterionId, CancellationToken ct)
    {
        switch (await delete.HandleAsync(Id, criterionId, User, ct))
        {
            case DeleteCriterion.Deleted:
                return Redirect($"/ReformPlan/Scheme?id={Id}");
            case DeleteCriterion.Refused(var problem):
                Errors = new Dictionary<string, string[]> { [$"c-{criterionId}"] = [problem] };
                await LoadAsync(ct);
                return Page();
            case DeleteCriterion.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ReadSchemes.LoadAsync(db, Id, ct) is not { } s)
        {
            return false;
        }

        Scheme = s;
        Scored = await ReadSchemes.ScoredAsync(db, Id, ct);
        return true;
    }
}
