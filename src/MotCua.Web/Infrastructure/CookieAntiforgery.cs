using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Antiforgery for the multipart API endpoints. They disable the framework's check so that bearer-token clients (which a
/// browser cannot forge) need no token; a caller signed in by cookie, which a hostile page's form would carry along, must
/// still send one (form field <c>__RequestVerificationToken</c> or header <c>RequestVerificationToken</c>).
/// </summary>
public static class CookieAntiforgery
{
    /// <summary>Endpoint metadata: the cookie antiforgery check is in place (a test lists the endpoints that lack it).</summary>
    public sealed record Required;

    public static RouteHandlerBuilder RequireAntiforgeryForCookies(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new Required()).AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            if (IsBearer(http.Request))
            {
                return await next(ctx);
            }

            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            bool valid;
            try
            {
                valid = await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                // The form could not be read (too large or malformed): the same answer the endpoint gives a bearer client.
                var status = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status413PayloadTooLarge;
                return TypedResults.Problem(t["Nội dung gửi lên không đọc được hoặc vượt quá giới hạn cho phép."].Value, statusCode: status);
            }

            return valid
                ? await next(ctx)
                : TypedResults.Problem(t["Yêu cầu thiếu mã chống giả mạo (antiforgery). Tải lại trang rồi gửi lại, hoặc dùng mã truy cập (Bearer)."].Value,
                    statusCode: StatusCodes.Status400BadRequest);
        });

    // The same test as the authentication scheme selector (AccountsSetup.SmartScheme).
    private static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
