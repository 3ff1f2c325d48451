using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Payments;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments.VnPay;

/// <summary>
/// VNPay (protocol 2.1.0): the payer is redirected to <c>Payments:VnPay:PayUrl</c> with a request signed by HMAC-SHA512 over
/// the sorted, URL-encoded query; VNPay's IPN comes to <c>GET /api/v1/payments/ipn</c> and goes through the same
/// <see cref="PaymentCallbacks"/> as every gateway; the reconciliation asks VNPay's merchant API (<c>querydr</c>) per payment,
/// since VNPay publishes no statement API.
/// </summary>
public sealed class VnPayGateway(IOptions<PaymentOptions> options, IHttpClientFactory clients, IServiceScopeFactory scopes, TimeProvider time) : IPaymentGateway
{
    public const string HttpClientName = "vnpay";

    public string Name => "vnpay";

    private VnPayOptions O => options.Value.VnPay;

    public string CreateRedirectUrl(PaymentRequest request)
    {
        var url = O.PayUrl;
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + GatewaySignature.SignedQuery(VnPayProtocol.PayParameters(request, O.TmnCode, O.Locale), O.HashSecret);
    }

    public GatewayResult? ReadCallback(IReadOnlyDictionary<string, string> parameters) => VnPayProtocol.ReadCallback(parameters, O.TmnCode, O.HashSecret);

    public async Task<GatewayRecord?> QueryAsync(string reference, CancellationToken ct)
    {
        DateTime createdAtUtc;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var created = await db.Payments.AsNoTracking().Where(p => p.Reference == reference).Select(p => (DateTime?)p.CreatedAtUtc).SingleOrDefaultAsync(ct);
            if (created is null)
            {
                // querydr needs the date of our own pay request: a reference we never created cannot be asked about.
                return null;
            }

            createdAtUtc = created.Value;
        }

        var request = QueryRequest(reference, createdAtUtc, Guid.NewGuid().ToString("N"), time.GetUtcNow().UtcDateTime);
        using var response = await clients.CreateClient(HttpClientName).PostAsJsonAsync(O.ApiUrl, request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"VNPay querydr answered {(int)response.StatusCode} for {reference}.", null, response.StatusCode);
        }

        var answer = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>(ct)
            ?? throw new InvalidDataException($"VNPay querydr gave an empty answer for {reference}.");
        return ReadQueryAnswer(reference, createdAtUtc, answer.ToDictionary(kv => kv.Key, kv => kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString() ?? "" : kv.Value.GetRawText(), StringComparer.Ordinal));
    }

    /// <summary>VNPay has no statement API: the reconciliation falls back on <see cref="QueryAsync"/> for each of our payments.</summary>
    public Task<IReadOnlyList<GatewayRecord>> TransactionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GatewayRecord>>([]);

    /// <summary>The querydr body, its checksum over the fields joined by "|" in VNPay's fixed order.</summary>
    public Dictionary<string, string> QueryRequest(string reference, DateTime createdAtUtc, string requestId, DateTime nowUtc)
    {
        var p = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_RequestId"] = requestId,
            ["vnp_Version"] = VnPayProtocol.Version,
            ["vnp_Command"] = "querydr",
            ["vnp_TmnCode"] = O.TmnCode,
            ["vnp_TxnRef"] = reference,
            ["vnp_OrderInfo"] = "Truy van giao dich " + reference,
            ["vnp_TransactionDate"] = VnPayProtocol.Local(createdAtUtc),
            ["vnp_CreateDate"] = VnPayProtocol.Local(nowUtc),
            ["vnp_IpAddr"] = "127.0.0.1",
        };
        p["vnp_SecureHash"] = Hmac(string.Join('|', QueryRequestFields.Select(f => p[f])));
        return p;
    }

    /// <summary>Checks the answer's checksum and reads it; null when VNPay has no such transaction (code 91).</summary>
    public GatewayRecord? ReadQueryAnswer(string reference, DateTime createdAtUtc, IReadOnlyDictionary<string, string> answer)
    {
        var data = string.Join('|', QueryAnswerFields.Select(f => answer.GetValueOrDefault(f) ?? ""));
        var given = answer.GetValueOrDefault("vnp_SecureHash") ?? "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hmac(data)), Encoding.ASCII.GetBytes(given.ToLowerInvariant())))
        {
            throw new InvalidDataException($"VNPay querydr answer for {reference} has an invalid checksum.");
        }

        var code = answer.GetValueOrDefault("vnp_ResponseCode");
        if (code == "91")
        {
            return null;
        }

        if (code != "00" || answer.GetValueOrDefault("vnp_TxnRef") != reference)
        {
            throw new InvalidDataException($"VNPay querydr for {reference} answered {code}: {answer.GetValueOrDefault("vnp_Message")}");
        }

        var transactionStatus = answer.GetValueOrDefault("vnp_TransactionStatus");
        // 00 paid; 02 failed, 04 reversed; anything else (01 unfinished, 07 suspected fraud, refunds) is left for a person to judge.
        var status = transactionStatus switch
        {
            "00" => GatewayStatus.Success,
            "02" or "04" => GatewayStatus.Failed,
            _ => GatewayStatus.Pending,
        };
        var amount = GatewaySignature.ParseAmount(answer.GetValueOrDefault("vnp_Amount"))
            ?? throw new InvalidDataException($"VNPay querydr for {reference} carries no valid amount.");
        return new GatewayRecord(
            reference, amount, status, answer.GetValueOrDefault("vnp_TransactionNo"), transactionStatus, answer.GetValueOrDefault("vnp_BankCode"),
            createdAtUtc, status == GatewayStatus.Success ? VnPayProtocol.ParseLocal(answer.GetValueOrDefault("vnp_PayDate")) : null);
    }

    public static readonly string[] QueryRequestFields =
        ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"];

    public static readonly string[] QueryAnswerFields =
    [
        "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode",
        "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount",
    ];

    private string Hmac(string data) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(O.HashSecret), Encoding.UTF8.GetBytes(data)));
}

/// <summary>
/// Outside demo mode with no real gateway configured: online payment is off (the desk collects fees), no callback is
/// served, and starting a payment is refused with a message rather than sent to a page that does not exist.
/// </summary>
public sealed class UnavailableGateway : IPaymentGateway
{
    public string Name => "none";

    public string CreateRedirectUrl(PaymentRequest request) => throw new InvalidOperationException("No payment gateway is configured (Payments:Gateway).");

    public GatewayResult? ReadCallback(IReadOnlyDictionary<string, string> parameters) => null;

    public Task<GatewayRecord?> QueryAsync(string reference, CancellationToken ct) => Task.FromResult<GatewayRecord?>(null);

    public Task<IReadOnlyList<GatewayRecord>> TransactionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GatewayRecord>>([]);
}
