namespace MotCua.Web.Features.NationalPortal;

/// <summary>
/// The <c>Integrations:Dvcqg</c> section: where the national public-service portal (Cổng Dịch vụ công quốc gia) or the
/// provincial sharing platform (LGSP) in front of it takes the dossiers. Without <see cref="BaseUrl"/> nothing is sent
/// and every dossier's sync state says "not configured".
/// </summary>
public sealed class DvcqgOptions
{
    public const string Section = "Integrations:Dvcqg";

    /// <summary>The endpoint every service is POSTed to (<c>{"service": …}</c> bodies).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The access token issued by the portal or the LGSP, sent as <c>Authorization: Bearer</c>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The province's identifier on the portal (mã định danh điện tử of the provincial people's committee), sent as <c>MaDinhDanhDV</c>.</summary>
    public string? MaDinhDanh { get; set; }

    /// <summary>The public address the attachment and result links start with; default <c>Notifications:PublicBaseUrl</c>.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a signed attachment or result link stays valid; every sync of the dossier issues fresh ones.</summary>
    public int LinkDays { get; set; } = 30;

    /// <summary>An answer slower than this is a failed attempt, retried with the backoff.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 10;
    public int BatchSize { get; set; } = 20;
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>First retry delay; each further failure doubles it, capped at one day. A dossier is retried until it syncs.</summary>
    public int BackoffSeconds { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}
