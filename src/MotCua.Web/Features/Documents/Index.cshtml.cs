using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Documents;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Documents;

/// <summary>The registers: incoming and outgoing documents of the user's subtree, searched without diacritics.</summary>
[Authorize(Policy = AccountsSetup.StaffPolicy)]
public sealed class IndexModel(ReadDocuments reads) : PageModel
{
    public string? Q { get; private set; }
    public string? Direction { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public DocumentPage Result { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync(string? q, string? direction, DateOnly? from, DateOnly? to, int? p, CancellationToken ct)
    {
        (Q, Direction, From, To) = (q is { Length: > 200 } ? q[..200] : q, direction, from, to);
        DocumentDirection? dir = direction switch { "incoming" => DocumentDirection.Incoming, "outgoing" => DocumentDirection.Outgoing, _ => null };
        Result = await reads.ListAsync(User, Q, dir, from, to, Math.Clamp(p ?? 1, 1, 100_000), 50, ct);
    }
}
