namespace MotCua.Web.Features.Notifications;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public string PublicBaseUrl { get; set; } = "";
    public SmtpOptions Smtp { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
    public DispatcherOptions Dispatcher { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Một cửa <no-reply@motcua.local>";

    /// <summary>STARTTLS (or implicit TLS on port 465); off only for a loopback relay.</summary>
    public bool UseTls { get; set; } = true;
}

public sealed class SmsOptions
{
    public const string FileProvider = "File";
    public const string HttpProvider = "Http";

    /// <summary><c>File</c> (demo: a JSON-lines file) or <c>Http</c> (a provider's HTTP API, <see cref="HttpSmsGateway"/>).</summary>
    public string Provider { get; set; } = FileProvider;

    /// <summary>Http: the provider's send endpoint; each message is POSTed there as JSON.</summary>
    public string? Url { get; set; }

    /// <summary>Http: sent as <c>Authorization: Bearer</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Http: the registered sender name (brandname) the message comes from.</summary>
    public string? Sender { get; set; }

    /// <summary>Http: an answer slower than this counts as a failure, retried by the outbox.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The JSON-lines file of the file gateway; default <c>sms-outbox.jsonl</c> in the data folder.</summary>
    public string? File { get; set; }

    /// <summary>Failure injection: every Nth send fails like a provider outage would (0 = never).</summary>
    public int FailEveryNth { get; set; }
}

public sealed class DispatcherOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 20;
    public int LeaseSeconds { get; set; } = 120;
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; each further failure doubles it (capped at one day).</summary>
    public int BackoffSeconds { get; set; } = 30;
}
