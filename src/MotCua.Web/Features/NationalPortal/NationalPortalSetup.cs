using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Operations;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>The national public-service portal (Cổng Dịch vụ công quốc gia): dossier sync, its state, the retry (issue 22).</summary>
public static class NationalPortalSetup
{
    public static IHostApplicationBuilder AddNationalPortal(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DvcqgOptions.Section);
        builder.Services.Configure<DvcqgOptions>(section);
        var settings = section.Get<DvcqgOptions>() ?? new();
        // The client applies its own timeout per request (DvcqgOptions.TimeoutSeconds).
        builder.Services.AddHttpClient(DvcqgClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddScoped<DvcqgClient>();
        builder.Services.AddScoped<ReadNationalSync>();
        builder.Services.AddScoped<Dossiers.INationalSyncView>(sp => sp.GetRequiredService<ReadNationalSync>());
        builder.Services.AddScoped<RetryNationalSync>();
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        builder.Services.AddSingleton(sp => new NationalSyncDispatcher(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<DvcqgOptions>>(),
            sp.GetRequiredService<ILogger<NationalSyncDispatcher>>(), owner));
        builder.Services.AddScheduledJob(
            new(NationalSyncDispatcher.JobName, "Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia", TimeSpan.FromSeconds(Math.Max(1, settings.IntervalSeconds)),
                settings.Enabled && settings.IsConfigured),
            (sp, ct) => sp.GetRequiredService<NationalSyncDispatcher>().RunScheduledPassAsync(ct));
        return builder;
    }

    public static RouteGroupBuilder MapNationalPortalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/integrations/dvcqg").WithTags("National portal").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapGet("/status", async (ReadNationalSync read, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await read.StatusAsync(user, ct)))
            .Doc("getNationalSyncStatus", "Tình trạng đồng bộ với Cổng Dịch vụ công quốc gia", "Counts of dossiers by national sync state in the caller's units, the oldest waiting and the last run.");
        group.MapGet("/failures", async (ReadNationalSync read, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await read.FailuresAsync(user, ct)))
            .Doc("listNationalSyncFailures", "Hồ sơ đồng bộ lỗi", "Dossiers whose last sync to the national portal failed, with the portal's reply.");
        // No body, and nothing worse than an earlier attempt if forged: like the payments reconcile, no antiforgery token.
        group.MapPost("/dossiers/{code}/retry", Retry).Doc("retryNationalSync", "Gửi lại hồ sơ lên Cổng Dịch vụ công quốc gia", "Schedules the dossier's sync now instead of at its next backoff.");
        return group;
    }

    private static async Task<Results<Ok<RetryNationalSync.Scheduled>, NotFound, ProblemHttpResult>> Retry(
        string code, RetryNationalSync retry, System.Security.Claims.ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await retry.HandleAsync(code, user, ct) switch
        {
            RetryNationalSync.Scheduled s => TypedResults.Ok(s),
            RetryNationalSync.NotFound => TypedResults.NotFound(),
            RetryNationalSync.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: t["Không thể gửi lại"]),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };
}
