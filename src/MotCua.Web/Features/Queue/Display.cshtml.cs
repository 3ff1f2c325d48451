using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Queue;

/// <summary>The hall display (a TV browser): the numbers being called, refreshed by a plain meta refresh, no script.</summary>
public sealed class DisplayModel(QueueReads reads) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    public DisplayView? View { get; private set; }
    public List<MotCua.Web.Features.Organisation.OrgUnit> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await reads.DisplayAsync(Unit, ct);
        if (View is null)
        {
            Units = await reads.DeskUnitsAsync(ct);
        }
    }
}
