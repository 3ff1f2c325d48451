namespace MotCua.Web.Features.Payments;

/// <summary>The <c>Payments</c> configuration section.</summary>
public sealed class PaymentOptions
{
    /// <summary>Minutes a payment attempt stays open at the gateway (vnp_ExpireDate).</summary>
    public int ExpiryMinutes { get; set; } = 15;

    /// <summary><c>Sandbox</c> (demo mode only: outside it the sandbox is not served) or <c>VnPay</c>.</summary>
    public string Gateway { get; set; } = GatewayNames.Sandbox;

    public SandboxOptions Sandbox { get; set; } = new();

    public VnPayOptions VnPay { get; set; } = new();

    public ReconciliationOptions Reconciliation { get; set; } = new();
}

public sealed class SandboxOptions
{
    /// <summary>Merchant code (vnp_TmnCode) of the demo merchant.</summary>
    public string TmnCode { get; set; } = "MOTCUA01";

    /// <summary>Demo secret shared with the sandbox; a real deployment sets its own from the gateway contract.</summary>
    public string HashSecret { get; set; } = "MOTCUA-SANDBOX-DEMO-SECRET-NOT-FOR-PRODUCTION";
}

/// <summary>The merchant contract with VNPay (<c>Payments:VnPay</c>): nothing has a default, the terminal code and secret come from VNPay.</summary>
public sealed class VnPayOptions
{
    /// <summary>vnp_TmnCode, the merchant's terminal code.</summary>
    public string TmnCode { get; set; } = "";

    /// <summary>vnp_HashSecret, the key of the HMAC-SHA512 signatures both ways.</summary>
    public string HashSecret { get; set; } = "";

    /// <summary>The payment page, e.g. <c>https://pay.vnpay.vn/vpcpay.html</c> (test: <c>https://sandbox.vnpayment.vn/paymentv2/vpcpay.html</c>).</summary>
    public string PayUrl { get; set; } = "";

    /// <summary>The merchant web API (querydr) used by the reconciliation, e.g. <c>https://merchant.vnpay.vn/merchant_webapi/api/transaction</c>.</summary>
    public string ApiUrl { get; set; } = "";

    public string Locale { get; set; } = "vn";

    public int TimeoutSeconds { get; set; } = 30;
}

public static class GatewayNames
{
    public const string Sandbox = "Sandbox";
    public const string VnPay = "VnPay";
}

public sealed class ReconciliationOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 300;
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How far back each pass compares payments with the gateway's records.</summary>
    public int LookbackDays { get; set; } = 7;
}
