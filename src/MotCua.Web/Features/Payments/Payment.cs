using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Payments;

public enum PaymentStatus
{
    Pending,
    Paid,
    Failed,
    Expired,
}

/// <summary>One attempt to pay a dossier's fee online; a dossier may have several, at most one should end Paid.</summary>
public sealed class Payment
{
    public long Id { get; set; }

    /// <summary>Our order reference sent to the gateway (vnp_TxnRef); unique.</summary>
    public required string Reference { get; set; }

    public long DossierId { get; set; }
    public required string DossierCode { get; set; }
    public long AmountVnd { get; set; }
    public required string Gateway { get; set; }
    public PaymentStatus Status { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public required string StartedBy { get; set; }

    /// <summary>The gateway's transaction number (vnp_TransactionNo) once it answered.</summary>
    public string? GatewayTransactionNo { get; set; }

    public string? BankCode { get; set; }
    public string? ResponseCode { get; set; }
    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>How the result reached us: ipn, reconciliation.</summary>
    public string? ConfirmedBy { get; set; }

    /// <summary>E-receipt number (biên lai điện tử), issued when paid.</summary>
    public string? ReceiptNo { get; set; }

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<Payment>(e =>
        {
            e.ToTable("Payments");
            e.Property(x => x.Reference).HasMaxLength(40);
            e.HasIndex(x => x.Reference).IsUnique();
            e.HasIndex(x => x.ReceiptNo).IsUnique();
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.HasIndex(x => x.DossierId);
            e.HasIndex(x => x.CreatedAtUtc);
            e.Property(x => x.Gateway).HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.StartedBy).HasMaxLength(64);
            e.Property(x => x.GatewayTransactionNo).HasMaxLength(64);
            e.Property(x => x.BankCode).HasMaxLength(32);
            e.Property(x => x.ResponseCode).HasMaxLength(8);
            e.Property(x => x.ConfirmedBy).HasMaxLength(32);
            e.Property(x => x.ReceiptNo).HasMaxLength(40);
        });
        b.Entity<PaymentIssue>(e =>
        {
            e.ToTable("PaymentIssues");
            e.Property(x => x.Reference).HasMaxLength(40);
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.Property(x => x.ResolvedBy).HasMaxLength(200);
            e.Property(x => x.ResolutionNote).HasMaxLength(1000);
            // One issue per payment and kind: a second reconciliation pass finds the row and adds nothing.
            e.HasIndex(x => new { x.Reference, x.Kind }).IsUnique();
            e.HasIndex(x => x.ResolvedAtUtc);
        });
        b.Entity<SandboxTransaction>(e =>
        {
            e.ToTable("SandboxGatewayTransactions");
            e.Property(x => x.TxnRef).HasMaxLength(40);
            e.HasIndex(x => x.TxnRef).IsUnique();
            e.Property(x => x.TransactionNo).HasMaxLength(64);
            e.Property(x => x.OrderInfo).HasMaxLength(255);
            e.Property(x => x.ReturnUrl).HasMaxLength(500);
            e.Property(x => x.ResponseCode).HasMaxLength(8);
            e.Property(x => x.BankCode).HasMaxLength(32);
            e.Property(x => x.Status).HasMaxLength(16);
            e.HasIndex(x => x.CreatedAtUtc);
        });
    }
}

/// <summary>A mismatch the reconciliation found between our payments, the gateway's records and the dossiers; an administrator resolves it.</summary>
public sealed class PaymentIssue
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public required string DossierCode { get; set; }

    /// <summary>See <see cref="IssueKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Detail { get; set; }
    public DateTime DetectedAtUtc { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolutionNote { get; set; }
}

public static class IssueKinds
{
    /// <summary>The gateway took the money but no callback reached us; reconciliation confirmed it.</summary>
    public const string MissedCallback = "missed-callback";

    /// <summary>The gateway's amount differs from ours.</summary>
    public const string AmountMismatch = "amount-mismatch";

    /// <summary>We hold a payment as paid that the gateway does not know as successful.</summary>
    public const string NotAtGateway = "not-at-gateway";

    /// <summary>Paid after the fee was already settled (a second attempt or at the desk): refund due.</summary>
    public const string PaidTwice = "paid-twice";

    /// <summary>The gateway has a transaction for a reference we never issued.</summary>
    public const string UnknownAtGateway = "unknown-reference";

    /// <summary>Paid, but the dossier is still waiting for its fee.</summary>
    public const string DossierNotResumed = "dossier-not-resumed";

    public static string Label(string kind) => kind switch
    {
        MissedCallback => "Không nhận được thông báo từ cổng thanh toán (đã tự xác nhận)",
        AmountMismatch => "Số tiền không khớp",
        NotAtGateway => "Cổng thanh toán không ghi nhận giao dịch thành công",
        PaidTwice => "Thanh toán trùng — cần hoàn tiền",
        UnknownAtGateway => "Giao dịch lạ tại cổng thanh toán",
        DossierNotResumed => "Đã thanh toán nhưng hồ sơ vẫn chờ thanh toán",
        _ => kind,
    };
}


/// <summary>The sandbox gateway's own ledger, as a real gateway keeps on its side; the app reads it only through <see cref="IPaymentGateway"/>.</summary>
public sealed class SandboxTransaction
{
    public long Id { get; set; }
    public required string TxnRef { get; set; }
    public long AmountVnd { get; set; }
    public required string OrderInfo { get; set; }
    public required string ReturnUrl { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>created, success, failed.</summary>
    public required string Status { get; set; }

    public string? TransactionNo { get; set; }
    public string? ResponseCode { get; set; }
    public string? BankCode { get; set; }
    public DateTime? PaidAtUtc { get; set; }

    /// <summary>The payment notification was held back by the tester (to send later, as a late callback).</summary>
    public bool IpnHeld { get; set; }

    public int IpnAttempts { get; set; }
}
