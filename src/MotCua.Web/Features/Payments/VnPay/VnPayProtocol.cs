using System.Globalization;
using MotCua.Domain.Payments;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments.VnPay;

/// <summary>
/// The VNPay 2.1.0 message shapes shared by the real gateway and the sandbox that imitates it: the signed payment request
/// (<c>vnp_Command=pay</c>) and the signed callback (IPN and return URL). Signing itself is <see cref="GatewaySignature"/>.
/// </summary>
public static class VnPayProtocol
{
    public const string Version = "2.1.0";
    private const string DateFormat = "yyyyMMddHHmmss";

    /// <summary>The parameters of a payment request, unsigned.</summary>
    public static Dictionary<string, string> PayParameters(PaymentRequest request, string tmnCode, string locale) => new(StringComparer.Ordinal)
    {
        ["vnp_Version"] = Version,
        ["vnp_Command"] = "pay",
        ["vnp_TmnCode"] = tmnCode,
        ["vnp_Amount"] = GatewaySignature.Amount(request.AmountVnd),
        ["vnp_CurrCode"] = "VND",
        ["vnp_TxnRef"] = request.Reference,
        ["vnp_OrderInfo"] = request.OrderInfo,
        ["vnp_OrderType"] = "other",
        ["vnp_Locale"] = locale,
        ["vnp_ReturnUrl"] = request.ReturnUrl,
        ["vnp_IpAddr"] = request.ClientIp,
        ["vnp_CreateDate"] = Local(request.CreatedAtUtc),
        ["vnp_ExpireDate"] = Local(request.ExpiresAtUtc),
    };

    /// <summary>Checks the signature and the merchant code of a callback and reads it; null when it does not verify.</summary>
    public static GatewayResult? ReadCallback(IReadOnlyDictionary<string, string> parameters, string tmnCode, string secret)
    {
        if (!GatewaySignature.Verify(parameters, secret) || parameters.GetValueOrDefault("vnp_TmnCode") != tmnCode
            || parameters.GetValueOrDefault("vnp_TxnRef") is not { Length: > 0 } reference)
        {
            return null;
        }

        var code = parameters.GetValueOrDefault("vnp_ResponseCode") ?? "";
        var status = parameters.GetValueOrDefault("vnp_TransactionStatus") ?? "";
        return new GatewayResult(
            reference, GatewaySignature.ParseAmount(parameters.GetValueOrDefault("vnp_Amount")), code == "00" && status == "00", code,
            parameters.GetValueOrDefault("vnp_TransactionNo"), parameters.GetValueOrDefault("vnp_BankCode"),
            ParseLocal(parameters.GetValueOrDefault("vnp_PayDate")));
    }

    /// <summary>VNPay's dates: Vietnam local time (GMT+7), yyyyMMddHHmmss.</summary>
    public static string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, VietnamTime.Zone).ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateTime? ParseLocal(string? value) =>
        DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamTime.Zone)
            : null;
}
