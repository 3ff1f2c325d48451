using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Brotli, else gzip, for what the app writes itself (pages, htmx fragments, JSON, problem details): a first visit on a
/// phone stays small (docs/design.md, 150 kB budget). Static files are compressed at build and publish time and served
/// by <c>MapStaticAssets</c>, which this middleware leaves alone (they already carry Content-Encoding).
/// </summary>
public static class CompressionSetup
{
    private static readonly string[] Types =
    [
        "text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "application/json",
        "application/problem+json", "image/svg+xml", "text/csv",
    ];

    public static WebApplicationBuilder AddResponseCompressionSetup(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            // Over HTTPS too (BREACH, docs/design.md): the antiforgery token is re-encrypted with a fresh IV for every
            // response and the sign-in cookie is SameSite=Lax, so a cross-site page cannot replay signed-in requests at will.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = Types;
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }
}
