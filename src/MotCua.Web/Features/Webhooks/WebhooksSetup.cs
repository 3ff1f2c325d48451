namespace MotCua.Web.Features.Webhooks;

public static class WebhooksSetup
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WebhookSubscriptions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookSubscriptions>());
        builder.Services.AddSingleton<Notifications.IWebhookSender, HttpWebhookSender>();
        // A subscriber gets 10 s to answer; a redirect is not followed (the signed request is for the registered URL only).
        builder.Services.AddHttpClient(HttpWebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddScoped<SubscribeWebhook>();
        builder.Services.AddScoped<DeleteWebhook>();
        builder.Services.AddScoped<ReplayWebhookDelivery>();
        return builder;
    }
}
