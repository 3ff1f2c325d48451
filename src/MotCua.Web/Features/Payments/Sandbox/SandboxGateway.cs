using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Payments;
using MotCua.Web.Features.Payments.VnPay;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments.Sandbox;

/// <summary>
/// A gateway that behaves like VNPay: a signed redirect to its payment page (served by this app under /sandbox-gateway),
/// a signed IPN and return URL, its own ledger answered through the transaction query. The tester chooses pay or fail and
/// may hold the IPN back to send it late.
/// </summary>
public sealed class SandboxGateway(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider time) : IPaymentGateway
{
    public const string PagePath = "/sandbox-gateway";

    public string Name => "sandbox";

    private SandboxOptions O => options.Value.Sandbox;

    public string CreateRedirectUrl(PaymentRequest request) =>
        PagePath + "?" + GatewaySignature.SignedQuery(VnPayProtocol.PayParameters(request, O.TmnCode, "vn"), O.HashSecret);

    public GatewayResult? ReadCallback(IReadOnlyDictionary<string, string> parameters) => VnPayProtocol.ReadCallback(parameters, O.TmnCode, O.HashSecret);

    public async Task<GatewayRecord?> QueryAsync(string reference, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var t = await db.SandboxTransactions.AsNoTracking().SingleOrDefaultAsync(x => x.TxnRef == reference, ct);
        return t is null ? null : ToRecord(t);
    }

    public async Task<IReadOnlyList<GatewayRecord>> TransactionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.SandboxTransactions.AsNoTracking().Where(x => x.CreatedAtUtc >= fromUtc && x.CreatedAtUtc < toUtc).OrderBy(x => x.Id).ToListAsync(ct);
        return [.. rows.Select(ToRecord)];
    }

    /// <summary>The payment page opens: checks the merchant's signed request and enters it in the ledger (once).</summary>
    public async Task<(SandboxTransaction? Txn, string? Error)> OpenAsync(IReadOnlyDictionary<string, string> query, CancellationToken ct)
    {
        if (!GatewaySignature.Verify(query, O.HashSecret) || query.GetValueOrDefault("vnp_TmnCode") != O.TmnCode)
        {
            return (null, "Chữ ký yêu cầu thanh toán không hợp lệ (mã lỗi 97).");
        }

        var amount = GatewaySignature.ParseAmount(query.GetValueOrDefault("vnp_Amount"));
        var reference = query.GetValueOrDefault("vnp_TxnRef");
        var expires = ParseLocal(query.GetValueOrDefault("vnp_ExpireDate"));
        if (amount is not > 0 || string.IsNullOrEmpty(reference) || expires is null)
        {
            return (null, "Yêu cầu thanh toán thiếu thông tin (mã lỗi 03).");
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var txn = await db.SandboxTransactions.SingleOrDefaultAsync(x => x.TxnRef == reference, ct);
        if (txn is null)
        {
            if (now > expires)
            {
                return (null, "Giao dịch đã quá thời gian chờ thanh toán (mã lỗi 11).");
            }

            txn = new SandboxTransaction
            {
                TxnRef = reference,
                AmountVnd = amount.Value,
                OrderInfo = query.GetValueOrDefault("vnp_OrderInfo") ?? "",
                ReturnUrl = query.GetValueOrDefault("vnp_ReturnUrl") ?? "/",
                CreatedAtUtc = now,
                ExpiresAtUtc = expires.Value,
                Status = "created",
            };
            db.SandboxTransactions.Add(txn);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                txn = await db.SandboxTransactions.SingleAsync(x => x.TxnRef == reference, ct);
            }
        }
        else if (txn.AmountVnd != amount)
        {
            return (null, "Số tiền khác với giao dịch đã tạo (mã lỗi 04).");
        }

        return (txn, null);
    }

    /// <summary>The tester pays or fails; unless the IPN is held, the gateway notifies the merchant at once. Returns the signed return URL.</summary>
    public async Task<string?> CompleteAsync(string reference, bool pay, bool holdIpn, CancellationToken ct)
    {
        SandboxTransaction txn;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var found = await db.SandboxTransactions.SingleOrDefaultAsync(x => x.TxnRef == reference, ct);
            if (found is null)
            {
                return null;
            }

            txn = found;
            if (txn.Status == "created")
            {
                var now = time.GetUtcNow().UtcDateTime;
                if (now > txn.ExpiresAtUtc)
                {
                    pay = false;
                }

                txn.Status = pay ? "success" : "failed";
                txn.ResponseCode = pay ? "00" : now > txn.ExpiresAtUtc ? "11" : "24";
                txn.BankCode = "NCB";
                txn.TransactionNo = RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
                txn.PaidAtUtc = pay ? now : null;
                txn.IpnHeld = holdIpn;
                await db.SaveChangesAsync(ct);
            }
        }

        if (!holdIpn)
        {
            await DeliverIpnAsync(reference, ct);
        }

        return txn.ReturnUrl + (txn.ReturnUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + GatewaySignature.SignedQuery(CallbackParameters(txn), O.HashSecret);
    }

    /// <summary>Sends (or re-sends) the IPN for a finished transaction to the merchant, as the gateway's retry would.</summary>
    public async Task<IpnResponse?> DeliverIpnAsync(string reference, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var txn = await db.SandboxTransactions.SingleOrDefaultAsync(x => x.TxnRef == reference, ct);
        if (txn is null || txn.Status == "created")
        {
            return null;
        }

        txn.IpnAttempts++;
        txn.IpnHeld = false;
        await db.SaveChangesAsync(ct);
        var signed = SignedCallback(txn);
        // In process rather than over HTTP: the same handler as GET /api/v1/payments/ipn, in its own scope (see ADR 0011).
        using var merchant = scopes.CreateScope();
        return await merchant.ServiceProvider.GetRequiredService<PaymentCallbacks>().HandleIpnAsync(signed, ct);
    }

    /// <summary>The signed callback parameters for a finished transaction (what the IPN and the return URL carry).</summary>
    public Dictionary<string, string> SignedCallback(SandboxTransaction txn)
    {
        var p = CallbackParameters(txn);
        p[GatewaySignature.HashField] = GatewaySignature.Sign(p, O.HashSecret);
        return p;
    }

    private Dictionary<string, string> CallbackParameters(SandboxTransaction txn)
    {
        var p = new Dictionary<string, string>
        {
            ["vnp_TmnCode"] = O.TmnCode,
            ["vnp_Amount"] = GatewaySignature.Amount(txn.AmountVnd),
            ["vnp_BankCode"] = txn.BankCode ?? "",
            ["vnp_OrderInfo"] = txn.OrderInfo,
            ["vnp_ResponseCode"] = txn.ResponseCode ?? "99",
            ["vnp_TransactionStatus"] = txn.Status == "success" ? "00" : "02",
            ["vnp_TransactionNo"] = txn.TransactionNo ?? "0",
            ["vnp_TxnRef"] = txn.TxnRef,
        };
        if (txn.PaidAtUtc is { } paid)
        {
            p["vnp_PayDate"] = Local(paid);
        }

        return p;
    }

    private static GatewayRecord ToRecord(SandboxTransaction t) => new(
        t.TxnRef, t.AmountVnd, t.Status switch { "success" => GatewayStatus.Success, "failed" => GatewayStatus.Failed, _ => GatewayStatus.Pending },
        t.TransactionNo, t.ResponseCode, t.BankCode, t.CreatedAtUtc, t.PaidAtUtc);

    private static string Local(DateTime utc) => VnPayProtocol.Local(utc);

    private static DateTime? ParseLocal(string? value) => VnPayProtocol.ParseLocal(value);
}
