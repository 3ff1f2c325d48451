using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Feedback;

/// <summary>Anyone sends a complaint or suggestion; what was typed stays on the page when something is wrong.</summary>
public sealed class SendModel(FeedbackService feedback) : PageModel
{
    [BindProperty] public FeedbackKind? Kind { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? SenderName { get; set; }
    [BindProperty] public string? SenderPhone { get; set; }
    [BindProperty] public string? SenderEmail { get; set; }
    [BindProperty(SupportsGet = true)] public string? DossierCode { get; set; }
    [BindProperty] public string? Verifier { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public FeedbackDto? Sent { get; private set; }

    public void OnGet()
    {
        SenderName ??= User.FindFirst(AppClaims.FullName)?.Value;
        Kind ??= string.IsNullOrEmpty(DossierCode) ? FeedbackKind.Suggestion : FeedbackKind.Complaint;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await feedback.SubmitAsync(new FeedbackRequest(Kind, Subject, Text, SenderName, SenderPhone, SenderEmail, DossierCode, Verifier), User, ct))
        {
            case FeedbackService.Done<FeedbackDto>(var f):
                Sent = f;
                break;
            case FeedbackService.Invalid(var errors):
                Errors = errors;
                break;
            case FeedbackService.Conflict(var message):
                Errors = new() { ["content"] = [message] };
                break;
        }

        return Page();
    }
}
