using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

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
        rating.MapPost("/", Rate).Doc("rateDossier", "Đánh giá mức độ hài lòng", "The applicant rates the service for a dossier.").ProducesProblem(StatusCodes.Status409Conflict);
        rating.MapGet("/", GetRating).Doc("getDossierRating", "Xem đánh giá của hồ sơ", "The rating given for a dossier.");
        var group = app.MapGroup("/api/v1/feedback").WithTags("Feedback");
        group.MapPost("/", Submit).Doc("submitFeedback", "Gửi phản ánh, kiến nghị", "Submits feedback or a complaint.").ProducesProblem(StatusCodes.Status409Conflict).AllowAnonymous();
        group.MapGet("/published", async (FeedbackService s, CancellationToken ct) => TypedResults.Ok(await s.PublishedAsync(ct))).Doc("listPublishedFeedback", "Phản ánh, kiến nghị đã trả lời công khai", "Feedback answered and published.").AllowAnonymous();
        group.MapGet("/", async (bool? open, FeedbackService s, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await s.ListForStaffAsync(user, open ?? false, ct))).Doc("listFeedback", "Danh sách phản ánh, kiến nghị", "Feedback received by the caller's units.")
            .RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapPost("/{number}/actions", Act).Doc("actOnFeedback", "Xử lý phản ánh, kiến nghị", "Assigns, answers or publishes a feedback item.").ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(AccountsSetup.StaffPolicy);
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
