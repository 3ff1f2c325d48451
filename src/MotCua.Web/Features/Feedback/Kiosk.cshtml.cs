using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Feedback;

/// <summary>A tablet at the desk: the applicant types the dossier code and the last 4 digits of the ID or phone, then rates.</summary>
public sealed class KioskModel(FeedbackService feedback) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Verifier { get; set; }
    [BindProperty] public RatingForm Form { get; set; } = new();
    public string? Error { get; private set; }
    public bool Thanked { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await feedback.RateAsync(Code?.Trim() ?? "", Form.ToRequest(Verifier?.Trim()), User, ct))
        {
            case FeedbackService.Done<RatingDto>:
                Thanked = true;
                (Code, Verifier, Form) = (null, null, new RatingForm());
                ModelState.Clear();
                break;
            case FeedbackService.Invalid(var errors):
                Form.Errors = errors;
                break;
            case FeedbackService.Conflict(var message):
                Error = message;
                break;
            default:
                Form.Errors = new() { ["code"] = ["Không tìm thấy hồ sơ."] };
                break;
        }

        return Page();
    }
}
