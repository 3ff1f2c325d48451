using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Friendly error pages for people (issue 21.5): a browser asking for a page gets Vietnamese HTML that says what happened
/// and what to do; scripts and the API (/api/…) keep RFC 9457 problem details. Written without the view engine, so it
/// works whatever failed.
/// </summary>
public static class ErrorPages
{
    // Vietnamese letters as themselves, not as numeric entities.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>A browser's page request: it accepts HTML and is not for the API (or the API reference's JSON).</summary>
    public static bool WantsHtml(HttpContext ctx)
    {
        var path = ctx.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return ctx.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Minutes to announce for a wait, never zero.</summary>
    public static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));

    public static Task WriteAsync(HttpContext ctx, int status, string? detail = null, TimeSpan? retryAfter = null)
    {
        var t = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var traceId = Activity.Current?.Id ?? ctx.TraceIdentifier;
        var signedIn = ctx.User.Identity?.IsAuthenticated == true;
        var (title, advice) = status switch
        {
            429 => (t["Bạn đã thử quá nhiều lần"].Value,
                t["Vì an toàn, hệ thống tạm ngừng nhận yêu cầu này từ máy của bạn. Vui lòng thử lại sau {0} phút.", Minutes(retryAfter ?? TimeSpan.FromMinutes(1))].Value),
            404 => (t["Không tìm thấy trang"].Value,
                t["Địa chỉ có thể bị gõ sai, hoặc trang, hồ sơ này không còn. Kiểm tra lại địa chỉ, hoặc về trang chủ để tìm lại."].Value),
            403 => (t["Bạn không có quyền xem trang này"].Value,
                t["Trang này dành cho tài khoản có vai trò hoặc đơn vị khác. Đăng nhập bằng tài khoản phù hợp, hoặc liên hệ quản trị viên nếu bạn cần quyền này."].Value),
            401 => (t["Cần đăng nhập"].Value, t["Vui lòng đăng nhập để tiếp tục."].Value),
            >= 500 => (t["Hệ thống đang gặp sự cố"].Value,
                t["Yêu cầu của bạn chưa được thực hiện. Vui lòng thử lại sau ít phút; nếu vẫn không được, báo quản trị viên kèm mã lỗi bên dưới."].Value),
            _ => (t["Yêu cầu không thực hiện được"].Value, t["Vui lòng quay lại trang trước, kiểm tra thông tin đã nhập và thử lại."].Value),
        };

        var h = Html;
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var html = new StringBuilder(2048)
            .Append("<!DOCTYPE html><html lang=\"").Append(h.Encode(lang)).Append("\"><head><meta charset=\"utf-8\" />")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />")
            .Append("<title>").Append(h.Encode(title)).Append(" – ").Append(h.Encode(t["Hệ thống một cửa điện tử"].Value)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"/css/site.css\" /></head><body>")
            .Append("<header class=\"top\"><div class=\"brand\"><a href=\"/\"><span class=\"brand-name\">")
            .Append(h.Encode(t["Hệ thống một cửa điện tử"].Value)).Append("</span></a> <span class=\"brand-sub\">MotCua</span></div></header>")
            .Append("<main id=\"main\" class=\"error-page\" data-testid=\"error-page\" data-status=\"").Append(status).Append("\">")
            .Append("<h1>").Append(h.Encode(title)).Append("</h1>")
            .Append("<p class=\"lead\">").Append(h.Encode(advice)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(detail) && status is >= 400 and < 500 and not 404 and not 403)
        {
            html.Append("<p>").Append(h.Encode(detail)).Append("</p>");
        }

        html.Append("<div class=\"button-group\"><a class=\"button primary\" href=\"/\">").Append(h.Encode(t["Về trang chủ"].Value)).Append("</a>");
        if (status is 401 or 403 && !signedIn || status == 401)
        {
            html.Append("<a class=\"button\" href=\"/Account/Login\">").Append(h.Encode(t["Đăng nhập"].Value)).Append("</a>");
        }

        html.Append("</div>");
        if (status >= 500)
        {
            html.Append("<p class=\"code\">").Append(h.Encode(t["Mã lỗi: {0}", traceId].Value)).Append("</p>");
        }

        html.Append("<p class=\"muted\">").Append(h.Encode(t["Mã trạng thái HTTP: {0}", status].Value)).Append("</p></main></body></html>");

        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        if (retryAfter is { } wait)
        {
            ctx.Response.Headers[HeaderNames.RetryAfter] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return ctx.Response.WriteAsync(html.ToString(), ctx.RequestAborted);
    }
}
