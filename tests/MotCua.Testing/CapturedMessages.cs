using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Notifications;

namespace MotCua.Testing;

/// <summary>A fake SMS gateway and e-mail sender that keep what they were handed: what a citizen's phone or mailbox received.</summary>
public sealed partial class CapturedMessages : ISmsGateway, IEmailSender
{
    public sealed record Message(string To, string? Subject, string Body);

    public ConcurrentQueue<Message> Sent { get; } = new();

    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        Sent.Enqueue(new Message(phone, null, text));
        return Task.CompletedTask;
    }

    public Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        Sent.Enqueue(new Message(to, subject, body));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs a dispatcher pass and returns the latest 6-digit code delivered to <paramref name="to"/>; waits a little when
    /// the app's own dispatcher timer holds the message's lease.
    /// </summary>
    public async Task<string> LatestCodeAsync(IServiceProvider services, string to, int known = 0)
    {
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            var codes = Sent.Where(m => m.To == to).Select(m => SixDigits().Match(m.Body)).Where(m => m.Success).ToArray();
            if (codes.Length > known)
            {
                return codes[^1].Value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No code was delivered to {to}.");
            }

            await Task.Delay(100);
        }
    }

    public int CountTo(string to) => Sent.Count(m => m.To == to && SixDigits().IsMatch(m.Body));

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
