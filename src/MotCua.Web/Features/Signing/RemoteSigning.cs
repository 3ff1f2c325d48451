using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;

namespace MotCua.Web.Features.Signing;

/// <summary>The <c>Signing:Remote</c> section: a remote signing service (the shape of VNPT SmartCA, Viettel MySign: the key stays with the CA).</summary>
public sealed class RemoteSigningOptions
{
    public const string Section = "Signing:Remote";

    /// <summary><c>Http</c> (a real service) or <c>Fake</c> (the demo and tests' stand-in; refused in Production).</summary>
    public string Provider { get; set; } = RemoteProviders.Http;

    /// <summary>Base address of the service (https).</summary>
    public string Url { get; set; } = "";

    /// <summary>The service account's key, sent as a bearer token.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Which of the account's certificates signs (the credential id the CA issued).</summary>
    public string CredentialId { get; set; } = "";

    /// <summary>How long to wait for the holder to approve on their phone before giving up.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>The fake's behaviour: <c>Sign</c>, <c>Refuse</c> (the holder declines) or <c>Timeout</c> (the holder never answers).</summary>
    public string FakeBehavior { get; set; } = "Sign";
}

public static class RemoteProviders
{
    public const string Http = "Http";
    public const string Fake = "Fake";
}

/// <summary>One request to sign: the SHA-256 of the DER signed attributes, and the attributes themselves for services that hash on their side.</summary>
public sealed record RemoteSignRequest(string CredentialId, string HashAlgorithm, byte[] Hash, byte[] SignedAttributes, string Description);

/// <summary>The answer: the signature (PKCS#1 v1.5 or ECDSA DER) and the certificate chain it was made with, signer first.</summary>
public sealed record RemoteSignResult(byte[] Signature, IReadOnlyList<X509Certificate2> Chain);

/// <summary>
/// A remote signing service as Vietnamese CAs offer them: the application sends the hash of what is to be signed, the
/// certificate holder approves in the CA's app, the service answers with the signature and the certificate chain. It may
/// refuse (<see cref="SigningKeyException"/>) or never answer (the caller's timeout).
/// </summary>
public interface IRemoteSigningService
{
    Task<IReadOnlyList<X509Certificate2>> CertificatesAsync(string credentialId, CancellationToken ct);

    Task<RemoteSignResult> SignAsync(RemoteSignRequest request, CancellationToken ct);
}

/// <summary>
/// The remote service as a key: what it signs is the hash of the CMS signed attributes (so the signature is PAdES, not a
/// bare hash signature), and its answer is checked against the certificate before it is used.
/// </summary>
public sealed class RemoteSigningKey(IRemoteSigningService service, RemoteSigningOptions options) : ISigningKey
{
    private IReadOnlyList<X509Certificate2>? _chain;

    public string Source => "remote";

    public async Task<IReadOnlyList<X509Certificate2>> ChainAsync(CancellationToken ct) =>
        _chain ??= await WithTimeout(c => service.CertificatesAsync(options.CredentialId, c), ct) is { Count: > 0 } chain
            ? chain
            : throw new SigningKeyException($"{RemoteSigningOptions.Section}:CredentialId: the service returned no certificate for '{options.CredentialId}'.");

    public async Task<byte[]> SignAsync(byte[] signedAttributes, CancellationToken ct)
    {
        var chain = await ChainAsync(ct);
        var request = new RemoteSignRequest(options.CredentialId, "2.16.840.1.101.3.4.2.1", SHA256.HashData(signedAttributes), signedAttributes, "MotCua");
        var result = await WithTimeout(c => service.SignAsync(request, c), ct);
        if (!Verifies(chain[0], signedAttributes, result.Signature))
        {
            throw new SigningKeyException("The remote signing service returned a signature that the certificate does not verify; it was not used.");
        }

        return result.Signature;
    }

    private async Task<T> WithTimeout<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        try
        {
            return await call(timeout.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new SigningKeyException($"The remote signing service did not answer within {options.TimeoutSeconds} s ({RemoteSigningOptions.Section}:TimeoutSeconds).", ex);
        }
    }

    internal static bool Verifies(X509Certificate2 certificate, byte[] data, byte[] signature)
    {
        try
        {
            if (certificate.GetRSAPublicKey() is { } rsa)
            {
                using (rsa)
                {
                    return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }
            }

            using var ec = certificate.GetECDsaPublicKey();
            return ec?.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence) == true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

/// <summary>
/// The HTTP shape of the remote services, reduced to what they share: <c>POST {Url}/certificates</c> with the credential id
/// answers the chain; <c>POST {Url}/sign</c> with the hash answers the signature and the chain, or an error with a reason.
/// Bearer <see cref="RemoteSigningOptions.ApiKey"/>. A provider whose API differs (SmartCA's transaction polling) gets its own adapter behind the interface.
/// </summary>
public sealed class HttpRemoteSigningService(HttpClient http, RemoteSigningOptions options) : IRemoteSigningService
{
    public async Task<IReadOnlyList<X509Certificate2>> CertificatesAsync(string credentialId, CancellationToken ct)
    {
        var answer = await PostAsync<CertificatesAnswer>("certificates", new { credentialId }, ct);
        return [.. answer.Certificates.Select(c => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c)))];
    }

    public async Task<RemoteSignResult> SignAsync(RemoteSignRequest request, CancellationToken ct)
    {
        var answer = await PostAsync<SignAnswer>("sign", new
        {
            credentialId = request.CredentialId,
            hashAlgorithm = request.HashAlgorithm,
            hash = Convert.ToBase64String(request.Hash),
            signedAttributes = Convert.ToBase64String(request.SignedAttributes),
            description = request.Description,
        }, ct);
        return new RemoteSignResult(Convert.FromBase64String(answer.Signature ?? ""),
            [.. answer.Certificates.Select(c => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c)))]);
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken ct) where T : class
    {
        var url = new Uri(new Uri(options.Url.TrimEnd('/') + "/"), path);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, ct);
                throw new SigningKeyException($"The remote signing service refused (HTTP {(int)response.StatusCode}): {error}");
            }

            return await response.Content.ReadFromJsonAsync<T>(ct)
                ?? throw new SigningKeyException("The remote signing service sent an empty answer.");
        }
        catch (HttpRequestException ex)
        {
            throw new SigningKeyException($"The remote signing service at {url.Host} cannot be reached ({ex.Message}).", ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new SigningKeyException($"The remote signing service sent an answer that is not its JSON ({ex.Message}).", ex);
        }
        catch (FormatException ex)
        {
            throw new SigningKeyException($"The remote signing service sent a signature or certificate that is not base64 ({ex.Message}).", ex);
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<ErrorAnswer>(ct))?.Error ?? response.ReasonPhrase ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            return response.ReasonPhrase ?? "";
        }
    }

    private sealed record CertificatesAnswer([property: JsonPropertyName("certificates")] string[] Certificates);

    private sealed record SignAnswer(
        [property: JsonPropertyName("signature")] string? Signature,
        [property: JsonPropertyName("certificates")] string[] Certificates);

    private sealed record ErrorAnswer([property: JsonPropertyName("error")] string? Error);
}

/// <summary>
/// The demo's stand-in for a remote signing service: its own key and a certificate issued by its own demo CA, made at
/// start; it takes a moment to "approve", and can be told to refuse or never answer (<see cref="RemoteSigningOptions.FakeBehavior"/>).
/// Refused in Production (ProductionGuard).
/// </summary>
public sealed class FakeRemoteSigningService : IRemoteSigningService, IDisposable
{
    private readonly RemoteSigningOptions _options;
    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _certificate;

    public FakeRemoteSigningService(RemoteSigningOptions options, TimeProvider time)
    {
        _options = options;
        var now = time.GetUtcNow();
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Fake remote signing CA (demo), O=MotCua, C=VN", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        _root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName("MotCua");
        name.AddCommonName("Người ký thử nghiệm (ký số từ xa, demo)");
        var request = new CertificateRequest(name.Build(), _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        _certificate = request.Create(_root, now.AddDays(-1), now.AddYears(2), RandomNumberGenerator.GetBytes(8));
    }

    public Task<IReadOnlyList<X509Certificate2>> CertificatesAsync(string credentialId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<X509Certificate2>>([_certificate, _root]);

    public async Task<RemoteSignResult> SignAsync(RemoteSignRequest request, CancellationToken ct)
    {
        switch (_options.FakeBehavior)
        {
            case "Refuse":
                await Task.Delay(50, ct);
                throw new SigningKeyException("The remote signing service refused: the certificate holder declined the request.");
            case "Timeout":
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                break;
        }

        // The holder approves on their phone: a real service answers after seconds; the demo waits a little.
        await Task.Delay(100, ct);
        var signature = _key.SignHash(request.Hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new RemoteSignResult(signature, [_certificate, _root]);
    }

    public void Dispose()
    {
        _key.Dispose();
        _root.Dispose();
        _certificate.Dispose();
    }
}
