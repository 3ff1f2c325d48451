using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Features.Payments;

/// <summary>
/// A local VNPay written from its published 2.1.0 protocol, independently of the app's code: the payment page
/// (<c>/paymentv2/vpcpay.html</c>: checks the HMAC-SHA512 over the sorted, URL-encoded query and records the order), the IPN it
/// would send (signed the same way), and the merchant API <c>querydr</c> (POST JSON, checksum over the fields joined by "|"
/// both ways). Failures on demand: a slow or failing API, an answer with a bad checksum, an IPN signed with another key.
/// </summary>
public sealed class FakeVnPay : IAsyncDisposable
{
    public const string TmnCode = "BACAI002";
    public const string Secret = "FAKEVNPAYSECRET-0123456789ABCDEF";

    private readonly LocalHttpServer _server;

    /// <summary>Orders VNPay knows, by vnp_TxnRef: amount in hundredths, and the transaction status once paid ("00") or failed ("02").</summary>
    public ConcurrentDictionary<string, (long Hundredths, string? Status)> Orders { get; } = new(StringComparer.Ordinal);

    /// <summary>querydr waits this long before answering (a timeout when longer than the merchant's client allows).</summary>
    public TimeSpan QueryDelay { get; set; } = TimeSpan.Zero;

    /// <summary>querydr answers with a checksum that does not verify.</summary>
    public bool CorruptQueryChecksum { get; set; }

    private FakeVnPay(LocalHttpServer server) => _server = server;

    public Uri PayUrl => new(_server.BaseAddress, "/paymentv2/vpcpay.html");

    public Uri ApiUrl => new(_server.BaseAddress, "/merchant_webapi/api/transaction");

    public int QueryCount => _server.Requests.Count(r => r.Path == ApiUrl.AbsolutePath);

    public static async Task<FakeVnPay> StartAsync()
    {
        var fake = new FakeVnPay(await LocalHttpServer.StartAsync());
        fake._server.Handler = fake.HandleAsync;
        return fake;
    }

    private async Task HandleAsync(HttpContext context, string body)
    {
        if (context.Request.Path == PayUrl.AbsolutePath)
        {
            // VNPay's payment page: a bad checksum is its error 70 ("Sai chữ ký"), shown to the payer instead of the bank list.
            var q = context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
            var valid = q.GetValueOrDefault("vnp_SecureHash")?.ToLowerInvariant() == Hmac(Canonical(q)) && q.GetValueOrDefault("vnp_TmnCode") == TmnCode
                && q.GetValueOrDefault("vnp_Version") == "2.1.0" && q.GetValueOrDefault("vnp_Command") == "pay";
            if (!valid || !long.TryParse(q.GetValueOrDefault("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("code=70", context.RequestAborted);
                return;
            }

            Orders[q["vnp_TxnRef"]] = (amount, null);
            await context.Response.WriteAsync("<html>VNPay: chọn ngân hàng</html>", context.RequestAborted);
            return;
        }

        if (context.Request.Path == ApiUrl.AbsolutePath)
        {
            if (QueryDelay > TimeSpan.Zero)
            {
                await Task.Delay(QueryDelay, context.RequestAborted);
            }

            var q = JsonSerializer.Deserialize<Dictionary<string, string>>(body)!;
            string[] requestFields = ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"];
            var answer = requestFields.Any(f => !q.ContainsKey(f)) || q["vnp_SecureHash"] != Hmac(string.Join('|', requestFields.Select(f => q[f]))) || q["vnp_TmnCode"] != TmnCode
                ? QueryAnswer(q.GetValueOrDefault("vnp_TxnRef") ?? "", "97", 0, "")
                : Orders.TryGetValue(q["vnp_TxnRef"], out var order) ? QueryAnswer(q["vnp_TxnRef"], "00", order.Hundredths, order.Status ?? "01")
                : QueryAnswer(q["vnp_TxnRef"], "91", 0, "");
            await context.Response.WriteAsJsonAsync(answer, context.RequestAborted);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>The payer pays (or fails) on the VNPay page: VNPay records it and sends this IPN, signed with its key (or another one).</summary>
    public Dictionary<string, string> Pay(string reference, bool success = true, long? hundredths = null, string? secret = null)
    {
        var (ordered, _) = Orders[reference];
        var status = success ? "00" : "02";
        Orders[reference] = (ordered, status);
        var p = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_Amount"] = (hundredths ?? ordered).ToString(CultureInfo.InvariantCulture),
            ["vnp_BankCode"] = "NCB",
            ["vnp_CardType"] = "ATM",
            ["vnp_OrderInfo"] = "Thanh toan phi ho so",
            ["vnp_PayDate"] = "20261207101500",
            ["vnp_ResponseCode"] = success ? "00" : "24",
            ["vnp_TmnCode"] = TmnCode,
            ["vnp_TransactionNo"] = "1422" + reference[^4..],
            ["vnp_TransactionStatus"] = status,
            ["vnp_TxnRef"] = reference,
        };
        return new Dictionary<string, string>(p, StringComparer.Ordinal)
        {
            ["vnp_SecureHashType"] = "HmacSHA512",
            ["vnp_SecureHash"] = Hmac(Canonical(p), secret ?? Secret),
        };
    }

    private Dictionary<string, string> QueryAnswer(string reference, string responseCode, long hundredths, string transactionStatus)
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_ResponseId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Command"] = "querydr",
            ["vnp_ResponseCode"] = responseCode,
            ["vnp_Message"] = responseCode == "00" ? "QueryDR Success" : "QueryDR Error",
            ["vnp_TmnCode"] = TmnCode,
            ["vnp_TxnRef"] = reference,
            ["vnp_Amount"] = hundredths.ToString(CultureInfo.InvariantCulture),
            ["vnp_BankCode"] = "NCB",
            ["vnp_PayDate"] = "20261207101500",
            ["vnp_TransactionNo"] = reference.Length >= 4 ? "1422" + reference[^4..] : "",
            ["vnp_TransactionType"] = "01",
            ["vnp_TransactionStatus"] = transactionStatus,
            ["vnp_OrderInfo"] = "Truy van giao dich " + reference,
            ["vnp_PromotionCode"] = "",
            ["vnp_PromotionAmount"] = "",
        };
        a["vnp_SecureHash"] = CorruptQueryChecksum ? new string('a', 128) : Hmac(string.Join('|', a.Values));
        return a;
    }

    /// <summary>VNPay's signing text: vnp_ fields but the hash ones, non-empty, sorted by name, URL-encoded, joined by "&amp;".</summary>
    private static string Canonical(IEnumerable<KeyValuePair<string, string>> p) => string.Join('&', p
        .Where(kv => kv.Key.StartsWith("vnp_", StringComparison.Ordinal) && kv.Key is not ("vnp_SecureHash" or "vnp_SecureHashType") && kv.Value.Length > 0)
        .OrderBy(kv => kv.Key, StringComparer.Ordinal)
        .Select(kv => WebUtility.UrlEncode(kv.Key) + "=" + WebUtility.UrlEncode(kv.Value)));

    private static string Hmac(string data, string secret = Secret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
