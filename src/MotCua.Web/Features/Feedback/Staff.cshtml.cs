using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Feedback;

/// <summary>Staff handle complaints and suggestions of their subtree against the three deadlines.</summary>
public sealed class StaffModel(FeedbackService feedback) : PageModel
{
    public FeedbackDto[] Items { get; private set; } = [];
    public bool All { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(bool all, CancellationToken ct)
    {
        All = all;
        Items = await feedback.ListForStaffAsync(User, !all, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? number, string? actionName, string? text, bool publish, CancellationToken ct)
    {
        var outcome = await feedback.ActAsync(number ?? "", new FeedbackActionRequest(actionName, text, publish), User, ct);
        Error = outcome switch
        {
            FeedbackService.Invalid(var errors) => errors.Values.First()[0],
            FeedbackService.Conflict(var message) => message,
            FeedbackService.NotFound => "Không tìm thấy phản ánh, kiến nghị.",
            _ => null,
        };
        Items = await feedback.ListForStaffAsync(User, true, ct);
        return Page();
    }
}
