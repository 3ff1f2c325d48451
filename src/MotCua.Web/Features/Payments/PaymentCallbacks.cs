using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

/// <summary>The merchant's answer to an IPN, in VNPay's shape: 00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature.</summary>
public sealed record IpnResponse([property: JsonPropertyName("RspCode")] string RspCode, [property: JsonPropertyName("Message")] string Message);

/// <summary>Applies the gateway's word on a payment: the IPN endpoint, the sandbox and the reconciliation all come through here.</summary>
public sealed partial class PaymentCallbacks(AppDbContext db, IPaymentGateway gateway, ActOnDossier act, TimeProvider time, ILogger<PaymentCallbacks> log)
{
    /// <summary>VNPay's IPN rules: 97, 01, 04, 02, 00 in that order; 99 when we failed to record it, so that VNPay sends it again.</summary>
    public async Task<IpnResponse> HandleIpnAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        try
        {
            return await HandleIpnCoreAsync(parameters, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException && !ct.IsCancellationRequested)
        {
            LogFailed(parameters.GetValueOrDefault("vnp_TxnRef") ?? "", ex);
            return new("99", "Unknown error");
        }
    }

    private async Task<IpnResponse> HandleIpnCoreAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        var result = gateway.ReadCallback(parameters);
        if (result is null)
        {
            LogRejected(parameters.GetValueOrDefault("vnp_TxnRef") ?? "", "signature");
            return new("97", "Invalid signature");
        }

        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Reference == result.Reference, ct);
        if (payment is null)
        {
            return new("01", "Order not found");
        }

        if (result.AmountVnd != payment.AmountVnd)
        {
            LogRejected(payment.Reference, "amount");
            await FlagAsync(payment, IssueKinds.AmountMismatch,
                $"Cổng thanh toán báo số tiền {result.AmountVnd?.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) ?? "?"} đ, hồ sơ cần {payment.AmountVnd.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đ.", ct);
            return new("04", "Invalid amount");
        }

        return await ApplyAsync(payment, result, "ipn", ct) ? new("00", "Confirm Success") : new("02", "Order already confirmed");
    }

    /// <summary>Records the gateway's result on the payment; a success confirms the fee on the dossier. False when already applied (duplicate).</summary>
    public async Task<bool> ApplyAsync(Payment payment, GatewayResult result, string via, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (payment.Status == PaymentStatus.Paid || (payment.Status == PaymentStatus.Failed && !result.Success))
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            payment.ResponseCode = result.ResponseCode;
            payment.GatewayTransactionNo = result.TransactionNo;
            payment.BankCode = result.BankCode;
            payment.CompletedAtUtc = now;
            payment.ConfirmedBy = via;
            payment.Version++;
            if (!result.Success)
            {
                payment.Status = PaymentStatus.Failed;
                if (await TrySaveAsync(ct))
                {
                    return true;
                }
            }
            else
            {
                payment.Status = PaymentStatus.Paid;
                payment.ReceiptNo = ReceiptNumber(payment, now);
                if (await ConfirmDossierAsync(payment, ct))
                {
                    return true;
                }
            }

            // Someone else changed the payment or the dossier first: look again.
            db.ChangeTracker.Clear();
            payment = await db.Payments.SingleAsync(p => p.Id == payment.Id, ct);
        }

        throw new InvalidOperationException($"Payment {payment.Reference} could not be applied after three attempts.");
    }

    private async Task<bool> ConfirmDossierAsync(Payment payment, CancellationToken ct)
    {
        var status = await db.Dossiers.Where(d => d.Id == payment.DossierId).Select(d => d.Status).SingleAsync(ct);
        if (status == DossierStatus.AwaitingFee)
        {
            var note = $"Đã thanh toán trực tuyến {payment.AmountVnd.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đ qua cổng {gateway.Name}, mã giao dịch {payment.GatewayTransactionNo}, biên lai {payment.ReceiptNo}.";
            var outcome = await act.HandleAsSystemAsync(payment.DossierCode, new ActionRequest("confirm-fee", note), d => d.PaidOnline = true, ct);
            if (outcome is ActOnDossier.Done)
            {
                LogConfirmed(payment.Reference, payment.DossierCode);
                return true;
            }

            return false;
        }

        // The money was taken although the fee was settled already (another attempt, or at the desk): keep it and flag a refund.
        AddIssue(payment, IssueKinds.PaidTwice, "Khoản thanh toán đến sau khi phí của hồ sơ đã được xác nhận; cần hoàn tiền cho người nộp.");
        return await TrySaveAsync(ct);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    /// <summary>Records an issue at once (its own save); false when the same issue is already recorded.</summary>
    internal async Task<bool> FlagAsync(Payment payment, string kind, string detail, CancellationToken ct)
    {
        if (!AddIssue(payment, kind, detail))
        {
            return false;
        }

        if (await TrySaveAsync(ct))
        {
            return true;
        }

        db.ChangeTracker.Clear();
        return false;
    }

    internal bool AddIssue(Payment payment, string kind, string detail)
    {
        if (db.PaymentIssues.Local.Any(i => i.Reference == payment.Reference && i.Kind == kind)
            || db.PaymentIssues.Any(i => i.Reference == payment.Reference && i.Kind == kind))
        {
            return false;
        }

        db.PaymentIssues.Add(new PaymentIssue
        {
            Reference = payment.Reference,
            DossierCode = payment.DossierCode,
            Kind = kind,
            Detail = detail.Length > 1000 ? detail[..1000] : detail,
            DetectedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        return true;
    }

    /// <summary>BL{local year}-{payment id, 6 digits}: unique because the payment id is.</summary>
    private static string ReceiptNumber(Payment payment, DateTime nowUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"BL{VietnamTime.LocalDate(nowUtc).Year}-{payment.Id:D6}");

    [LoggerMessage(LogLevel.Warning, "Payment callback for {Reference} rejected: {Reason}")]
    private partial void LogRejected(string reference, string reason);

    [LoggerMessage(LogLevel.Error, "Payment callback for {Reference} could not be recorded; answered 99 so that the gateway retries")]
    private partial void LogFailed(string reference, Exception ex);

    [LoggerMessage(LogLevel.Information, "Payment {Reference} confirmed the fee of dossier {Code}")]
    private partial void LogConfirmed(string reference, string code);
}
