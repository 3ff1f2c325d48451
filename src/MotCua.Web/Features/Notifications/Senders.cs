using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MotCua.Web.Features.Notifications;

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>A pluggable SMS provider; throwing means "not delivered, try again later".</summary>
public interface ISmsGateway
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>Sends through the SMTP server of <c>Notifications:Smtp</c>, one connection per message.</summary>
public sealed class SmtpEmailSender(IOptions<NotificationOptions> options) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var o = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            throw new InvalidOperationException("Notifications:Smtp:Host is not configured.");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        var security = !o.UseTls ? SecureSocketOptions.None : o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(o.Host, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.User))
        {
            await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// An SMS provider's HTTP API: one POST per message with <c>{"to","text","sender"}</c> as JSON and the key as a bearer token.
/// Anything but a 2xx answer within <see cref="SmsOptions.TimeoutSeconds"/> throws, so the outbox keeps the message and retries it.
/// </summary>
public sealed class HttpSmsGateway(IHttpClientFactory clients, IOptions<NotificationOptions> options) : ISmsGateway
{
    public const string HttpClientName = "sms";

    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        var o = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url)
        {
            Content = JsonContent.Create(new { to = phone, text, sender = o.Sender }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", o.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Neither the phone number nor the text goes into the error: it is stored with the message (LastError).
            throw new TimeoutException($"SMS gateway did not answer within {o.TimeoutSeconds} s.");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
            }
        }
    }
}

/// <summary>
/// Demo and default SMS gateway: appends one JSON line per message to a file, and fails every Nth send when
/// <c>Notifications:Sms:FailEveryNth</c> is set, so that retries are exercised as with a real provider.
/// </summary>
public sealed class FileSmsGateway(string path, int failEveryNth) : ISmsGateway
{
    private long _count;

    public string Path { get; } = path;

    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        if (failEveryNth > 0 && Interlocked.Increment(ref _count) % failEveryNth == 0)
        {
            throw new IOException("SMS gateway unavailable (injected failure).");
        }

        JsonLines.Append(Path, new { to = phone, text });
        return Task.CompletedTask;
    }
}

/// <summary>Without an SMTP host (demo mode), e-mails go to a JSON-lines file beside the SMS file instead of failing.</summary>
public sealed class FileEmailSender(string path) : IEmailSender
{
    public Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        JsonLines.Append(path, new { to, subject, body });
        return Task.CompletedTask;
    }
}

internal static class JsonLines
{
    private static readonly Lock Gate = new();
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Append<T>(string path, T value)
    {
        var line = JsonSerializer.Serialize(value, Readable) + "\n";
        lock (Gate)
        {
            File.AppendAllText(path, line);
        }
    }
}
