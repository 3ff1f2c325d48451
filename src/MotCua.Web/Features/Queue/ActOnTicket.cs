using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

public sealed record TicketActionRequest(string? Action);

/// <summary>
/// Recalls a called ticket, closes it, or marks it a no-show. One handler, as for <see cref="Dossiers.ActOnDossier"/>: the three
/// actions share one state table and one guarded update, and the API takes the action by name.
/// </summary>
public sealed class ActOnTicket(AppDbContext db, TimeProvider time, QueueReads reads, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Done(TicketView Ticket) : Outcome;

    public sealed record NotFound(string Message) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    /// <summary>The action does not fit the ticket's state, or someone else changed it first.</summary>
    public sealed record Conflict(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, string? action, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var ticket = await db.QueueTickets.SingleOrDefaultAsync(x => x.Id == id && x.UnitPath.StartsWith(scope), ct);
        if (ticket is null)
        {
            return new NotFound(t["Không tìm thấy số thứ tự."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var from = ticket.Status;
        (TicketStatus To, bool Allowed) change = action switch
        {
            "recall" => (TicketStatus.Called, from == TicketStatus.Called),
            "close" => (TicketStatus.Closed, from == TicketStatus.Called),
            "no-show" => (TicketStatus.NoShow, from is TicketStatus.Called or TicketStatus.Waiting),
            _ => (from, false),
        };
        if (action is not ("recall" or "close" or "no-show"))
        {
            return new Invalid("action", t["Thao tác phải là recall, close hoặc no-show."]);
        }

        if (!change.Allowed)
        {
            return new Conflict(t["Không thể thực hiện thao tác này với số {0} ở trạng thái hiện tại.", ticket.Label]);
        }

        var updated = await db.QueueTickets.Where(x => x.Id == id && x.Status == from).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, change.To)
            .SetProperty(x => x.LastCalledAtUtc, x => action == "recall" ? now : x.LastCalledAtUtc)
            .SetProperty(x => x.ClosedAtUtc, x => change.To == TicketStatus.Called ? x.ClosedAtUtc : now), ct);
        if (updated == 0)
        {
            return new Conflict(t["Số {0} vừa được người khác cập nhật: hãy tải lại.", ticket.Label]);
        }

        return new Done((await reads.TicketAsync(id, user, ct))!);
    }
}
