using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class OverviewModel(AppDbContext db, TimeProvider time) : PageModel
{
    // A date outside 1900–2100 (fuzzed 0001-01-01, 9999-12-31) overflows the due-date arithmetic: such a day shows today.
    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    public OverviewDto Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Data = await BuildReformOverview.BuildAsync(db, User, On is { Year: >= 1900 and <= 2100 } on ? on : VietnamTime.Today(time), ct);
}
