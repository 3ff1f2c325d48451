using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Payments.Sandbox;

/// <summary>
/// The sandbox gateway's payment page: the tester pays or fails, and may hold the IPN back to send it late. It exists only
/// while the sandbox is the gateway (demo mode): otherwise every request is answered 404, as for a page that is not there.
/// </summary>
public sealed class PayModel(IPaymentGateway gateway) : PageModel
{
    private readonly SandboxGateway? _sandbox = gateway as SandboxGateway;

    public SandboxTransaction? Txn { get; private set; }
    public string? Error { get; private set; }
    public IpnResponse? IpnAnswer { get; private set; }

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (_sandbox is null)
        {
            context.Result = NotFound();
        }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        (Txn, Error) = await _sandbox!.OpenAsync(query, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? txnRef, string? outcome, bool holdIpn, CancellationToken ct)
    {
        var back = await _sandbox!.CompleteAsync(txnRef ?? "", outcome == "pay", holdIpn, ct);
        if (back is null)
        {
            Error = "Không tìm thấy giao dịch.";
            return Page();
        }

        return Redirect(back);
    }

    public async Task<IActionResult> OnPostSendIpnAsync(string? txnRef, CancellationToken ct)
    {
        IpnAnswer = await _sandbox!.DeliverIpnAsync(txnRef ?? "", ct);
        Error = IpnAnswer is null ? "Giao dịch chưa hoàn tất hoặc không tồn tại." : null;
        return Page();
    }
}
