namespace MotCua.Web.Features.Payments;

/// <summary>The <c>Payments</c> configuration section.</summary>
public sealed class PaymentOptions
{
    /// <summary>Minutes a payment attempt stays open at the gateway (vnp_ExpireDate).</summary>
    public int ExpiryMinutes { get; set; } = 15;

    public SandboxOptions Sandbox { get; set; } = new();

    public ReconciliationOptions Reconciliation { get; set; } = new();
}

public sealed class SandboxOptions
{
    /// <summary>Merchant code (vnp_TmnCode) of the demo merchant.</summary>
    public string TmnCode { get; set; } = "MOTCUA01";

    /// <summary>Demo secret shared with the sandbox; a real deployment sets its own from the gateway contract.</summary>
    public string HashSecret { get; set; } = "MOTCUA-SANDBOX-DEMO-SECRET-NOT-FOR-PRODUCTION";
}

public sealed class ReconciliationOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 300;
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How far back each pass compares payments with the gateway's records.</summary>
    public int LookbackDays { get; set; } = 7;
}
