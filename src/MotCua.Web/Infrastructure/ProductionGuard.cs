using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Portal;
using MotCua.Web.Features.Signing;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// What must be configured before the app serves the public in the Production environment. <see cref="Problems"/> reads
/// configuration only (no file, no network): one line per problem, each starting with the setting to change. Program.cs
/// prints them and exits non-zero before anything is migrated or served; other environments are not checked.
/// </summary>
public static class ProductionGuard
{
    /// <summary>Secrets published in this repository (appsettings*.json and *Options defaults); none may be used in Production.</summary>
    public static readonly IReadOnlySet<string> RepositoryDefaults = new HashSet<string>(StringComparer.Ordinal)
    {
        new SandboxOptions().HashSecret,
        Features.Meetings.MeetingOptions.DemoJitsiSecret,
        Features.Meetings.MeetingOptions.DemoBbbSecret,
    };

    public static IReadOnlyList<string> Check(IConfiguration config, IHostEnvironment env)
    {
        if (!env.IsProduction())
        {
            return [];
        }

        var problems = Problems(config).ToList();
        // The file or store is read only once the settings are all there: a second line about the same setting would only repeat.
        if (problems.Count == 0 && KeySources.Of(config) is KeySources.Pkcs12 or KeySources.Store)
        {
            try
            {
                using var _ = SigningCertificateSource.Load(config, DateTimeOffset.UtcNow);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return problems;
    }

    /// <summary>Every reason the configuration is not fit for Production; empty when it is.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration config)
    {
        var problems = new List<string>();
        void Add(string setting, string why) => problems.Add($"{setting}: {why}");

        if (DemoMode.IsOn(config))
        {
            Add(DemoMode.Setting, "demo data and the demo accounts (published password) are refused in Production; set Demo:Enabled=false (Demo__Enabled=false).");
        }

        CheckPayments(config, Add);
        CheckSigning(config, Add);
        CheckSms(config, Add);
        CheckEmail(config, Add);
        CheckCitizenData(config, Add);
        CheckNationalPortal(config, Add);
        CheckMeetings(config, Add);
        CheckDocumentExchange(config, Add);

        var tokenKey = config["Portal:Tracking:TokenKey"];
        if (string.IsNullOrWhiteSpace(tokenKey))
        {
            Add("Portal:Tracking:TokenKey", "not set: the tracking links' key would be generated into a file beside the uploads; set 32+ random bytes, base64.");
        }
        else if (RepositoryDefaults.Contains(tokenKey) || !(TryBase64(tokenKey) is { Length: >= 32 }))
        {
            Add("Portal:Tracking:TokenKey", "must be 32 or more random bytes in base64, not a value from the repository.");
        }

        var oidc = config.GetSection("Portal:Oidc").Get<OidcOptions>() ?? new();
        if (oidc.Enabled && (string.IsNullOrWhiteSpace(oidc.ClientSecret) || RepositoryDefaults.Contains(oidc.ClientSecret)))
        {
            Add("Portal:Oidc:ClientSecret", "Portal:Oidc:Enabled is true but the client secret is empty or a repository default; set the secret issued by the identity provider.");
        }

        if (oidc.Enabled && !oidc.RequireHttpsMetadata)
        {
            Add("Portal:Oidc:RequireHttpsMetadata", "must stay true in Production (the provider's keys would be fetched over plain HTTP).");
        }

        if (!DataProtectionSetup.IsConfiguredFromSecret(config))
        {
            Add(KeyCertificates.CertificatePathKey, "not set: the data-protection key ring (cookies, tokens, the stored signing key) must be encrypted with a certificate kept outside the database; set the PKCS#12 file (and DataProtection:CertificatePassword).");
        }

        return problems;
    }

    private static void CheckPayments(IConfiguration config, Action<string, string> add)
    {
        var gateway = config["Payments:Gateway"] ?? GatewayNames.Sandbox;
        if (string.Equals(gateway, GatewayNames.Sandbox, StringComparison.OrdinalIgnoreCase))
        {
            add("Payments:Gateway", "the payment sandbox is selected (its secret is public, so anyone could mark a fee paid); set Payments:Gateway=VnPay with Payments:VnPay:TmnCode, HashSecret, PayUrl and ApiUrl.");
            return;
        }

        if (!string.Equals(gateway, GatewayNames.VnPay, StringComparison.OrdinalIgnoreCase))
        {
            add("Payments:Gateway", $"'{gateway}' is not a gateway; set Payments:Gateway=VnPay.");
            return;
        }

        var o = config.GetSection("Payments:VnPay").Get<VnPayOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(o.TmnCode))
        {
            add("Payments:VnPay:TmnCode", "not set: the merchant terminal code from the VNPay contract.");
        }

        if (string.IsNullOrWhiteSpace(o.HashSecret) || RepositoryDefaults.Contains(o.HashSecret) || o.HashSecret.Length < 16)
        {
            add("Payments:VnPay:HashSecret", "empty, too short or a repository default: set the secret from the VNPay contract.");
        }

        CheckGatewayUrl(o.PayUrl, "Payments:VnPay:PayUrl", "the payment page", add);
        CheckGatewayUrl(o.ApiUrl, "Payments:VnPay:ApiUrl", "the merchant API (querydr) that the reconciliation calls", add);
    }

    private static void CheckGatewayUrl(string? value, string setting, string what, Action<string, string> add)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            add(setting, $"must be the https address of {what}.");
        }
        else if (url.Host.Contains("sandbox", StringComparison.OrdinalIgnoreCase))
        {
            add(setting, $"{url.Host} is VNPay's test environment: no money moves there.");
        }
    }

    /// <summary>The population database: off is allowed (the desk checks ID papers by hand); the fake is not, nor an unauthenticated or plain-http link.</summary>
    private static void CheckCitizenData(IConfiguration config, Action<string, string> add)
    {
        var o = config.GetSection(Features.CitizenData.CitizenDataOptions.Section).Get<Features.CitizenData.CitizenDataOptions>() ?? new();
        if (string.Equals(o.Provider, Features.CitizenData.CitizenDataProviders.Fake, StringComparison.OrdinalIgnoreCase))
        {
            add("CitizenData:Provider", "the fake population database is selected (invented people, answers anyone can predict); set CitizenData:Provider=Http with CitizenData:Http:Url and ApiKey, or None.");
            return;
        }

        if (!string.Equals(o.Provider, Features.CitizenData.CitizenDataProviders.Http, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!Uri.TryCreate(o.Http.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            add("CitizenData:Http:Url", "must be the https address of the province's data-sharing gateway in front of the population database.");
        }

        if (string.IsNullOrWhiteSpace(o.Http.ApiKey) || RepositoryDefaults.Contains(o.Http.ApiKey))
        {
            add("CitizenData:Http:ApiKey", "empty or a repository default: set the key issued for the population database link.");
        }
    }

    private static void CheckSigning(IConfiguration config, Action<string, string> add)
    {
        var path = config[SigningCertificateSource.PathKey];
        var thumbprint = config[SigningCertificateSource.ThumbprintKey];
        switch (KeySources.Of(config))
        {
            case KeySources.Demo when !string.IsNullOrWhiteSpace(config[KeySources.Setting]):
                add(KeySources.Setting, "Demo signs with a self-signed certificate the app generates, which no verifier trusts; set Pkcs12, Store, Pkcs11 or Remote.");
                break;
            case KeySources.Demo:
                add(SigningCertificateSource.PathKey, "not set: results would be signed with a self-signed certificate the app generates; set the unit's PKCS#12 file (and Signing:CertificatePassword), or Signing:CertificateThumbprint for the certificate store, or Signing:KeySource=Pkcs11 or Remote.");
                break;
            case KeySources.Pkcs12 or KeySources.Store when !string.IsNullOrWhiteSpace(path) && !string.IsNullOrWhiteSpace(thumbprint):
                add(SigningCertificateSource.PathKey, "and Signing:CertificateThumbprint are both set: keep one.");
                break;
            case KeySources.Pkcs12 when string.IsNullOrWhiteSpace(path):
                add(SigningCertificateSource.PathKey, "not set while Signing:KeySource is Pkcs12: set the unit's PKCS#12 file.");
                break;
            case KeySources.Store when string.IsNullOrWhiteSpace(thumbprint):
                add(SigningCertificateSource.ThumbprintKey, "not set while Signing:KeySource is Store: set the thumbprint of the certificate in the store.");
                break;
            case KeySources.Pkcs11:
                var pkcs11 = config.GetSection(Pkcs11Options.Section).Get<Pkcs11Options>() ?? new();
                foreach (var (name, value) in new[] { ("Library", pkcs11.Library), ("TokenLabel", pkcs11.TokenLabel), ("Pin", pkcs11.Pin), ("KeyLabel", pkcs11.KeyLabel) })
                {
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        add($"{Pkcs11Options.Section}:{name}", "not set while Signing:KeySource is Pkcs11.");
                    }
                }

                break;
            case KeySources.Remote:
                var remote = config.GetSection(RemoteSigningOptions.Section).Get<RemoteSigningOptions>() ?? new();
                if (string.Equals(remote.Provider, RemoteProviders.Fake, StringComparison.OrdinalIgnoreCase))
                {
                    add($"{RemoteSigningOptions.Section}:Provider", "the fake remote signing service is selected (its key is made at start and trusted by nobody); set Http with Signing:Remote:Url, ApiKey and CredentialId.");
                    break;
                }

                if (!Uri.TryCreate(remote.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
                {
                    add($"{RemoteSigningOptions.Section}:Url", "must be the https address of the CA's remote signing service.");
                }

                if (string.IsNullOrWhiteSpace(remote.ApiKey) || RepositoryDefaults.Contains(remote.ApiKey))
                {
                    add($"{RemoteSigningOptions.Section}:ApiKey", "empty or a repository default: set the key the CA issued for the service account.");
                }

                if (string.IsNullOrWhiteSpace(remote.CredentialId))
                {
                    add($"{RemoteSigningOptions.Section}:CredentialId", "not set: the credential (certificate) the CA issued to the unit.");
                }

                break;
            case KeySources.Pkcs12 or KeySources.Store:
                break;
            case var other:
                add(KeySources.Setting, $"'{other}' is not a key source; use Pkcs12, Store, Pkcs11 or Remote.");
                break;
        }

        if (!string.IsNullOrWhiteSpace(config[PdfSigner.TimestampUrlKey]) && !Uri.TryCreate(config[PdfSigner.TimestampUrlKey], UriKind.Absolute, out _))
        {
            add(PdfSigner.TimestampUrlKey, "is not an absolute address of a time-stamp authority (RFC 3161 over HTTP).");
        }
    }

    private static void CheckSms(IConfiguration config, Action<string, string> add)
    {
        var o = config.GetSection("Notifications:Sms").Get<SmsOptions>() ?? new();
        if (!string.Equals(o.Provider, SmsOptions.HttpProvider, StringComparison.OrdinalIgnoreCase))
        {
            add("Notifications:Sms:Provider", "SMS messages (one-time codes, receipts) would be written to a file; set Notifications:Sms:Provider=Http with Notifications:Sms:Url, ApiKey and Sender.");
            return;
        }

        if (!Uri.TryCreate(o.Url, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            add("Notifications:Sms:Url", "must be the provider's https address (plain http only to a relay on this machine).");
        }

        if (string.IsNullOrWhiteSpace(o.ApiKey) || RepositoryDefaults.Contains(o.ApiKey))
        {
            add("Notifications:Sms:ApiKey", "empty or a repository default: set the key issued by the SMS provider.");
        }

        if (string.IsNullOrWhiteSpace(o.Sender))
        {
            add("Notifications:Sms:Sender", "not set: the registered sender name (brandname) of the messages.");
        }

        if (o.FailEveryNth > 0)
        {
            add("Notifications:Sms:FailEveryNth", "failure injection is for tests; set 0.");
        }
    }

    private static void CheckEmail(IConfiguration config, Action<string, string> add)
    {
        var o = config.GetSection("Notifications:Smtp").Get<SmtpOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            add("Notifications:Smtp:Host", "not set: e-mails (one-time codes, receipts) would be written to a file; set the SMTP server (Port, User, Password, From).");
            return;
        }

        if (!string.IsNullOrEmpty(o.User) && (string.IsNullOrEmpty(o.Password) || RepositoryDefaults.Contains(o.Password)))
        {
            add("Notifications:Smtp:Password", "empty or a repository default while Notifications:Smtp:User is set.");
        }
    }

    /// <summary>
    /// The national portal sync (issue 22): unset is allowed (nothing is sent, every dossier says "not configured"); once
    /// set, it must be the real portal over https with its credentials, never the <c>fake-dvcqg</c> stand-in.
    /// </summary>
    private static void CheckNationalPortal(IConfiguration config, Action<string, string> add)
    {
        var o = config.GetSection(Features.NationalPortal.DvcqgOptions.Section).Get<Features.NationalPortal.DvcqgOptions>() ?? new();
        if (!o.IsConfigured)
        {
            return;
        }

        if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            add("Integrations:Dvcqg:BaseUrl", "must be the https address of the national portal's (or the provincial LGSP's) dossier service.");
        }
        else if (url.IsLoopback || url.Host.Contains("fake", StringComparison.OrdinalIgnoreCase) || url.Host.Contains("localhost", StringComparison.OrdinalIgnoreCase))
        {
            add("Integrations:Dvcqg:BaseUrl", $"{url.Host} is the fake-dvcqg stand-in or this machine, not the national portal; set the portal's address or leave it empty.");
        }

        if (string.IsNullOrWhiteSpace(o.AccessToken) || RepositoryDefaults.Contains(o.AccessToken))
        {
            add("Integrations:Dvcqg:AccessToken", "empty or a repository default while Integrations:Dvcqg:BaseUrl is set: set the token the portal (LGSP) issued.");
        }

        if (string.IsNullOrWhiteSpace(o.MaDinhDanh))
        {
            add("Integrations:Dvcqg:MaDinhDanh", "not set while Integrations:Dvcqg:BaseUrl is set: the province's identifier on the national portal.");
        }

        var links = string.IsNullOrWhiteSpace(o.PublicBaseUrl) ? config["Notifications:PublicBaseUrl"] : o.PublicBaseUrl;
        if (!Uri.TryCreate(links, UriKind.Absolute, out var origin) || origin.Scheme != Uri.UriSchemeHttps)
        {
            add("Integrations:Dvcqg:PublicBaseUrl", "the https address the portal downloads attachments and results from (or Notifications:PublicBaseUrl) is not set.");
        }
    }

    /// <summary>Meetings (issue 24): the video platform's secret signs every personal join link, so the published demo one is refused.</summary>
    private static void CheckDocumentExchange(IConfiguration config, Action<string, string> add)
    {
        var transport = config[$"{Features.Documents.ExchangeOptions.Section}:Transport"];
        if (!string.IsNullOrWhiteSpace(transport) && !transport.Equals(Features.Documents.ExchangeOptions.None, StringComparison.OrdinalIgnoreCase))
        {
            add("Documents:Exchange:Transport", $"'{transport}' is a demo transport (a folder, or another MotCua instance): the national document axis (VXP) adapter is not built yet; set None.");
        }
    }

    private static void CheckMeetings(IConfiguration config, Action<string, string> add)
    {
        var o = config.GetSection(Features.Meetings.MeetingOptions.Section).Get<Features.Meetings.MeetingOptions>() ?? new();
        switch (o.Platform.ToLowerInvariant())
        {
            case Features.Meetings.MeetingPlatforms.Jitsi:
                if (string.IsNullOrWhiteSpace(o.Jitsi.AppSecret) || o.Jitsi.AppSecret == Features.Meetings.MeetingOptions.DemoJitsiSecret || o.Jitsi.AppSecret.Length < 32)
                {
                    add("Meetings:Jitsi:AppSecret", "empty, shorter than 32 characters or the repository's demo secret: anyone could sign a join token; set prosody's app_secret of the unit's Jitsi server (and Meetings:Jitsi:BaseUrl), or Meetings:Platform=link.");
                    return;
                }

                CheckMeetingUrl(o.Jitsi.BaseUrl, "Meetings:Jitsi:BaseUrl", add);
                break;
            case Features.Meetings.MeetingPlatforms.BigBlueButton:
                if (string.IsNullOrWhiteSpace(o.BigBlueButton.Secret) || o.BigBlueButton.Secret == Features.Meetings.MeetingOptions.DemoBbbSecret)
                {
                    add("Meetings:BigBlueButton:Secret", "empty or the repository's demo secret: set the server's shared secret (bbb-conf --secret).");
                    return;
                }

                CheckMeetingUrl(o.BigBlueButton.BaseUrl, "Meetings:BigBlueButton:BaseUrl", add);
                break;
            case Features.Meetings.MeetingPlatforms.Link:
                break;
            default:
                add("Meetings:Platform", $"'{o.Platform}' is not a platform; set jitsi, bigbluebutton or link.");
                break;
        }
    }

    private static void CheckMeetingUrl(string? value, string setting, Action<string, string> add)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.Host.EndsWith(".local", StringComparison.OrdinalIgnoreCase))
        {
            add(setting, "must be the https address of the unit's video platform server (the .local default is the demo's).");
        }
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
