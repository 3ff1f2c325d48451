using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Queue;

/// <summary>The officer's counter page: call the next number, recall, close, mark a no-show, start the intake for the ticket's citizen.</summary>
public sealed class DeskModel(QueueService queue) : PageModel
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
            var (ticket, error) = await queue.CallNextAsync(id, User, ct);
            Error = error?.Message;
            Notice = ticket is null && error is null ? "none" : ticket?.Label;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(CancellationToken ct)
    {
        if (TicketId is { } id)
        {
            Error = (await queue.ActAsync(id, Action, User, ct)).Error?.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counters = await queue.CountersAsync(User, null, ct);
        Counter ??= Counters.FirstOrDefault()?.Id;
        if (Counter is { } id)
        {
            Tickets = await queue.CounterTicketsAsync(id, User, ct) ?? [];
        }
    }
}
