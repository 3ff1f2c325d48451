using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

public sealed record PaymentDto(
    string Reference, string DossierCode, long AmountVnd, string Status, string Gateway, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? CompletedAt, string? TransactionNo, string? ReceiptNo, string? RedirectUrl, string? ReceiptUrl);

/// <summary>Starts one payment attempt for a dossier waiting for its fee: a pending row, then the gateway's signed redirect.</summary>
public sealed class StartPayment(AppDbContext db, IPaymentGateway gateway, IOptions<PaymentOptions> options, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Started(PaymentDto Payment) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden(string Message) : Outcome;

    public sealed record Conflict(string Message) : Outcome;

    /// <summary>Where the gateway sends the citizen back: the return page on the host the request came to.</summary>
    public static string ReturnUrl(string scheme, string host) => $"{scheme}://{host}/Payments/Return";

    public async Task<Outcome> HandleAsync(string code, ClaimsPrincipal user, string returnUrl, string clientIp, CancellationToken ct)
    {
        var dossier = await db.Dossiers.AsNoTracking().Visible(user).SingleOrDefaultAsync(d => d.Code == code, ct);
        if (dossier is null)
        {
            return new NotFound();
        }

        if (!user.IsInRole(Roles.Citizen) && !user.IsInRole(Roles.Desk))
        {
            return new Forbidden(t["Chỉ người nộp hồ sơ hoặc cán bộ một cửa được khởi tạo thanh toán."]);
        }

        if (gateway is VnPay.UnavailableGateway)
        {
            return new Conflict(t["Thanh toán trực tuyến chưa được mở tại đơn vị này; vui lòng nộp phí tại bộ phận một cửa."]);
        }

        if (dossier.Status != DossierStatus.AwaitingFee)
        {
            return new Conflict(t["Hồ sơ không ở trạng thái chờ thanh toán (đang: {0}).", t[dossier.Status.Label()]]);
        }

        if (dossier.FeeVnd <= 0)
        {
            return new Conflict(t["Hồ sơ không có khoản phí, lệ phí phải nộp."]);
        }

        if (await db.Payments.AnyAsync(p => p.DossierId == dossier.Id && p.Status == PaymentStatus.Paid, ct))
        {
            return new Conflict(t["Phí của hồ sơ này đã được thanh toán."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var payment = new Payment
        {
            Reference = NewReference(now),
            DossierId = dossier.Id,
            DossierCode = dossier.Code,
            AmountVnd = dossier.FeeVnd,
            Gateway = gateway.Name,
            Status = PaymentStatus.Pending,
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddMinutes(Math.Max(1, options.Value.ExpiryMinutes)),
            StartedBy = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?",
        };
        db.Payments.Add(payment);
        await db.SaveChangesAsync(ct);
        var url = gateway.CreateRedirectUrl(new PaymentRequest(
            payment.Reference, payment.AmountVnd, $"Thanh toan phi ho so {dossier.Code}", returnUrl, clientIp, payment.CreatedAtUtc, payment.ExpiresAtUtc));
        return new Started(ToDto(payment, url));
    }

    public static PaymentDto ToDto(Payment p, string? redirectUrl = null) => new(
        p.Reference, p.DossierCode, p.AmountVnd, p.Status.ToString().ToLowerInvariant(), p.Gateway, p.CreatedAtUtc, p.ExpiresAtUtc, p.CompletedAtUtc,
        p.GatewayTransactionNo, p.ReceiptNo, redirectUrl, p.Status == PaymentStatus.Paid ? $"/api/v1/payments/{p.Reference}/receipt.pdf" : null);

    public static string StatusLabel(PaymentStatus s) => s switch
    {
        PaymentStatus.Pending => "Đang chờ thanh toán",
        PaymentStatus.Paid => "Đã thanh toán",
        PaymentStatus.Failed => "Không thành công",
        _ => "Hết thời gian thanh toán",
    };

    // MC + local date + 8 random digits: unguessable enough for a reference, short enough for a bank statement.
    private static string NewReference(DateTime nowUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"MC{VietnamTime.LocalDate(nowUtc):yyMMdd}{RandomNumberGenerator.GetInt32(0, 100_000_000):D8}");
}
