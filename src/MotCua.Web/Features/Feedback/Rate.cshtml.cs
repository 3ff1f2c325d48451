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

    public async Task OnGetAsync(CancellationToken ct) => Existing = await feedback.RatingAsync(Code ?? "", User, ct);

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
