using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Payments.Sandbox;

/// <summary>The sandbox gateway's payment page: the tester pays or fails, and may hold the IPN back to send it late.</summary>
public sealed class PayModel(SandboxGateway sandbox) : PageModel
{
    public SandboxTransaction? Txn { get; private set; }
    public string? Error { get; private set; }
    public IpnResponse? IpnAnswer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        (Txn, Error) = await sandbox.OpenAsync(query, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? txnRef, string? outcome, bool holdIpn, CancellationToken ct)
    {
        var back = await sandbox.CompleteAsync(txnRef ?? "", outcome == "pay", holdIpn, ct);
        if (back is null)
        {
            Error = "Không tìm thấy giao dịch.";
            return Page();
        }

        return Redirect(back);
    }

    public async Task<IActionResult> OnPostSendIpnAsync(string? txnRef, CancellationToken ct)
    {
        IpnAnswer = await sandbox.DeliverIpnAsync(txnRef ?? "", ct);
        Error = IpnAnswer is null ? "Giao dịch chưa hoàn tất hoặc không tồn tại." : null;
        return Page();
    }
}
