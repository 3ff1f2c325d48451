using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Feedback;

/// <summary>Public page: answered complaints and suggestions the units published, personal data masked.</summary>
public sealed class IndexModel(FeedbackService feedback) : PageModel
{
    public FeedbackDto[] Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await feedback.PublishedAsync(ct);
}
