using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class OverviewModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    public OverviewDto Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Data = await BuildReformOverview.BuildAsync(db, User, On ?? VietnamTime.Today(time), ct);
}
