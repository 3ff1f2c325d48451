using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace MotCua.Web.Infrastructure;

public static class LocalizationSetup
{
    public static readonly CultureInfo Vietnamese = new("vi-VN");
    public static readonly CultureInfo English = new("en-US");

    public static IHostApplicationBuilder AddLocalizationSetup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Vietnamese);
            o.SupportedCultures = o.SupportedUICultures = [Vietnamese, English];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Pages stay Vietnamese unless the user picks English (cookie); API clients may also ask with Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(ctx => ctx.Request.Path.StartsWithSegments("/api")
                    ? new AcceptLanguageHeaderRequestCultureProvider().DetermineProviderCultureResult(ctx)
                    : Task.FromResult<ProviderCultureResult?>(null)),
            ];
        });
        return builder;
    }
}

public static class LanguageSwitch
{
    /// <summary>A plain link switches the language (no JavaScript): /language?c=en&amp;returnUrl=/…</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language", (string? c, string? returnUrl, HttpContext ctx) =>
        {
            var culture = c == "en" ? LocalizationSetup.English : LocalizationSetup.Vietnamese;
            ctx.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            // Only local paths: an open redirect would let a phishing link borrow the portal's name.
            var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
}
