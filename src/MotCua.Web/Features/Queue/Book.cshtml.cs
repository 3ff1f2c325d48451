using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Queue;

/// <summary>Public booking: choose the desk, the procedure, the day and a slot; the page shows the booking code. Cancellation by code and phone.</summary>
public sealed class BookModel(QueueReads reads, ListSlots listSlots, BookSlot book, CancelBooking cancel) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty] public int? SlotId { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? CancelCode { get; set; }
    [BindProperty] public string? PhoneLast4 { get; set; }

    public List<OrgUnit> Units { get; private set; } = [];
    public List<(string Code, string Name)> Procedures { get; private set; } = [];
    public List<DateOnly> Days { get; private set; } = [];
    public SlotView[] Slots { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; } = [];
    public BookingView? Booked { get; private set; }
    public BookingView? Cancelled { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(FullName) && User.IsInRole(Roles.Citizen))
        {
            FullName = User.FindFirst(AppClaims.FullName)?.Value;
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await book.HandleAsync(new BookRequest(SlotId, Procedure, FullName, Phone), User, ct))
        {
            case BookSlot.Booked(var booking):
                Booked = booking;
                break;
            case BookSlot.Invalid(var field, var message):
                Errors[field] = [message];
                break;
            case BookSlot.Full(var message):
                Errors["slotId"] = [message];
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        switch (await cancel.HandleAsync(CancelCode, PhoneLast4, ct))
        {
            case CancelBooking.Cancelled(var booking):
                Cancelled = booking;
                break;
            case CancelBooking.Invalid(_, var message):
                Errors["cancelCode"] = [message];
                break;
            case CancelBooking.TooLate(var message):
                Errors["cancelCode"] = [message];
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await reads.DeskUnitsAsync(ct);
        var unit = Units.FirstOrDefault(u => u.Code == Unit);
        if (unit is null)
        {
            return;
        }

        Procedures = await reads.ProceduresAtAsync(unit.Id, ct);
        Days = await reads.BookableDaysAsync(unit, ct);
        if (Date is { } day && Days.Contains(day) && Procedures.Any(p => p.Code == Procedure))
        {
            Slots = await listSlots.HandleAsync(unit.Code, day, ct) is ListSlots.Listed(var slots) ? slots : [];
        }
    }
}
