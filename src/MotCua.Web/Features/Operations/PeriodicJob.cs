namespace MotCua.Web.Features.Operations;

/// <summary>Runs one scheduled job's pass every interval until shutdown; a failed pass is logged and retried next time.</summary>
public sealed partial class PeriodicJob(ScheduledJob job, Func<IServiceProvider, CancellationToken, Task> pass, IServiceProvider services, TimeProvider time, ILogger<PeriodicJob> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(services, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex, job.Name);
            }

            try
            {
                await Task.Delay(job.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Scheduled pass of {Job} failed")]
    private partial void LogFailed(Exception ex, string job);
}

public static class PeriodicJobSetup
{
    /// <summary>Declares a scheduled job (listed on /Operations, missed runs alarmed) and, when enabled, runs it in the background.</summary>
    public static IServiceCollection AddScheduledJob(this IServiceCollection services, ScheduledJob job, Func<IServiceProvider, CancellationToken, Task> pass)
    {
        services.AddSingleton(job);
        if (job.Enabled)
        {
            // AddHostedService would keep only the first PeriodicJob: it deduplicates by implementation type.
            services.AddSingleton<IHostedService>(Create);
        }

        return services;

        PeriodicJob Create(IServiceProvider sp) => new(job, pass, sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PeriodicJob>>());
    }

    /// <summary>Whether a registration runs a scheduled job: tests remove these to stand for a scheduler that died.</summary>
    public static bool RunsScheduledJob(ServiceDescriptor d) =>
        d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(PeriodicJob);
}
