namespace MotCua.Web.Features.Meetings;

/// <summary>Settings under <c>Meetings</c> (docs/meetings.md): which video platform, and its address and secret.</summary>
public sealed class MeetingOptions
{
    public const string Section = "Meetings";

    /// <summary>The demo's Jitsi secret: published in this repository, so Production refuses it (ProductionGuard).</summary>
    public const string DemoJitsiSecret = "motcua-demo-jitsi-secret-not-for-production";

    public const string DemoBbbSecret = "motcua-demo-bbb-secret-not-for-production";

    /// <summary>jitsi (the default), bigbluebutton or link.</summary>
    public string Platform { get; set; } = MeetingPlatforms.Jitsi;

    public JitsiOptions Jitsi { get; set; } = new();
    public BigBlueButtonOptions BigBlueButton { get; set; } = new();
}

public sealed class JitsiOptions
{
    /// <summary>The Jitsi Meet server, e.g. https://hop.bacai.gov.vn; rooms are {BaseUrl}/{room}?jwt=….</summary>
    public string BaseUrl { get; set; } = "https://meet.motcua.local";

    /// <summary>prosody's app_id: the token's <c>iss</c>.</summary>
    public string AppId { get; set; } = "motcua";

    /// <summary>prosody's app_secret: the HS256 key.</summary>
    public string AppSecret { get; set; } = MeetingOptions.DemoJitsiSecret;

    /// <summary>The token's <c>aud</c> (prosody's asap_accepted_audiences; "jitsi" by default).</summary>
    public string Audience { get; set; } = "jitsi";

    /// <summary>The token's <c>sub</c>: the Jitsi domain; empty takes the host of <see cref="BaseUrl"/>.</summary>
    public string? Subject { get; set; }
}

public sealed class BigBlueButtonOptions
{
    /// <summary>The API root, e.g. https://bbb.bacai.gov.vn/bigbluebutton/api/.</summary>
    public string BaseUrl { get; set; } = "https://bbb.motcua.local/bigbluebutton/api/";

    /// <summary>The server's shared secret (bbb-conf --secret).</summary>
    public string Secret { get; set; } = MeetingOptions.DemoBbbSecret;

    /// <summary>sha1 (every version) or sha256 (2.x and later).</summary>
    public string Checksum { get; set; } = "sha256";

    public int TimeoutSeconds { get; set; } = 10;
}

public static class MeetingPlatforms
{
    public const string Jitsi = "jitsi";
    public const string BigBlueButton = "bigbluebutton";
    public const string Link = "link";

    public static readonly string[] All = [Jitsi, BigBlueButton, Link];
}
