using System.Net;
using Microsoft.AspNetCore.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Payments.VnPay;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Payments;

/// <summary>
/// The VNPay gateway. The signatures are checked against a worked example whose HMAC-SHA512 was computed outside the app
/// (<c>printf '%s' "$CANONICAL" | openssl dgst -sha512 -hmac "$SECRET"</c>); the callback and the transaction query against
/// VNPay's rules rewritten in the test, the query over real HTTP to a stand-in of VNPay's merchant API.
/// </summary>
public sealed class VnPayGatewayTests
{
    private const string Secret = "VNPAYTESTSECRET0123456789ABCDEFG";
    private const string TmnCode = "BACAI001";
    private const string PayUrl = "https://pay.example.vn/vpcpay.html";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static VnPayGateway Gateway() => new(
        Options.Create(new PaymentOptions { Gateway = "VnPay", VnPay = { TmnCode = TmnCode, HashSecret = Secret, PayUrl = PayUrl, ApiUrl = "https://api.example.vn/x" } }),
        null!, null!, TimeProvider.System);

    [Fact]
    public void The_payment_url_is_signed_like_vnpay_2_1_0_on_a_worked_example()
    {
        var created = new DateTime(2025, 6, 3, 2, 0, 0, DateTimeKind.Utc); // 09:00:00 in Vietnam
        var request = new PaymentRequest("MC25060312345678", 2000, "Thanh toan phi ho so 56.BACAI-250603-0001",
            "https://motcua.example.vn/Payments/Return", "113.160.1.2", created, created.AddMinutes(15));

        var url = Gateway().CreateRedirectUrl(request);

        // Sorted by name, names and values URL-encoded (space as +), amount in hundredths, dates in GMT+7.
        const string canonical =
            "vnp_Amount=200000&vnp_Command=pay&vnp_CreateDate=20250603090000&vnp_CurrCode=VND&vnp_ExpireDate=20250603091500&vnp_IpAddr=113.160.1.2"
            + "&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+phi+ho+so+56.BACAI-250603-0001&vnp_OrderType=other"
            + "&vnp_ReturnUrl=https%3A%2F%2Fmotcua.example.vn%2FPayments%2FReturn&vnp_TmnCode=BACAI001&vnp_TxnRef=MC25060312345678&vnp_Version=2.1.0";
        const string signature =
            "f7e93a5ec04e8a09dca2917b88ea92bc626c462a1744f88e1e6d6f306bc09f4310f98db5e0a881c50eacf15e8540a38a906957f5391241eda2f54f234610c5dd";
        Assert.Equal($"{PayUrl}?{canonical}&vnp_SecureHash={signature}", url);
        Assert.Equal(signature, Hmac(canonical));
    }

    [Fact]
    public void A_signed_callback_is_read_and_any_change_to_it_is_refused()
    {
        var callback = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_Amount"] = "200000",
            ["vnp_BankCode"] = "NCB",
            ["vnp_OrderInfo"] = "Thanh toan phi ho so 56.BACAI-250603-0001",
            ["vnp_PayDate"] = "20250603090512",
            ["vnp_ResponseCode"] = "00",
            ["vnp_TmnCode"] = TmnCode,
            ["vnp_TransactionNo"] = "14226112",
            ["vnp_TransactionStatus"] = "00",
            ["vnp_TxnRef"] = "MC25060312345678",
            // Signed with openssl over the sorted, encoded fields above (the SecureHashType field is never signed).
            ["vnp_SecureHashType"] = "HmacSHA512",
            ["vnp_SecureHash"] = "0a849080684a6051a82cf165d1418ad8a6bbb9d970a0365848a11e7d1b2968b10eb8352a92f3f1567ce6ffe2a7dba41b12fecec220016e9014c30a3ce9a66fac",
        };

        var result = Gateway().ReadCallback(callback);

        Assert.NotNull(result);
        Assert.Equal("MC25060312345678", result.Reference);
        Assert.Equal(2000, result.AmountVnd);
        Assert.True(result.Success);
        Assert.Equal("14226112", result.TransactionNo);
        Assert.Equal(new DateTime(2025, 6, 3, 2, 5, 12, DateTimeKind.Utc), result.PaidAtUtc);
        // Upper-case hex (as some VNPay libraries send it) verifies too.
        Assert.NotNull(Gateway().ReadCallback(new Dictionary<string, string>(callback) { ["vnp_SecureHash"] = callback["vnp_SecureHash"].ToUpperInvariant() }));
        foreach (var (field, value) in new[] { ("vnp_Amount", "20000000"), ("vnp_ResponseCode", "24"), ("vnp_TxnRef", "MC25060312345679"), ("vnp_TmnCode", "OTHER001"), ("vnp_SecureHash", new string('0', 128)) })
        {
            Assert.Null(Gateway().ReadCallback(new Dictionary<string, string>(callback) { [field] = value }));
        }

        Assert.Null(Gateway().ReadCallback(callback.Where(kv => kv.Key != "vnp_SecureHash").ToDictionary()));
    }

    [Fact]
    public void The_transaction_query_is_signed_over_the_fields_joined_by_pipes_and_its_answer_checked()
    {
        var created = new DateTime(2025, 6, 3, 2, 0, 0, DateTimeKind.Utc);
        var now = new DateTime(2025, 6, 3, 3, 0, 0, DateTimeKind.Utc);

        var query = Gateway().QueryRequest("MC25060312345678", created, "req-1", now);

        Assert.Equal(Hmac($"req-1|2.1.0|querydr|{TmnCode}|MC25060312345678|20250603090000|20250603100000|127.0.0.1|Truy van giao dich MC25060312345678"), query["vnp_SecureHash"]);
        var answer = Answer("MC25060312345678", "00", 200000);
        var record = Gateway().ReadQueryAnswer("MC25060312345678", created, answer);
        Assert.NotNull(record);
        Assert.Equal(GatewayStatus.Success, record.Status);
        Assert.Equal(2000, record.AmountVnd);
        Assert.Null(Gateway().ReadQueryAnswer("MC25060312345678", created, Answer("MC25060312345678", "00", 200000, responseCode: "91")));
        Assert.Equal(GatewayStatus.Failed, Gateway().ReadQueryAnswer("MC25060312345678", created, Answer("MC25060312345678", "02", 200000))!.Status);
        Assert.Throws<InvalidDataException>(() => Gateway().ReadQueryAnswer("MC25060312345678", created, new Dictionary<string, string>(answer) { ["vnp_Amount"] = "100" }));
    }

    [Fact]
    public async Task Through_the_app_the_citizen_is_sent_to_vnpay_the_ipn_confirms_the_fee_and_the_reconciliation_asks_vnpay()
    {
        await using var vnpay = await LocalHttpServer.StartAsync();
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        vnpay.Handler = async (context, body) =>
        {
            var q = JsonSerializer.Deserialize<Dictionary<string, string>>(body)!;
            var expected = Hmac(string.Join('|', new[] { "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo" }.Select(f => q[f])));
            var answer = q["vnp_SecureHash"] != expected || q["vnp_TmnCode"] != TmnCode ? Answer(q["vnp_TxnRef"], "", 0, responseCode: "97")
                : known.TryGetValue(q["vnp_TxnRef"], out var amount) ? Answer(q["vnp_TxnRef"], "00", long.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))
                : Answer(q["vnp_TxnRef"], "", 0, responseCode: "91");
            await context.Response.WriteAsJsonAsync(answer, context.RequestAborted);
        };
        using var app = new PaymentsFactory();
        app.Settings["Payments:Gateway"] = "VnPay";
        app.Settings["Payments:VnPay:TmnCode"] = TmnCode;
        app.Settings["Payments:VnPay:HashSecret"] = Secret;
        app.Settings["Payments:VnPay:PayUrl"] = PayUrl;
        app.Settings["Payments:VnPay:ApiUrl"] = new Uri(vnpay.BaseAddress, "/merchant_webapi/api/transaction").ToString();
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 3, 2, 0, 0, TimeSpan.Zero));
        Assert.IsType<VnPayGateway>(app.Services.GetRequiredService<IPaymentGateway>());
        var citizen = await app.ClientFor("congdan");
        var anonymous = app.CreateClient();
        var sandbox = await anonymous.GetAsync("/sandbox-gateway", Ct);
        Assert.True(sandbox.StatusCode == HttpStatusCode.NotFound, await sandbox.Content.ReadAsStringAsync(Ct));

        var code = await app.DossierAwaitingFeeAsync();
        var started = await PaymentsFactory.StartAsync(citizen, code);
        var redirect = started.GetProperty("redirectUrl").GetString()!;
        Assert.StartsWith(PayUrl + "?", redirect, StringComparison.Ordinal);
        var signedPart = redirect[(PayUrl.Length + 1)..redirect.IndexOf("&vnp_SecureHash=", StringComparison.Ordinal)];
        Assert.EndsWith("&vnp_SecureHash=" + Hmac(signedPart), redirect, StringComparison.Ordinal);
        var reference = started.GetProperty("reference").GetString()!;
        Assert.Equal("vnpay", app.Payment(reference).Gateway);

        // VNPay's IPN for that payment, signed as VNPay signs it.
        var ipn = SignedCallback(reference, 200000, "00");
        Assert.Equal("97", (await app.SendIpnAsync(new Dictionary<string, string>(ipn) { ["vnp_Amount"] = "100" })).GetProperty("RspCode").GetString());
        Assert.Equal("00", (await app.SendIpnAsync(ipn)).GetProperty("RspCode").GetString());
        Assert.Equal("02", (await app.SendIpnAsync(ipn)).GetProperty("RspCode").GetString());
        Assert.Equal("Received", (await GetAsync(citizen, code)).GetProperty("status").GetString());
        Assert.Equal(PaymentStatus.Paid, app.Payment(reference).Status);
        Assert.Equal("ipn", app.Payment(reference).ConfirmedBy);
        known[reference] = "200000";

        // A second payment whose IPN never arrives: the reconciliation's querydr finds it paid at VNPay.
        var missed = await app.DossierAwaitingFeeAsync();
        var missedReference = (await PaymentsFactory.StartAsync(citizen, missed)).GetProperty("reference").GetString()!;
        known[missedReference] = "200000";
        var report = await app.Services.GetRequiredService<PaymentReconciler>().RunOnceAsync(Ct);

        Assert.NotNull(report);
        Assert.Equal(1, report.Confirmed);
        Assert.Equal(PaymentStatus.Paid, app.Payment(missedReference).Status);
        Assert.Equal("reconciliation", app.Payment(missedReference).ConfirmedBy);
        Assert.Equal("Received", (await GetAsync(citizen, missed)).GetProperty("status").GetString());
        var asked = vnpay.Requests.Select(r => JsonSerializer.Deserialize<Dictionary<string, string>>(r.Body)!["vnp_TxnRef"]).ToHashSet();
        Assert.Contains(reference, asked);
        Assert.Contains(missedReference, asked);
    }

    private static Dictionary<string, string> SignedCallback(string reference, long hundredths, string status)
    {
        var p = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_Amount"] = hundredths.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["vnp_BankCode"] = "NCB",
            ["vnp_OrderInfo"] = "Thanh toan phi ho so",
            ["vnp_PayDate"] = "20250603090512",
            ["vnp_ResponseCode"] = status,
            ["vnp_TmnCode"] = TmnCode,
            ["vnp_TransactionNo"] = "14226112",
            ["vnp_TransactionStatus"] = status,
            ["vnp_TxnRef"] = reference,
        };
        var canonical = string.Join('&', p.Select(kv => WebUtility.UrlEncode(kv.Key) + "=" + WebUtility.UrlEncode(kv.Value)));
        return new Dictionary<string, string>(p, StringComparer.Ordinal) { ["vnp_SecureHash"] = Hmac(canonical) };
    }

    /// <summary>A querydr answer as VNPay writes it, its checksum over the answer fields joined by "|".</summary>
    private static Dictionary<string, string> Answer(string reference, string transactionStatus, long hundredths, string responseCode = "00")
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_ResponseId"] = "resp-1",
            ["vnp_Command"] = "querydr",
            ["vnp_ResponseCode"] = responseCode,
            ["vnp_Message"] = "QueryDR Success",
            ["vnp_TmnCode"] = TmnCode,
            ["vnp_TxnRef"] = reference,
            ["vnp_Amount"] = hundredths.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["vnp_BankCode"] = "NCB",
            ["vnp_PayDate"] = "20250603090512",
            ["vnp_TransactionNo"] = "14226113",
            ["vnp_TransactionType"] = "01",
            ["vnp_TransactionStatus"] = transactionStatus,
            ["vnp_OrderInfo"] = "Thanh toan phi ho so",
            ["vnp_PromotionCode"] = "",
            ["vnp_PromotionAmount"] = "",
        };
        a["vnp_SecureHash"] = Hmac(string.Join('|', a.Values));
        return a;
    }

    private static string Hmac(string data) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(data)));
}
