namespace MotCua.Web.Features.Payments;

/// <summary>What we ask the gateway to collect: our reference, the amount, where to send the payer back.</summary>
public sealed record PaymentRequest(string Reference, long AmountVnd, string OrderInfo, string ReturnUrl, string ClientIp, DateTime CreatedAtUtc, DateTime ExpiresAtUtc);

/// <summary>A verified callback (IPN or return): the gateway's word on one transaction.</summary>
public sealed record GatewayResult(string Reference, long? AmountVnd, bool Success, string ResponseCode, string? TransactionNo, string? BankCode, DateTime? PaidAtUtc);

/// <summary>One transaction as the gateway's own records show it (transaction query / daily statement).</summary>
public sealed record GatewayRecord(string Reference, long AmountVnd, GatewayStatus Status, string? TransactionNo, string? ResponseCode, string? BankCode, DateTime CreatedAtUtc, DateTime? PaidAtUtc);

public enum GatewayStatus
{
    Pending,
    Success,
    Failed,
}

/// <summary>An online payment gateway (VNPay-style): redirect the payer, receive a signed callback, query transactions for reconciliation.</summary>
public interface IPaymentGateway
{
    /// <summary>Short name stored on each payment (e.g. <c>sandbox</c>).</summary>
    string Name { get; }

    /// <summary>The signed URL of the gateway's payment page for this request.</summary>
    string CreateRedirectUrl(PaymentRequest request);

    /// <summary>Checks the signature (and merchant code) of a callback's parameters and reads them; null when it does not verify.</summary>
    GatewayResult? ReadCallback(IReadOnlyDictionary<string, string> parameters);

    /// <summary>The gateway's record of one reference, as its transaction query answers; null when it has none.</summary>
    Task<GatewayRecord?> QueryAsync(string reference, CancellationToken ct);

    /// <summary>Every transaction the gateway created in [from, to), as its reconciliation statement lists them.</summary>
    Task<IReadOnlyList<GatewayRecord>> TransactionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
