using Microsoft.AspNetCore.Mvc;

namespace MotCua.Web.Features.Meetings;

/// <summary>The meetings part of "Việc của tôi": invited meetings ahead (to answer or to join) and the officer's tasks from meetings.</summary>
public sealed class MyMeetingsViewComponent(MeetingReads reads) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Features/Meetings/_MyMeetings.cshtml", await reads.MineAsync(UserClaimsPrincipal, HttpContext.RequestAborted));
}
