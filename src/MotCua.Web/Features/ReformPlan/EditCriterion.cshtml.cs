using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class EditCriterionModel(AppDbContext db, SaveCriterion save) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int SchemeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? ParentCode { get; set; }

    /// <summary>Text, so that a typed "abc" or "2,5" is parsed here and reported in Vietnamese.</summary>
    [BindProperty]
    public string? MaxPoints { get; set; }

    [BindProperty]
    public bool EvidenceRequired { get; set; }

    public SchemeDto Scheme { get; private set; } = null!;
    public bool Scored { get; private set; }
    public bool HasChildren { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Id is { } id)
        {
            var c = Scheme.Criteria.Single(x => x.Id == id);
            (Code, Title, ParentCode, MaxPoints, EvidenceRequired) = (c.Code, c.Title, c.ParentCode, c.MaxPoints.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), c.EvidenceRequired);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var max = RecordTargetMeasurement.ParseValue(MaxPoints);
        switch (await save.HandleAsync(SchemeId, Id, new CriterionRequest(Code, Title, ParentCode, HasChildren ? null : max ?? -1, EvidenceRequired), User, ct))
        {
            case SaveCriterion.Saved(var criterion):
                return Redirect($"/ReformPlan/Scheme?id={SchemeId}#c-{criterion.Id}");
            case SaveCriterion.Invalid(var errors):
                Errors = errors;
                return Page();
            case SaveCriterion.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ReadSchemes.LoadAsync(db, SchemeId, ct) is not { } s || (Id is { } id && s.Criteria.All(c => c.Id != id)))
        {
            return false;
        }

        Scheme = s;
        Scored = Id is { } cid && await db.Assessments.AnyAsync(a => a.CriterionId == cid, ct);
        HasChildren = Id is { } pid && s.Criteria.Any(c => c.ParentCode == s.Criteria.Single(x => x.Id == pid).Code);
        return true;
    }
}
