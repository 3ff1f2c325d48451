using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public PlanDto[] Plans { get; private set; } = [];
    public bool CanEdit => ReformAccess.CanEdit(User);

    public async Task OnGetAsync(CancellationToken ct) => Plans = await ReadPlans.PlanQuery(db).ToArrayAsync(ct);
}
