using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

/// <summary>Where the gateway sends the payer back. It only shows the outcome: the IPN (or reconciliation) changes the records.</summary>
public sealed class ReturnModel(AppDbContext db, IPaymentGateway gateway) : PageModel
{
    public GatewayResult? Result { get; private set; }
    public Payment? Payment { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var parameters = Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        Result = gateway.ReadCallback(parameters);
        if (Result is not null)
        {
            Payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == Result.Reference, ct);
        }
    }
}
