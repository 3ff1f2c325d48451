using System.Globalization;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Accounts;

/// <summary>The "try again at" text shared by the sign-in page and the token endpoint.</summary>
public static class SignInMessages
{
    public static TimeSpan Wait(DateTimeOffset retryAt, TimeProvider time) =>
        retryAt > time.GetUtcNow() ? retryAt - time.GetUtcNow() : TimeSpan.Zero;

    /// <summary>"… Thử lại sau 14:32 (khoảng 15 phút nữa)." in Vietnam's time.</summary>
    public static string Limited(IStringLocalizer<SharedResource> t, DateTimeOffset retryAt, TimeProvider time)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(retryAt.UtcDateTime, VietnamTime.Zone);
        var minutes = Math.Max(1, (int)Math.Ceiling(Wait(retryAt, time).TotalMinutes));
        return t["Bạn đã đăng nhập sai quá nhiều lần. Thử lại sau {0} (khoảng {1} phút nữa).",
            local.ToString("HH:mm", CultureInfo.InvariantCulture), minutes].Value;
    }
}
