using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Documents;

/// <summary>
/// Settings of the edXML exchange (<c>Documents:Exchange</c>). <see cref="Transport"/>: <c>Folder</c> (demo and tests: packages
/// written to <see cref="Outbox"/>, read from <see cref="Inbox"/>), <c>Http</c> (another MotCua instance's
/// <c>POST /api/v1/documents/edxml</c> with a machine-client token, per <see cref="Peers"/>) or <c>None</c>. Production refuses
/// Folder and Http: the national axis (VXP) adapter belongs there (docs/documents.md).
/// </summary>
public sealed class ExchangeOptions
{
    public const string Section = "Documents:Exchange";
    public const string Folder = "Folder";
    public const string Http = "Http";
    public const string None = "None";

    /// <summary>None unless configured: appsettings.Development.json sets Folder for the demo.</summary>
    public string Transport { get; set; } = None;
    public string Outbox { get; set; } = Path.Combine("data", "edxml", "outbox");
    public string Inbox { get; set; } = Path.Combine("data", "edxml", "inbox");
    public bool InboxEnabled { get; set; } = true;
    public int InboxIntervalSeconds { get; set; } = 30;

    /// <summary>The largest package read (the XML endpoint and the inbox): attachments in base64 take a third more than the files.</summary>
    public long MaxPackageBytes { get; set; } = 40 * 1024 * 1024;

    /// <summary>Organs outside this instance's unit tree, by OrganId: a name, and for the Http transport the instance and its client.</summary>
    public Dictionary<string, ExchangePeer> Peers { get; set; } = new(StringComparer.Ordinal);
}

public sealed class ExchangePeer
{
    public string? Name { get; set; }
    public string? BaseUrl { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
}

/// <summary>Carries one signed package to another organ; throws when it was not accepted (the outbox tries again).</summary>
public interface IEdxmlTransport
{
    Task SendAsync(string toOrganId, byte[] package, CancellationToken ct);
}

/// <summary>Writes each package as a file <c>{Outbox}/{OrganId}-{id}.edxml</c> (written under a temporary name, then renamed).</summary>
public sealed class FolderEdxmlTransport(IOptions<ExchangeOptions> options, IWebHostEnvironment env) : IEdxmlTransport
{
    public async Task SendAsync(string toOrganId, byte[] package, CancellationToken ct)
    {
        var folder = Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.Outbox));
        Directory.CreateDirectory(folder);
        var name = $"{string.Concat(toOrganId.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'))}-{Guid.NewGuid():N}";
        var temp = Path.Combine(folder, name + ".tmp");
        await File.WriteAllBytesAsync(temp, package, ct);
        File.Move(temp, Path.Combine(folder, name + ".edxml"));
    }
}

/// <summary>
/// Posts each package to the peer instance's <c>POST /api/v1/documents/edxml</c> with a bearer token from its
/// client-credentials grant (scope <c>documents:exchange</c>); tokens are kept until shortly before they expire.
/// </summary>
public sealed class HttpEdxmlTransport(IHttpClientFactory http, IOptions<ExchangeOptions> options, TimeProvider time) : IEdxmlTransport
{
    public const string ClientName = "edxml";
    private readonly Dictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task SendAsync(string toOrganId, byte[] package, CancellationToken ct)
    {
        if (!options.Value.Peers.TryGetValue(toOrganId, out var peer) || string.IsNullOrWhiteSpace(peer.BaseUrl))
        {
            throw new InvalidOperationException($"Documents:Exchange:Peers:{toOrganId}:BaseUrl is not set: no instance to send to.");
        }

        var client = http.CreateClient(ClientName);
        var baseUrl = peer.BaseUrl.TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/api/v1/documents/edxml")
        {
            Content = new ByteArrayContent(package) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, toOrganId, baseUrl, peer, ct));
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"{toOrganId} refused the package: {(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}");
        }
    }

    private async Task<string> TokenAsync(HttpClient client, string organ, string baseUrl, ExchangePeer peer, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_tokens.TryGetValue(organ, out var kept) && kept.Until > time.GetUtcNow())
            {
                return kept.Token;
            }
        }

        using var response = await client.PostAsync(baseUrl + "/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = peer.ClientId ?? "",
            ["client_secret"] = peer.ClientSecret ?? "",
            ["scope"] = Infrastructure.ClientScope.DocumentsExchange,
        }), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{organ}: the token request was refused ({(int)response.StatusCode}); check Documents:Exchange:Peers:{organ}:ClientId/ClientSecret.");
        }

        var token = await response.Content.ReadFromJsonAsync<TokenAnswer>(ct) ?? throw new HttpRequestException($"{organ}: empty token answer.");
        lock (_gate)
        {
            _tokens[organ] = (token.AccessToken, time.GetUtcNow().AddSeconds(Math.Max(0, token.ExpiresIn - 30)));
        }

        return token.AccessToken;
    }

    private sealed record TokenAnswer([property: JsonPropertyName("access_token")] string AccessToken, [property: JsonPropertyName("expires_in")] long ExpiresIn);
}

/// <summary>The transport <c>None</c>: nothing is configured, so sending fails with a reason (and the outbox keeps the package).</summary>
public sealed class NoEdxmlTransport : IEdxmlTransport
{
    public Task SendAsync(string toOrganId, byte[] package, CancellationToken ct) =>
        throw new InvalidOperationException("Documents:Exchange:Transport is None: no transport to the national axis is configured.");
}
