using Microsoft.Extensions.Options;
using MotCua.Web.Features.Operations;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>Reads the <c>Notifications</c> section; SMS through a provider's HTTP API with <c>Notifications:Sms:Provider=Http</c>, else to a file.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Notifications");
        builder.Services.Configure<NotificationOptions>(section);
        var settings = section.Get<NotificationOptions>() ?? new();
        PublicLinks.BaseUrl = settings.PublicBaseUrl;
        var folder = DataFolder(builder.Configuration, builder.Environment.ContentRootPath);

        if (string.Equals(settings.Sms.Provider, SmsOptions.HttpProvider, StringComparison.OrdinalIgnoreCase))
        {
            // The gateway applies its own timeout per message; the client's would only make it less clear.
            builder.Services.AddHttpClient(HttpSmsGateway.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
            builder.Services.AddSingleton<ISmsGateway, HttpSmsGateway>();
        }
        else if (string.Equals(settings.Sms.Provider, SmsOptions.FileProvider, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton<ISmsGateway>(_ => new FileSmsGateway(
                string.IsNullOrWhiteSpace(settings.Sms.File) ? Path.Combine(folder, "sms-outbox.jsonl") : settings.Sms.File, settings.Sms.FailEveryNth));
        }
        else
        {
            throw new InvalidOperationException($"Notifications:Sms:Provider must be {SmsOptions.HttpProvider} or {SmsOptions.FileProvider}, not '{settings.Sms.Provider}'.");
        }

        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            builder.Services.AddSingleton<IEmailSender>(_ => new FileEmailSender(Path.Combine(folder, "mail-outbox.jsonl")));
        }
        else
        {
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        builder.Services.AddSingleton<SensitiveBodies>();
        builder.Services.Configure<OtpOptions>(builder.Configuration.GetSection("Portal:Otp"));
        builder.Services.AddScoped<OneTimeCodes>();
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        builder.Services.AddSingleton(sp => new OutboxDispatcher(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IEmailSender>(), sp.GetRequiredService<ISmsGateway>(),
            sp.GetRequiredService<IWebhookSender>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<NotificationOptions>>(),
            sp.GetRequiredService<ILogger<OutboxDispatcher>>(), sp.GetRequiredService<SensitiveBodies>(), owner));
        builder.Services.AddScheduledJob(
            new(OutboxDispatcher.JobName, "Gửi thông báo (outbox)", TimeSpan.FromSeconds(Math.Max(1, settings.Dispatcher.IntervalSeconds)), settings.Dispatcher.Enabled),
            (sp, ct) => sp.GetRequiredService<OutboxDispatcher>().RunScheduledPassAsync(ct));

        return builder;
    }

    /// <summary>The folder of the SQLite database (the data folder), or <c>data/</c> beside the content root on PostgreSQL.</summary>
    private static string DataFolder(IConfiguration config, string contentRoot)
    {
        var folder = DatabaseSetup.Provider(config) == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(config, contentRoot)).DataSource)!
            : Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
