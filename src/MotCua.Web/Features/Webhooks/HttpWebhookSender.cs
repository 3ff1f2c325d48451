using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Webhooks;

/// <summary>Posts one webhook message, signed; any answer but 2xx (or none within the timeout) is a failure the outbox retries.</summary>
public sealed class HttpWebhookSender(IHttpClientFactory http, IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time) : IWebhookSender
{
    public const string HttpClientName = "webhooks";
    public const string Purpose = "webhook-secret";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        string secret;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var subscription = await db.WebhookSubscriptions.AsNoTracking()
                .Where(s => s.Id == message.WebhookSubscriptionId && s.DeletedAtUtc == null && s.ApiClient!.RevokedAtUtc == null)
                .Select(s => new { s.ProtectedSecret }).SingleOrDefaultAsync(ct)
                ?? throw new InvalidOperationException("The subscription was deleted or its client revoked.");
            secret = protection.CreateProtector(Purpose).Unprotect(subscription.ProtectedSecret);
        }

        var id = System.Text.Json.JsonDocument.Parse(message.Body).RootElement.GetProperty("id").GetString()!;
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, message.To)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, id, timestamp, message.Body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("MotCua-Webhooks", "1"));
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} from the subscriber.", null, response.StatusCode);
        }
    }
}
