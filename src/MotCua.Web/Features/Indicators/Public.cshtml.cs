using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>Public statistics of one unit for one year: counts and rates only, no dossier and no person.</summary>
[AllowAnonymous]
public sealed class PublicModel(AppDbContext db, IndicatorService service, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public IndicatorReport? Report { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public List<OrgUnit> Units { get; private set; } = [];
    public int Year { get; private set; }
    public string? Unit { get; private set; }

    public async Task OnGetAsync(string? unit, int? year, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        Year = year is >= 1990 and <= 2100 ? year.Value : today.Year;
        Units = await db.Units.AsNoTracking().Where(u => u.Kind != UnitKind.Office && u.Kind != UnitKind.Desk).OrderBy(u => u.Path).Take(500).ToListAsync(ct);
        var end = new DateOnly(Year, 12, 31) < today ? new DateOnly(Year, 12, 31) : today;
        var start = new DateOnly(Year, 1, 1);
        var (q, errors) = await ParseIndicatorPeriod.RunAsync(db, null, start.ToString("yyyy-MM-dd"), (end < start ? start : end).ToString("yyyy-MM-dd"), unit, today, t, ct);
        Errors = errors;
        Unit = q?.Unit.Code ?? unit;
        if (q is not null)
        {
            Report = await service.ReportAsync(q.Unit, q.From, q.To, null, monthly: true, null, today, ct);
        }
    }
}
