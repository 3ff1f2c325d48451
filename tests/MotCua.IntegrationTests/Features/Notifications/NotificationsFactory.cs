using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using MotCua.Testing;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MotCua.IntegrationTests.Features.Notifications;

/// <summary>The app with its dispatcher timer off (tests run passes directly), a real SMTP server on a loopback port and an SMS file of its own.</summary>
public sealed class NotificationsFactory : AppFactory
{
    private readonly CancellationTokenSource _stop = new();

    public NotificationsFactory()
    {
        SmtpPort = FreePort();
        SmsFile = Path.Combine(Path.GetTempPath(), "motcua-tests", "sms-" + Guid.NewGuid().ToString("N") + ".jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(SmsFile)!);
        Settings["Notifications:Dispatcher:Enabled"] = "false";
        Settings["Notifications:Sms:File"] = SmsFile;
        Settings["Notifications:Smtp:Host"] = "127.0.0.1";
        Settings["Notifications:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Notifications:Smtp:UseTls"] = "false";
        Settings["Notifications:Smtp:From"] = "Một cửa Bác Ái <motcua@bacai.example>";

        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, SmtpPort))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CollectingStore(Mail));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int SmtpPort { get; }

    public string SmsFile { get; }

    /// <summary>Every message the SMTP server accepted, parsed.</summary>
    public ConcurrentQueue<MimeMessage> Mail { get; } = new();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            _stop.Dispose();
            File.Delete(SmsFile);
        }

        base.Dispose(disposing);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CollectingStore(ConcurrentQueue<MimeMessage> mail) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            mail.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
