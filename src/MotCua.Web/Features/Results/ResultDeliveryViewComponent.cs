using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Results;

/// <summary>On the staff dossier page: the applicant asked for the result by post (address to send it to).</summary>
public sealed class ResultDeliveryViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string code)
    {
        var request = await db.ResultDeliveries.AsNoTracking().SingleOrDefaultAsync(r => r.DossierCode == code);
        return request is null ? Content("") : View("/Features/Results/_ResultDelivery.cshtml", request);
    }
}
