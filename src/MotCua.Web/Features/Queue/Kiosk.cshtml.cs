using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Queue;

/// <summary>The ticket kiosk at the desk (a device signed in with a desk account): one big button per counter, or check in with a booking code.</summary>
public sealed class KioskModel(QueueReads reads, TakeTicket take) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty] public int? CounterId { get; set; }
    [BindProperty] public string? BookingCode { get; set; }

    public CounterView[] Counters { get; private set; } = [];
    public TicketView? Ticket { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct) => await IssueAsync(new IssueRequest(CounterId, null), ct);

    public async Task<IActionResult> OnPostBookingAsync(CancellationToken ct) => await IssueAsync(new IssueRequest(null, BookingCode), ct);

    private async Task<IActionResult> IssueAsync(IssueRequest request, CancellationToken ct)
    {
        switch (await take.HandleAsync(request, User, ct))
        {
            case TakeTicket.Issued(var ticket):
                Ticket = ticket;
                break;
            case TakeTicket.Invalid(_, var message):
                Error = message;
                break;
            case TakeTicket.Conflict(var message):
                Error = message;
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counters = await reads.CountersAsync(User, Unit, ct);
        var own = User.UnitPath()?.TrimEnd('/').Split('/')[^1];
        if (string.IsNullOrEmpty(Unit) && Counters.Any(c => c.UnitCode == own))
        {
            Unit = own;
        }

        Unit ??= Counters.FirstOrDefault()?.UnitCode;
        Counters = [.. Counters.Where(c => c.UnitCode == Unit)];
    }
}
