using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

public sealed record CallNextRequest(int? CounterId);

/// <summary>Calls the next waiting ticket of the counter (booked tickets first, then by number).</summary>
public sealed class CallNext(AppDbContext db, TimeProvider time, QueueReads reads, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Called(TicketView Ticket) : Outcome;

    public sealed record NobodyWaiting : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record NotFound(string Message) : Outcome;

    /// <summary>Other officers kept winning the race for the next ticket.</summary>
    public sealed record Busy(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(CallNextRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.CounterId is not { } counterId)
        {
            return new Invalid("counterId", t["Chọn một quầy phục vụ của đơn vị."]);
        }

        var scope = user.ScopePath();
        if (!await db.ServiceCounters.AnyAsync(c => c.Id == counterId && c.UnitPath.StartsWith(scope), ct))
        {
            return new NotFound(t["Không tìm thấy quầy."]);
        }

        var today = VietnamTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var officer = user.FindFirstValue(ClaimTypes.NameIdentifier);
        // Two officers at one counter may race for the same ticket: the status guard lets one win, the other takes the next.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var next = await db.QueueTickets.Where(x => x.CounterId == counterId && x.Day == today && x.Status == TicketStatus.Waiting)
                .OrderBy(x => x.BookingId == null).ThenBy(x => x.Number).Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);
            if (next is not { } id)
            {
                return new NobodyWaiting();
            }

            var won = await db.QueueTickets.Where(x => x.Id == id && x.Status == TicketStatus.Waiting).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, TicketStatus.Called).SetProperty(x => x.CalledAtUtc, now).SetProperty(x => x.LastCalledAtUtc, now)
                .SetProperty(x => x.OfficerId, officer), ct);
            if (won == 1)
            {
                return await reads.TicketAsync(id, user, ct) is { } ticket ? new Called(ticket) : new NobodyWaiting();
            }
        }

        return new Busy(t["Quầy đang bận, hãy thử lại."]);
    }
}
