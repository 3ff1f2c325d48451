using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace MotCua.IntegrationTests.Features.Signing;

/// <summary>
/// A small public-key infrastructure in the test process, as a Vietnamese CA runs one: a root, an issuing CA, signers issued
/// by it (with the OCSP address in their AIA), an RFC 3161 time-stamp authority and an OCSP responder on a loopback Kestrel.
/// BouncyCastle generates the time-stamp and OCSP answers; .NET makes the certificates.
/// </summary>
public sealed class TestPki : IAsyncDisposable
{
    // Valid on the tests' clocks (2025) as on the real one.
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly WebApplication _server;
    private readonly RSA _issuingKey;
    private readonly RSA _tsaKey;
    private long _serial = 1000;

    /// <summary>Serial numbers (hex, upper case) the OCSP responder answers "revoked" for.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Revoked { get; } = new();

    /// <summary>Set to make the time-stamp authority refuse (HTTP 500) or stall.</summary>
    public bool TsaDown { get; set; }

    private int _tsaRequests;
    private int _ocspRequests;

    public int TsaRequests => Volatile.Read(ref _tsaRequests);

    public int OcspRequests => Volatile.Read(ref _ocspRequests);

    public X509Certificate2 Root { get; }

    public X509Certificate2 Issuing { get; }

    public X509Certificate2 Tsa { get; }

    public Uri TsaUrl { get; }

    public Uri OcspUrl { get; }

    private TestPki(WebApplication server, Uri baseUrl, X509Certificate2 root, X509Certificate2 issuing, RSA issuingKey, X509Certificate2 tsa, RSA tsaKey)
    {
        _server = server;
        Root = root;
        Issuing = issuing;
        _issuingKey = issuingKey;
        Tsa = tsa;
        _tsaKey = tsaKey;
        TsaUrl = new Uri(baseUrl, "tsa");
        OcspUrl = new Uri(baseUrl, "ocsp");
    }

    public static async Task<TestPki> StartAsync(string name = "MotCua Test")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        TestPki? pki = null;
        app.MapPost("/tsa", (HttpContext c) => pki!.TimestampAsync(c));
        app.MapPost("/ocsp", (HttpContext c) => pki!.OcspAsync(c));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        var now = DateTimeOffset.UtcNow;
        var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest($"CN={name} Root CA, O=MotCua tests, C=VN", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        var root = rootRequest.CreateSelfSigned(Epoch, now.AddYears(10));

        var issuingKey = RSA.Create(2048);
        var issuingRequest = new CertificateRequest($"CN={name} Issuing CA, O=MotCua tests, C=VN", issuingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        issuingRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        issuingRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        issuingRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(issuingRequest.PublicKey, false));
        issuingRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var issuingPublic = issuingRequest.Create(root, Epoch, now.AddYears(8), [1, 0, 0, 1]);
        var issuing = issuingPublic.CopyWithPrivateKey(issuingKey);

        var tsaKey = RSA.Create(2048);
        var tsaRequest = new CertificateRequest($"CN={name} Time-Stamp Authority, O=MotCua tests, C=VN", tsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        tsaRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        tsaRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        tsaRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], true));
        tsaRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuing, true, false));
        var tsa = tsaRequest.Create(issuing, Epoch, now.AddYears(5), [1, 0, 0, 2]);

        pki = new TestPki(app, baseUrl, root, issuing, issuingKey, tsa, tsaKey);
        return pki;
    }

    /// <summary>A signer (RSA 2048, or EC P-256) issued by the issuing CA, with its private key; its AIA names the OCSP responder.</summary>
    public X509Certificate2 IssueSigner(string commonName, bool ec = false, DateTimeOffset? notAfter = null)
    {
        var now = DateTimeOffset.UtcNow;
        var serial = BitConverter.GetBytes(Interlocked.Increment(ref _serial)).Reverse().ToArray();
        CertificateRequest request;
        AsymmetricAlgorithm key;
        if (ec)
        {
            var e = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            key = e;
            request = new CertificateRequest($"CN={commonName}, O=MotCua tests, C=VN", e, HashAlgorithmName.SHA256);
        }
        else
        {
            var r = RSA.Create(2048);
            key = r;
            request = new CertificateRequest($"CN={commonName}, O=MotCua tests, C=VN", r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Issuing, true, false));
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension([OcspUrl.ToString()], null));
        using var issued = request.Create(Issuing.SubjectName, X509SignatureGenerator.CreateForRSA(_issuingKey, RSASignaturePadding.Pkcs1),
            Epoch.AddDays(1), notAfter ?? now.AddYears(2), serial);
        return key is RSA rsa ? issued.CopyWithPrivateKey(rsa) : issued.CopyWithPrivateKey((ECDsa)key);
    }

    /// <summary>The signer with its key and the issuing CA as a PKCS#12 file, as a CA delivers it.</summary>
    public void WritePfx(X509Certificate2 signer, string path, string password)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var collection = new X509Certificate2Collection { signer, X509CertificateLoader.LoadCertificate(Issuing.RawData) };
        File.WriteAllBytes(path, collection.Export(X509ContentType.Pkcs12, password)!);
    }

    /// <summary>The root as a PEM file, for Signing:TrustedRoots.</summary>
    public string WriteRootPem(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Root.ExportCertificatePem());
        return path;
    }

    private async Task TimestampAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tsaRequests);
        if (TsaDown)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new TimeStampRequest(body.ToArray());
        var generator = new TimeStampTokenGenerator(DotNetUtilities.GetRsaKeyPair(_tsaKey).Private, ToBc(Tsa),
            NistObjectIdentifiers.IdSha256.Id, "1.3.6.1.4.1.99999.1");
        generator.SetCertificates(Org.BouncyCastle.Utilities.Collections.CollectionUtilities.CreateStore(new[] { ToBc(Tsa), ToBc(Issuing) }));
        var response = new TimeStampResponseGenerator(generator, TspAlgorithms.Allowed)
            .Generate(request, BigInteger.ValueOf(Interlocked.Increment(ref _serial)), DateTime.UtcNow);
        context.Response.ContentType = "application/timestamp-reply";
        await context.Response.Body.WriteAsync(response.GetEncoded());
    }

    private async Task OcspAsync(HttpContext context)
    {
        Interlocked.Increment(ref _ocspRequests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new OcspReq(body.ToArray());
        var generator = new BasicOcspRespGenerator(new RespID(ToBc(Issuing).SubjectDN));
        foreach (var item in request.GetRequestList())
        {
            var id = item.GetCertID();
            var serial = id.SerialNumber.ToString(16).ToUpperInvariant().TrimStart('0');
            CertificateStatus? status = Revoked.TryGetValue(serial, out var when)
                ? new RevokedStatus(when.UtcDateTime, Org.BouncyCastle.Asn1.X509.CrlReason.KeyCompromise)
                : CertificateStatus.Good;
            generator.AddResponse(id, status, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), null);
        }

        var signer = new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SHA256WITHRSA", DotNetUtilities.GetRsaKeyPair(_issuingKey).Private);
        var basic = generator.Generate(signer, [ToBc(Issuing)], DateTime.UtcNow);
        var response = new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic);
        context.Response.ContentType = "application/ocsp-response";
        await context.Response.Body.WriteAsync(response.GetEncoded());
    }

    /// <summary>Marks a signer revoked from <paramref name="at"/> on.</summary>
    public void Revoke(X509Certificate2 certificate, DateTimeOffset at) =>
        Revoked[certificate.SerialNumber.TrimStart('0')] = at;

    private static BcCertificate ToBc(X509Certificate2 c) => new(c.RawData);

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        _issuingKey.Dispose();
        _tsaKey.Dispose();
    }
}
