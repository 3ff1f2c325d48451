using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Queue;

/// <summary>The officer's counter page: call the next number, recall, close, mark a no-show, start the intake for the ticket's citizen.</summary>
public sealed class DeskModel(QueueReads reads, CallNext callNext, ActOnTicket act) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Counter { get; set; }
    [BindProperty] public long? TicketId { get; set; }
    [BindProperty] public string? Action { get; set; }

    public CounterView[] Counters { get; private set; } = [];
    public TicketView[] Tickets { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCallAsync(CancellationToken ct)
    {
        if (Counter is { } id)
        {
            switch (await callNext.HandleAsync(new CallNextRequest(id), User, ct))
            {
                case CallNext.Called(var ticket):
                    Notice = ticket.Label;
                    break;
                case CallNext.NobodyWaiting:
                    Notice = "none";
                    break;
                case CallNext.Invalid(_, var message):
                    Error = message;
                    break;
                case CallNext.NotFound(var message):
                    Error = message;
                    break;
                case CallNext.Busy(var message):
                    Error = message;
                    break;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(CancellationToken ct)
    {
        if (TicketId is { } id)
        {
            Error = await act.HandleAsync(id, Action, User, ct) switch
            {
                ActOnTicket.Invalid(_, var message) => message,
                ActOnTicket.NotFound(var message) => message,
                ActOnTicket.Conflict(var message) => message,
                _ => null,
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counters = await reads.CountersAsync(User, null, ct);
        Counter ??= Counters.FirstOrDefault()?.Id;
        if (Counter is { } id)
        {
            Tickets = await reads.CounterTicketsAsync(id, User, ct) ?? [];
        }
    }
}
