using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

/// <summary>One pass's counts; <see cref="Unanswered"/> payments got no usable answer from the gateway's query and were left as they were.</summary>
public sealed record ReconciliationReport(int Compared, int Confirmed, int Failed, int Expired, int IssuesAdded, int Unanswered = 0);

/// <summary>
/// Compares our payments with the gateway's own records and with the dossiers. Idempotent: a second pass over the same
/// data changes nothing. Leased like the outbox dispatcher, so that one instance runs it at a time.
/// </summary>
public sealed partial class PaymentReconciler(
    IServiceScopeFactory scopes, IPaymentGateway gateway, TimeProvider time, IOptions<PaymentOptions> options, Operations.ScheduledJobs jobs,
    ILogger<PaymentReconciler> log, string ownerId)
{
    public const string JobName = "payments-reconciliation";

    public string OwnerId { get; } = ownerId;

    /// <summary>One pass, recorded as a scheduled run; null when another instance holds the lease.</summary>
    public Task<ReconciliationReport?> RunOnceAsync(CancellationToken ct) =>
        jobs.RunAsync(JobName, OwnerId, PassAsync, r => r?.Compared, ct);

    private async Task<ReconciliationReport?> PassAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await JobLease.TryClaimAsync(db, JobName, OwnerId, time.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(Math.Max(10, options.Value.Reconciliation.LeaseSeconds)), ct))
        {
            return null;
        }

        try
        {
            var report = await ReconcileAsync(scope.ServiceProvider, db, ct);
            LogPass(report.Compared, report.Confirmed, report.Expired, report.IssuesAdded);
            await JobLease.ReleaseAsync(db, JobName, OwnerId, time.GetUtcNow().UtcDateTime);
            return report;
        }
        catch
        {
            await JobLease.ReleaseAsync(db, JobName, OwnerId, finishedAt: null);
            throw;
        }
    }


    private async Task<ReconciliationReport> ReconcileAsync(IServiceProvider sp, AppDbContext db, CancellationToken ct)
    {
        var callbacks = sp.GetRequiredService<PaymentCallbacks>();
        var now = time.GetUtcNow().UtcDateTime;
        var from = now.AddDays(-Math.Max(1, options.Value.Reconciliation.LookbackDays));
        var records = (await gateway.TransactionsAsync(from, now.AddSeconds(1), ct)).ToDictionary(r => r.Reference, StringComparer.Ordinal);
        var payments = await db.Payments.AsNoTracking().Where(p => p.CreatedAtUtc >= from || p.Status == PaymentStatus.Pending).OrderBy(p => p.Id).ToListAsync(ct);
        int confirmed = 0, failed = 0, expired = 0, issues = 0, unanswered = 0;
        var vi = CultureInfo.GetCultureInfo("vi-VN");

        foreach (var seen in payments)
        {
            // Tracked afresh each time: applying a result may clear the change tracker.
            db.ChangeTracker.Clear();
            var payment = await db.Payments.SingleAsync(p => p.Id == seen.Id, ct);
            GatewayRecord? record;
            try
            {
                record = records.GetValueOrDefault(payment.Reference) ?? await gateway.QueryAsync(payment.Reference, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or InvalidDataException or System.Text.Json.JsonException)
            {
                // A query that times out or answers badly decides nothing (a pending payment may well be paid): the next pass asks again.
                LogUnanswered(payment.Reference, ex.GetType().Name, ex.Message);
                unanswered++;
                continue;
            }

            if (record is not null && record.AmountVnd != payment.AmountVnd)
            {
                issues += await FlagIssueAsync(callbacks, payment, IssueKinds.AmountMismatch,
                    $"Cổng thanh toán ghi {record.AmountVnd.ToString("N0", vi)} đ, hồ sơ cần {payment.AmountVnd.ToString("N0", vi)} đ.");
                continue;
            }

            switch (payment.Status, record?.Status)
            {
                case (not PaymentStatus.Paid, GatewayStatus.Success):
                    var applied = await callbacks.ApplyAsync(payment, new GatewayResult(
                        payment.Reference, record!.AmountVnd, true, record.ResponseCode ?? "00", record.TransactionNo, record.BankCode, record.PaidAtUtc), "reconciliation", ct);
                    if (applied)
                    {
                        confirmed++;
                        issues += await FlagIssueAsync(callbacks, payment, IssueKinds.MissedCallback,
                            "Cổng thanh toán đã thu tiền nhưng hệ thống chưa nhận được thông báo (IPN); đối soát đã xác nhận khoản thanh toán.");
                    }

                    break;
                case (PaymentStatus.Pending, GatewayStatus.Failed):
                    failed += await callbacks.ApplyAsync(payment, new GatewayResult(
                        payment.Reference, record!.AmountVnd, false, record.ResponseCode ?? "99", record.TransactionNo, record.BankCode, null), "reconciliation", ct) ? 1 : 0;
                    break;
                case (PaymentStatus.Pending, null or GatewayStatus.Pending) when now > payment.ExpiresAtUtc:
                    expired += await db.Payments.Where(p => p.Id == payment.Id && p.Status == PaymentStatus.Pending)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Expired).SetProperty(p => p.CompletedAtUtc, now).SetProperty(p => p.Version, p => p.Version + 1), ct);
                    break;
                case (PaymentStatus.Paid, not GatewayStatus.Success):
                    issues += await FlagIssueAsync(callbacks, payment, IssueKinds.NotAtGateway,
                        "Hệ thống ghi nhận đã thanh toán nhưng cổng thanh toán không có giao dịch thành công tương ứng.");
                    break;
            }
        }

        db.ChangeTracker.Clear();
        var known = (await db.Payments.Where(p => records.Keys.Contains(p.Reference)).Select(p => p.Reference).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var record in records.Values.Where(r => !known.Contains(r.Reference)))
        {
            issues += await FlagIssueAsync(callbacks, new Payment { Reference = record.Reference, DossierCode = "", Gateway = gateway.Name, StartedBy = "" }, IssueKinds.UnknownAtGateway,
                $"Cổng thanh toán có giao dịch {record.Reference} ({record.AmountVnd.ToString("N0", vi)} đ) không do hệ thống tạo.");
        }

        issues += await CheckDossiersAsync(db, callbacks, from, ct);
        return new ReconciliationReport(payments.Count, confirmed, failed, expired, issues, unanswered);
    }

    /// <summary>Every paid dossier is paid once and has left the fee pause.</summary>
    private static async Task<int> CheckDossiersAsync(AppDbContext db, PaymentCallbacks callbacks, DateTime from, CancellationToken ct)
    {
        var paid = await db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Paid && p.CreatedAtUtc >= from)
            .OrderBy(p => p.CompletedAtUtc).ThenBy(p => p.Id).ToListAsync(ct);
        var issues = 0;
        foreach (var group in paid.GroupBy(p => p.DossierId))
        {
            foreach (var extra in group.Skip(1))
            {
                issues += await FlagIssueAsync(callbacks, extra, IssueKinds.PaidTwice, "Hồ sơ đã được thanh toán bằng giao dịch khác trước đó; cần hoàn tiền cho người nộp.");
            }

            var first = group.First();
            if (await db.Dossiers.AnyAsync(d => d.Id == first.DossierId && d.Status == DossierStatus.AwaitingFee, ct))
            {
                issues += await FlagIssueAsync(callbacks, first, IssueKinds.DossierNotResumed, "Đã thanh toán nhưng hồ sơ vẫn ở trạng thái chờ thanh toán; cán bộ một cửa cần xác nhận thu phí.");
            }
        }

        return issues;
    }

    private static async Task<int> FlagIssueAsync(PaymentCallbacks callbacks, Payment payment, string kind, string detail) =>
        await callbacks.FlagAsync(payment, kind, detail, CancellationToken.None) ? 1 : 0;

    [LoggerMessage(LogLevel.Warning, "Payment reconciliation: no usable answer from the gateway for {Reference} ({Kind}: {Reason})")]
    private partial void LogUnanswered(string reference, string kind, string reason);

    [LoggerMessage(LogLevel.Information, "Payment reconciliation: {Compared} compared, {Confirmed} confirmed, {Expired} expired, {Issues} new issues")]
    private partial void LogPass(int compared, int confirmed, int expired, int issues);
}
