using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Operations;

/// <summary>Administrators see each scheduled job's last run; a missed run is an alarm at the top of the page.</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class IndexModel(ScheduledJobs jobs, AppDbContext db) : PageModel
{
    public JobStatus[] Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Jobs = await jobs.StatusAsync(db, ct);
}
