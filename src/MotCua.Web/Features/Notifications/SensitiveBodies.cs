using Microsoft.AspNetCore.DataProtection;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// Bodies of sensitive outbox messages (one-time codes): sealed with the app's data-protection keys while waiting, opened
/// only by the dispatcher to hand them to the provider, replaced by <see cref="Placeholder"/> once delivered or given up.
/// </summary>
public sealed class SensitiveBodies(IDataProtectionProvider protection)
{
    public const string Placeholder = "[Nội dung có mã xác thực: đã xóa sau khi gửi]";

    private readonly IDataProtector _protector = protection.CreateProtector("MotCua.Notifications.SensitiveBody");

    public string Seal(string body) => _protector.Protect(body);

    public string Open(string sealedBody) => _protector.Unprotect(sealedBody);
}
