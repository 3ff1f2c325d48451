using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Feedback;

public static class FeedbackApi
{
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<FeedbackService>();
        builder.Services.AddScoped<Indicators.IIndexFeedback, FeedbackForIndex>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var rating = app.MapGroup("/api/v1/dossiers/{code}/rating").WithTags("Feedback").RequireAuthorization();
        rating.MapPost("/", Rate);
        rating.MapGet("/", GetRating);
        var group = app.MapGroup("/api/v1/feedback").WithTags("Feedback");
        group.MapPost("/", Submit).AllowAnonymous();
        group.MapGet("/published", async (FeedbackService s, CancellationToken ct) => TypedResults.Ok(await s.PublishedAsync(ct))).AllowAnonymous();
        group.MapGet("/", async (bool? open, FeedbackService s, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await s.ListForStaffAsync(user, open ?? false, ct)))
            .RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapPost("/{number}/actions", Act).RequireAuthorization(AccountsSetup.StaffPolicy);
        return app;
    }

    private static async Task<Results<Created<RatingDto>, NotFound, ValidationProblem, ProblemHttpResult>> Rate(
        string code, RatingRequest body, FeedbackService s, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await s.RateAsync(code, body, user, ct) switch
        {
            FeedbackService.Done<RatingDto>(var r) => TypedResults.Created($"/api/v1/dossiers/{code}/rating", r),
            FeedbackService.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Đánh giá không hợp lệ"]),
            FeedbackService.Conflict(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<RatingDto>, NotFound>> GetRating(string code, FeedbackService s, ClaimsPrincipal user, CancellationToken ct) =>
        await s.RatingAsync(code, user, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<Created<FeedbackDto>, ValidationProblem, ProblemHttpResult>> Submit(
        FeedbackRequest body, FeedbackService s, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await s.SubmitAsync(body, user, ct) switch
        {
            FeedbackService.Done<FeedbackDto>(var f) => TypedResults.Created($"/api/v1/feedback/{f.Number}", f),
            FeedbackService.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Phản ánh, kiến nghị chưa hợp lệ"]),
            FeedbackService.Conflict(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
        };

    private static async Task<Results<Ok<FeedbackDto>, NotFound, ValidationProblem, ProblemHttpResult>> Act(
        string number, FeedbackActionRequest body, FeedbackService s, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await s.ActAsync(number, body, user, ct) switch
        {
            FeedbackService.Done<FeedbackDto>(var f) => TypedResults.Ok(f),
            FeedbackService.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Thao tác không hợp lệ"]),
            FeedbackService.Conflict(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NotFound(),
        };
}
