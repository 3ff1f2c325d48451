using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Features.Security;

/// <summary>The <c>Security</c> configuration section: sign-in failure limits, rate limits per client IP and request body limits.</summary>
public sealed class SecurityOptions
{
    /// <summary>Failed sign-ins (page and token endpoint together) per account within <see cref="SignInFailureWindowSeconds"/>.</summary>
    public int SignInAccountFailureLimit { get; set; } = 10;

    /// <summary>Failed sign-ins per client address within the window; successes never count, so an office behind one NAT is not limited.</summary>
    public int SignInClientFailureLimit { get; set; } = 30;

    public int SignInFailureWindowSeconds { get; set; } = 15 * 60;

    /// <summary>Public tracking look-ups (page and API) per client IP and window.</summary>
    public int TrackingPermitLimit { get; set; } = 30;

    /// <summary>Public signature verifications (API and the /Verify page's upload) per client IP and window: each reads a whole PDF.</summary>
    public int VerifyPermitLimit { get; set; } = 10;

    /// <summary>The tracking limit's window.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>JSON and form bodies; uploads and imports (multipart, CSV, ndjson) get <see cref="MaxUploadBodyBytes"/>.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    public long MaxUploadBodyBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>The streamed historical dossier import (administrators, read line by line): 10^7 lines are about 5 GB.</summary>
    public long MaxImportBodyBytes { get; set; } = 16L * 1024 * 1024 * 1024;
}

/// <summary>Security headers, the tracking rate limit, sign-in failure limits, body size limits, the audit trail.</summary>
public static class SecuritySetup
{
    public const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The Scalar API reference is a third-party page built from inline script; it shows no personal data.
    private const string ApiDocsCsp =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Security");
        builder.Services.Configure<SecurityOptions>(section);
        var o = section.Get<SecurityOptions>() ?? new();
        builder.Services.AddSingleton<SignInLimits>();
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => Bucket(ctx) switch
            {
                "tracking" => Window("tracking:" + ClientIp(ctx), o.TrackingPermitLimit, o.WindowSeconds),
                "verify" => Window("verify:" + ClientIp(ctx), o.VerifyPermitLimit, o.WindowSeconds),
                _ => RateLimitPartition.GetNoLimiter("none"),
            });
            r.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (Infrastructure.ErrorPages.WantsHtml(http))
                {
                    // A person in a browser gets a page in Vietnamese with how long to wait, not JSON (issue 21.5).
                    var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(o.WindowSeconds);
                    await Infrastructure.ErrorPages.WriteAsync(http, StatusCodes.Status429TooManyRequests, retryAfter: wait);
                    return;
                }

                var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                http.Response.Headers.RetryAfter = o.WindowSeconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    t["Bạn đã thử quá nhiều lần. Vui lòng đợi {0} giây rồi thử lại.", o.WindowSeconds].Value,
                    statusCode: StatusCodes.Status429TooManyRequests, title: t["Quá nhiều yêu cầu"]).ExecuteAsync(http);
            };
        });
        return builder;
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.Use((ctx, next) =>
        {
            var limits = ctx.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value;
            // Set when the response starts, so that error pages written after a cleared response carry them too.
            ctx.Response.OnStarting(static state =>
            {
                var c = (HttpContext)state;
                var h = c.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "same-origin";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                h.ContentSecurityPolicy = c.Request.Path.StartsWithSegments("/api-docs") ? ApiDocsCsp : Csp;
                return Task.CompletedTask;
            }, ctx);

            var max = ctx.Request.Path.StartsWithSegments("/api/v1/dossiers/import", StringComparison.OrdinalIgnoreCase) ? limits.MaxImportBodyBytes
                : IsUpload(ctx.Request) ? limits.MaxUploadBodyBytes : limits.MaxBodyBytes;
            if (ctx.Request.ContentLength > max)
            {
                var t = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                return TypedResults.Problem(
                    t["Nội dung gửi lên vượt quá giới hạn cho phép ({0} byte).", max].Value,
                    statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(ctx);
            }

            // Bodies sent without a length (chunked) are cut by the server at the same limit.
            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = max;
            }

            return next(ctx);
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The client's address; behind a reverse proxy configure forwarded headers so that this is the real client.</summary>
    public static string ClientIp(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsUpload(HttpRequest r) =>
        r.ContentType is { } type
        && (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase));

    // Sign-in is limited by failures, not requests: SignInLimits, checked by SignInWithPassword.
    private static string? Bucket(HttpContext ctx)
    {
        var path = ctx.Request.Path;
        if (path.StartsWithSegments("/api/v1/tracking", StringComparison.OrdinalIgnoreCase)
            || (path.StartsWithSegments("/Tracking", StringComparison.OrdinalIgnoreCase) && ctx.Request.Query.ContainsKey("code")))
        {
            return "tracking";
        }

        if (HttpMethods.IsPost(ctx.Request.Method)
            && (path.StartsWithSegments("/api/v1/signatures/verify", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/Verify", StringComparison.OrdinalIgnoreCase)))
        {
            return "verify";
        }

        return null;
    }

    private static RateLimitPartition<string> Window(string key, int permits, int seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromSeconds(Math.Max(1, seconds)),
            QueueLimit = 0,
        });
}
