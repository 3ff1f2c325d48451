using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Feedback;

/// <summary>The applicant rates a returned dossier online, once.</summary>
[Authorize]
public sealed class RateModel(FeedbackService feedback) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public RatingForm Form { get; set; } = new();
    public RatingDto? Existing { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A dossier the user may not see is not offered for rating: 404, as its payment and result pages answer.
        if (!await feedback.CanSeeAsync(Code ?? "", User, ct))
        {
            return NotFound();
        }

        Existing = await feedback.RatingAsync(Code ?? "", User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await feedback.RateAsync(Code ?? "", Form.ToRequest(), User, ct))
        {
            case FeedbackService.Done<RatingDto>(var r):
                Existing = r;
                break;
            case FeedbackService.Invalid(var errors):
                Form.Errors = errors;
                break;
            case FeedbackService.Conflict(var message):
                Error = message;
                Existing = await feedback.RatingAsync(Code ?? "", User, ct);
                break;
            default:
                return NotFound();
        }

        return Page();
    }
}
