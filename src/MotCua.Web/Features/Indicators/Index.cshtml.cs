using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>The leader's dashboard: indicators beside the plan's targets, the monthly trend and the ranking of child units.</summary>
public sealed class IndexModel(AppDbContext db, IndicatorService service, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public IndicatorReport? Report { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public List<OrgUnit> Units { get; private set; } = [];
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? Unit { get; private set; }

    /// <summary>The figures include the history of the units that ended into the chosen one.</summary>
    public bool IncludePredecessors { get; private set; }

    public async Task OnGetAsync(string? from, string? to, string? unit, bool includePredecessors, CancellationToken ct)
    {
        IncludePredecessors = includePredecessors;
        var today = VietnamTime.Today(time);
        Units = await db.Units.AsNoTracking().InScopeOf(User).OrderBy(u => u.Path).Take(500).ToListAsync(ct);
        var (q, errors) = await ParseIndicatorPeriod.RunAsync(db, User, from, to, unit, today, t, ct);
        Errors = errors;
        if (q is null)
        {
            (From, To, Unit) = (from, to, unit);
            return;
        }

        (From, To, Unit) = (q.From.ToString("yyyy-MM-dd"), q.To.ToString("yyyy-MM-dd"), q.Unit.Code);
        Report = await service.ReportAsync(q.Unit, q.From, q.To, q.From.Year - 1, monthly: true, Breakdown.Unit, today, ct, includePredecessors);
    }

    public string DrillLink(string indicator, string part) =>
        $"/api/v1/indicators/dossiers?indicator={indicator}&part={part}&from={From}&to={To}&unit={Uri.EscapeDataString(Unit ?? "")}";
}
