using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace MotCua.Web.Features.Documents;

/// <summary>The workspace's section "Văn bản được giao cho tôi": open holdings, soonest deadline first.</summary>
public sealed class MyDocumentsViewComponent(ReadDocuments reads) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var items = me is null ? [] : await reads.AssignedToAsync(me, HttpContext.RequestAborted);
        return View("/Features/Documents/_MyDocuments.cshtml", items);
    }
}
