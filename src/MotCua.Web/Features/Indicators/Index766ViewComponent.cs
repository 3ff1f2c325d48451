using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>The values the dashboard section of the national index shows: the report, or the errors of its own year/quarter form.</summary>
public sealed record Index766Section(string? Unit, string? From, string? To, string? Year, string? Quarter, Index766Report? Report, Dictionary<string, string[]> Errors);

/// <summary>
/// The dashboard's section "Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)": the unit chosen on the dashboard, the year of its
/// period end unless the section's own form (year766, quarter766) asks for another year or a quarter.
/// </summary>
public sealed class Index766ViewComponent(ReadIndex766 read, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? unit, string? from, string? to)
    {
        var query = HttpContext.Request.Query;
        var year = query["year766"].ToString() is { Length: > 0 } y ? y : to is { Length: >= 4 } ? to[..4] : null;
        var quarter = query["quarter766"].ToString() is { Length: > 0 } q ? q : null;
        var outcome = await read.HandleAsync(UserClaimsPrincipal, unit, year, quarter, VietnamTime.Today(time), HttpContext.RequestAborted);
        var section = outcome switch
        {
            ReadIndex766.Found(var report) => new Index766Section(unit, from, to, year, quarter, report, []),
            ReadIndex766.Invalid(var errors) => new Index766Section(unit, from, to, year, quarter, null, errors),
            _ => new Index766Section(unit, from, to, year, quarter, null, []),
        };
        return View("/Features/Indicators/_Index766.cshtml", section);
    }
}
