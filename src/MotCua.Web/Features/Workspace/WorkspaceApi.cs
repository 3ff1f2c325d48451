using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Workspace;

public static class WorkspaceApi
{
    public static IHostApplicationBuilder AddWorkspace(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReadWorkspace>();
        return builder;
    }

    public static RouteGroupBuilder MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/workspace").WithTags("Workspace").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapGet("/", ReadAsync).WithName("getWorkspace")
            .WithSummary("Việc của tôi: the dossiers waiting for the caller, grouped by the next step, with counts, due dates and alarms")
            .WithDescription("The same groups as the /Staff page: each group's count covers the caller's unit subtree, its items are the "
                + $"first {ReadWorkspace.RowsPerGroup} by due date; a desk officer also gets today's queue per counter, a reform officer the reports and plan tasks due.");
        return group;
    }

    private static async Task<Ok<WorkspaceView>> ReadAsync(ReadWorkspace reads, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await reads.ReadAsync(user, ct));
}
