using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>The unit's published weekly work schedule (lịch công tác tuần), open to anyone: official names and titles only.</summary>
public sealed class WeekModel(MeetingReads reads, TimeProvider time) : PageModel
{
    public WeekSchedule? Week { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? unit, DateOnly? date, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unit) || unit.Length > 40)
        {
            return NotFound();
        }

        Week = await reads.WeekAsync(unit, date ?? VietnamTime.Today(time), ct);
        return Week is null ? NotFound() : Page();
    }
}
