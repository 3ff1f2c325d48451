using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>The meetings of a week that the officer organises or is invited to (/Meetings?date=).</summary>
public sealed class IndexModel(MeetingReads reads, TimeProvider time) : PageModel
{
    public DateOnly Monday { get; private set; }
    public MeetingSummary[] Meetings { get; private set; } = [];
    public string? UnitCode { get; private set; }

    public async Task OnGetAsync(DateOnly? date, CancellationToken ct)
    {
        var day = date ?? VietnamTime.Today(time);
        Monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        Meetings = await reads.ListAsync(Monday, Monday.AddDays(6), null, User, ct);
        UnitCode = await reads.UnitCodeAsync(User, ct);
    }
}
