using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Operations;

public static class OperationsSetup
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScheduledJobs>();
        var instance = $"{Environment.MachineName}:{Environment.ProcessId}";
        builder.Services.AddScheduledJob(
            new(HistoryAnchors.JobName, "Neo đầu chuỗi lịch sử hồ sơ ra ngoài cơ sở dữ liệu (tệp ký số)",
                TimeSpan.FromSeconds(Math.Max(5, builder.Configuration.GetValue("History:AnchorIntervalSeconds", 600))),
                builder.Configuration.GetValue("History:AnchorEnabled", true)),
            (sp, ct) => sp.GetRequiredService<ScheduledJobs>().RunAsync(
                HistoryAnchors.JobName, instance, sp.GetRequiredService<HistoryAnchors>().WriteCheckpointAsync, n => n, ct));
        return builder;
    }

    public static RouteGroupBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Operations").RequireAuthorization(AccountsSetup.AdminPolicy);
        group.MapGet("/jobs", Jobs);
        return group;
    }

    private static async Task<Ok<JobStatus[]>> Jobs(ScheduledJobs jobs, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await jobs.StatusAsync(db, ct));
}
