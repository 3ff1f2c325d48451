using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Operations;

public static class OperationsSetup
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScheduledJobs>();
        return builder;
    }

    public static RouteGroupBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Operations").RequireAuthorization(AccountsSetup.AdminPolicy);
        group.MapGet("/jobs", Jobs).Doc("listJobs", "Tình trạng các tác vụ nền", "Background jobs and their last runs.");
        return group;
    }

    private static async Task<Ok<JobStatus[]>> Jobs(ScheduledJobs jobs, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await jobs.StatusAsync(db, ct));
}
