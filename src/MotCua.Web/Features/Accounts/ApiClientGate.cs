using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Security;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Accounts;

/// <summary>
/// Runs after authentication for machine clients only: the token must still be live (client not revoked, secret not
/// rotated since), an endpoint that needs sign-in must declare a scope the token holds (else 403, default deny), and every call is audited.
/// </summary>
public static class ApiClientGate
{
    public static WebApplication UseApiClientGate(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            if (!ctx.User.IsClient())
            {
                await next(ctx);
                return;
            }

            var user = ctx.User;
            var clientId = user.FindFirstValue(AppClaims.Client)!;
            var stamp = int.TryParse(user.FindFirstValue(AppClaims.ClientStamp), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
            var time = ctx.RequestServices.GetRequiredService<TimeProvider>();
            var db = ctx.RequestServices.GetRequiredService<AppDbContext>();
            var what = Trim($"{ctx.Request.Method} {ctx.Request.Path}");
            var t = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var live = await db.ApiClients.AsNoTracking()
                .AnyAsync(c => c.ClientId == clientId && c.RevokedAtUtc == null && c.Stamp == stamp, ctx.RequestAborted);
            if (!live)
            {
                await Audit.ClientCallAsync(ctx, time, clientId, what, StatusCodes.Status401Unauthorized);
                ctx.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await TypedResults.Problem(t["Mã truy cập của hệ thống đã bị thu hồi hoặc khóa bí mật đã được đổi."], statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(ctx);
                return;
            }

            var endpoint = ctx.GetEndpoint();
            var needed = endpoint?.Metadata.GetOrderedMetadata<ClientScopeMetadata>() ?? [];
            // What anyone may call without signing in (the catalogue, tracking) a client may call too.
            var open = endpoint is not null && (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null);
            if (!open && !needed.Any(m => user.HasClaim(ClientScopes.Claim, m.Scope)))
            {
                await Audit.ClientCallAsync(ctx, time, clientId, what, StatusCodes.Status403Forbidden);
                await TypedResults.Problem(t["Hệ thống kết nối không được cấp quyền gọi chức năng này."], statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(ctx);
                return;
            }

            try
            {
                await next(ctx);
            }
            finally
            {
                await Audit.ClientCallAsync(ctx, time, clientId, what, ctx.Response.StatusCode);
            }
        });
        return app;
    }

    private static string Trim(string s) => s.Length <= 200 ? s : s[..200];
}
