using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Assisted;

public static class AssistedApi
{
    public static IHostApplicationBuilder AddAssisted(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<StartAssistedSubmission>();
        builder.Services.AddScoped<ConfirmAssistedSubmission>();
        return builder;
    }

    public static RouteGroupBuilder MapAssistedApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assisted-submissions").WithTags("Dossiers").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapPost("/", StartAsync).Doc("createAssistedSubmission", "Tạo hồ sơ nộp thay (hỗ trợ người dân)", "Starts an online submission made by an officer on a citizen's behalf.");
        group.MapPost("/{id:long}/confirm", ConfirmAsync).Doc("confirmAssistedSubmission", "Xác nhận hồ sơ nộp thay", "The applicant confirms an assisted submission, which files the dossier.");
        return group;
    }

    private static async Task<Results<Created<AssistedStarted>, ValidationProblem, ForbidHttpResult>> StartAsync(
        ReceiveRequest body, StartAssistedSubmission handler, ClaimsPrincipal user, CancellationToken ct) =>
        await handler.HandleAsync(body, user, ct) switch
        {
            StartAssistedSubmission.Started(var s) => TypedResults.Created($"/api/v1/assisted-submissions/{s.Id}", s),
            StartAssistedSubmission.Invalid(var errors) => TypedResults.ValidationProblem(errors),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Created<ReceiveResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ConfirmAsync(
        long id, ConfirmRequest body, ConfirmAssistedSubmission handler, ClaimsPrincipal user, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            ConfirmAssistedSubmission.Received(var d) => TypedResults.Created($"/api/v1/dossiers/{d.Code}",
                new ReceiveResponse(d.Code, d.ReceivedAtUtc, d.AppointmentDate, d.Status.ToString(), d.DueDateEstimated, d.CurrentUnit?.Code)),
            ConfirmAssistedSubmission.Invalid(var errors) => TypedResults.ValidationProblem(errors),
            ConfirmAssistedSubmission.Expired(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status410Gone),
            ConfirmAssistedSubmission.NotReceived(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status422UnprocessableEntity),
            _ => TypedResults.NotFound(),
        };
}
