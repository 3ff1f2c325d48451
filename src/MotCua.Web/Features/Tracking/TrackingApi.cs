using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Tracking;

/// <summary>Public tracking without an account: the API beside the Tracking page, both answered by <see cref="TrackingGuard"/>.</summary>
public static class TrackingApi
{
    public static IHostApplicationBuilder AddTracking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TrackingGuard>();
        builder.Services.AddSingleton<TrackingCache>();
        builder.Services.AddSingleton<TrackingTokens>();
        builder.Services.AddSingleton<Dossiers.ITrackingLinks>(s => s.GetRequiredService<TrackingTokens>());
        return builder;
    }

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        // Tagged with the dossiers, where the API reference has always listed it.
        app.MapGet("/api/v1/tracking/{code}", Track).Doc("trackDossier", "Tra cứu tình trạng hồ sơ", "Public tracking of a dossier by its code (personal data masked).").ProducesProblem(StatusCodes.Status429TooManyRequests).WithTags("Dossiers").AllowAnonymous();
        return app;
    }

    /// <summary>Public tracking: the code plus the last 4 digits of the applicant's ID or phone, or the receipt's token <c>t</c>; personal data masked.</summary>
    private static async Task<Results<TrackingJson, NotFound, ProblemHttpResult>> Track(
        string code, string? verifier, [FromQuery(Name = "t")] string? token, TrackingGuard guard, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await guard.TrackAsync(code, verifier, token, ct) switch
        {
            { Locked: true } => TypedResults.Problem(t["Nhập sai quá nhiều lần. Vui lòng thử lại sau."], statusCode: StatusCodes.Status429TooManyRequests),
            { Json: { } json } => new TrackingJson(json),
            _ => TypedResults.NotFound(),
        };
}
