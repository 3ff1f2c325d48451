using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Features.Calendar;

/// <summary>Public page: anyone computes a due date and sees why it falls on that day.</summary>
public sealed class DueDateModel(CalendarService calendars, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReceivedOn { get; set; }
    [BindProperty(SupportsGet = true)] public string? WorkingDays { get; set; }
    [BindProperty(SupportsGet = true)] public string? PauseFrom { get; set; }
    [BindProperty(SupportsGet = true)] public string? PauseTo { get; set; }

    public Dictionary<string, string> Errors { get; } = [];
    public DueDateExplanation? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (ReceivedOn is null && WorkingDays is null)
        {
            return;
        }

        var received = Date(ReceivedOn, nameof(ReceivedOn));
        if (!int.TryParse(WorkingDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is <= 0 or > CalendarService.MaxWorkingDays)
        {
            Errors[nameof(WorkingDays)] = t["Số ngày làm việc phải là số nguyên từ 1 đến {0}.", CalendarService.MaxWorkingDays];
        }

        Pause[] pauses = [];
        if (!string.IsNullOrEmpty(PauseFrom) || !string.IsNullOrEmpty(PauseTo))
        {
            var from = Date(PauseFrom, nameof(PauseFrom));
            var to = Date(PauseTo, nameof(PauseFrom));
            if (from is { } f && to is { } e && received is { } r)
            {
                pauses = [new Pause(f, e)];
                if (WorkingCalendar.ValidatePauses(r, pauses) is not null)
                {
                    Errors[nameof(PauseFrom)] = t["Khoảng tạm dừng phải bắt đầu từ ngày tiếp nhận trở đi và kết thúc không trước ngày bắt đầu."];
                }
            }
        }

        if (Errors.Count > 0)
        {
            return;
        }

        var calendar = await calendars.ForUnitAsync(null, ct);
        Result = calendar.Explain(received!.Value, days, pauses);
    }

    private DateOnly? Date(string? text, string field)
    {
        if (DayMonthYear.TryParse(text, out var d) && WorkingCalendar.IsSupported(d))
        {
            return d;
        }

        Errors.TryAdd(field, t["Ngày không hợp lệ hoặc nằm ngoài khoảng {0}–{1}.", WorkingCalendar.MinYear, WorkingCalendar.MaxYear]);
        return null;
    }
}
