using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Queue;

/// <summary>Waiting and service times per counter and day in the officer's subtree.</summary>
public sealed class StatsModel(ReadQueueStats stats) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public CounterDayStats[] Rows { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        switch (await stats.HandleAsync(User, From, To, ct))
        {
            case ReadQueueStats.Listed(var rows):
                Rows = rows;
                break;
            case ReadQueueStats.Invalid(_, var message):
                Error = message;
                break;
        }
    }
}
