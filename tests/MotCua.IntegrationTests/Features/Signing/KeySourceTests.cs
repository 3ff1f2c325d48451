using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace MotCua.IntegrationTests.Features.Signing;

/// <summary>
/// The key sources other than a PKCS#12 file: a PKCS#11 token (SoftHSM2, a token made for the test run with softhsm2-util)
/// and a remote signing service (a loopback service with the same JSON shape that signs, refuses, stalls or cheats);
/// and the Production start refusing the demo's keys.
/// </summary>
public sealed class KeySourceTests : IAsyncLifetime
{
    private const string SoftHsmLibrary = "/usr/lib/softhsm/libsofthsm2.so";
    private const string TokenLabel = "motcua-test";
    private const string Pin = "246810";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Lazy<string> TokenFolder = new(CreateToken);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "motcua-tests", "keys-" + Guid.NewGuid().ToString("N"));
    private TestPki _pki = null!;

    public async ValueTask InitializeAsync() => _pki = await TestPki.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _pki.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// One SoftHSM2 token for the test run, made before the module is first loaded: SoftHSM reads SOFTHSM2_CONF and its
    /// tokens once per process (C_Initialize).
    /// </summary>
    private static string CreateToken()
    {
        var folder = Path.Combine(Path.GetTempPath(), "motcua-tests", "softhsm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "tokens"));
        var conf = Path.Combine(folder, "softhsm2.conf");
        File.WriteAllText(conf, $"directories.tokendir = {Path.Combine(folder, "tokens")}\nobjectstore.backend = file\nlog.level = ERROR\n");
        // The native module reads the C environment, which Environment.SetEnvironmentVariable does not change on Linux.
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", conf);
        _ = SetEnv("SOFTHSM2_CONF", conf, 1);
        Run("softhsm2-util", "--init-token", "--free", "--label", TokenLabel, "--pin", Pin, "--so-pin", "13579111");
        return folder;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "setenv", CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
#pragma warning disable SYSLIB1054 // a test-only call into libc; no marshalling generator needed
    private static extern int SetEnv(string name, string value, int overwrite);
#pragma warning restore SYSLIB1054

    private static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["SOFTHSM2_CONF"] = Environment.GetEnvironmentVariable("SOFTHSM2_CONF");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)}: {output}");
    }

    /// <summary>Puts the signer's private key (through softhsm2-util, as an operator does) and its certificate on the token.</summary>
    private void Provision(X509Certificate2 signer, string label)
    {
        var folder = TokenFolder.Value;
        var keyFile = Path.Combine(folder, label + ".pem");
        using (var rsa = signer.GetRSAPrivateKey())
        using (var ec = signer.GetECDsaPrivateKey())
        {
            File.WriteAllText(keyFile, rsa?.ExportPkcs8PrivateKeyPem() ?? ec!.ExportPkcs8PrivateKeyPem());
        }

        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        Run("softhsm2-util", "--import", keyFile, "--token", TokenLabel, "--label", label, "--id", id, "--pin", Pin);
        File.Delete(keyFile);

        // softhsm2-util imports keys only; the certificate object is written through PKCS#11 itself.
        var factories = new Pkcs11InteropFactories();
        var library = Pkcs11Library.Value;
        var slot = library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.Trim() == TokenLabel);
        using var session = slot.OpenSession(SessionType.ReadWrite);
        session.Login(CKU.CKU_USER, Pin);
        var a = factories.ObjectAttributeFactory;
        session.CreateObject(
        [
            a.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE),
            a.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
            a.Create(CKA.CKA_TOKEN, true),
            a.Create(CKA.CKA_LABEL, label),
            a.Create(CKA.CKA_ID, Convert.FromHexString(id)),
            a.Create(CKA.CKA_SUBJECT, signer.SubjectName.RawData),
            a.Create(CKA.CKA_VALUE, signer.RawData),
        ]);
        var issuer = X509CertificateLoader.LoadCertificate(_pki.Issuing.RawData);
        session.CreateObject(
        [
            a.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE),
            a.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
            a.Create(CKA.CKA_TOKEN, true),
            a.Create(CKA.CKA_LABEL, label + "-ca"),
            a.Create(CKA.CKA_SUBJECT, issuer.SubjectName.RawData),
            a.Create(CKA.CKA_VALUE, issuer.RawData),
        ]);
        session.Logout();
    }

    // Loaded once and never finalised: the product's key source shares the module in this process.
    private static readonly Lazy<IPkcs11Library> Pkcs11Library = new(() =>
    {
        Pkcs11SigningKey.EnsureNativeLoader();
        var factories = new Pkcs11InteropFactories();
        return factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, SoftHsmLibrary, AppType.MultiThreaded);
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_key_on_a_PKCS11_token_signs_PAdES_without_leaving_it(bool ec)
    {
        Assert.SkipUnless(File.Exists(SoftHsmLibrary), $"SoftHSM2 is not installed here ({SoftHsmLibrary}); apt-get install softhsm2 (.ci/run installs it).");
        var label = (ec ? "ec-" : "rsa-") + Guid.NewGuid().ToString("N")[..8];
        using var signer = _pki.IssueSigner("Văn thư UBND xã Bác Ái", ec);
        Provision(signer, label);
        using var app = new AppFactory();
        app.Settings["Signing:KeySource"] = "Pkcs11";
        app.Settings["Signing:Pkcs11:Library"] = SoftHsmLibrary;
        app.Settings["Signing:Pkcs11:TokenLabel"] = TokenLabel;
        app.Settings["Signing:Pkcs11:Pin"] = Pin;
        app.Settings["Signing:Pkcs11:KeyLabel"] = label;
        app.Settings["Signing:TrustedRoots"] = _pki.WriteRootPem(Path.Combine(_folder, "root.pem"));
        app.Settings["Signing:TimestampUrl"] = _pki.TsaUrl.ToString();

        var signed = await app.Services.GetRequiredService<PdfSigner>().SignPdfAsync(PadesSigningTests.Document(), new SignOptions("Phát hành", "Bác Ái"), Ct);

        var (sigs, output) = await Pdfsig.RunAsync(signed);
        Assert.True(Assert.Single(sigs).Valid, output);
        Assert.True(sigs[0].TotalDocumentSigned, output);
        var check = Assert.Single((await app.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(signed, Ct))!);
        Assert.Equal(signer.Thumbprint, check.SignerThumbprint);
        Assert.Equal("PAdES B-T", check.Level);
        Assert.True(check.ChainTrusted, string.Join("; ", check.Problems));
    }

    [Fact]
    public async Task A_wrong_PIN_or_a_missing_token_is_a_signing_error_naming_the_setting()
    {
        Assert.SkipUnless(File.Exists(SoftHsmLibrary), $"SoftHSM2 is not installed here ({SoftHsmLibrary}); apt-get install softhsm2 (.ci/run installs it).");
        _ = TokenFolder.Value;
        using var wrongPin = new Pkcs11SigningKey(new Pkcs11Options { Library = SoftHsmLibrary, TokenLabel = TokenLabel, Pin = "000000", KeyLabel = "x" });
        Assert.Contains("Signing:Pkcs11:Pin", (await Assert.ThrowsAsync<SigningKeyException>(() => wrongPin.ChainAsync(Ct))).Message);
        using var noToken = new Pkcs11SigningKey(new Pkcs11Options { Library = SoftHsmLibrary, TokenLabel = "absent", Pin = Pin, KeyLabel = "x" });
        Assert.Contains("Signing:Pkcs11:TokenLabel", (await Assert.ThrowsAsync<SigningKeyException>(() => noToken.SignAsync([1, 2, 3], Ct))).Message);
        using var noLibrary = new Pkcs11SigningKey(new Pkcs11Options { Library = "/nonexistent/libpkcs11.so", TokenLabel = TokenLabel, Pin = Pin, KeyLabel = "x" });
        Assert.Contains("Signing:Pkcs11:Library", (await Assert.ThrowsAsync<SigningKeyException>(() => noLibrary.ChainAsync(Ct))).Message);
    }

    /// <summary>A remote signing service on loopback: bearer key checked, hash signed with a key the test CA certified.</summary>
    private sealed class RemoteService : IAsyncDisposable
    {
        private readonly WebApplication _app;

        public string Behavior { get; set; } = "sign";

        public List<JsonElement> SignRequests { get; } = [];

        public Uri Url { get; }

        private RemoteService(WebApplication app, Uri url)
        {
            _app = app;
            Url = url;
        }

        public static async Task<RemoteService> StartAsync(X509Certificate2 signer, X509Certificate2 issuing)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            RemoteService? service = null;
            string[] chain = [Convert.ToBase64String(signer.RawData), Convert.ToBase64String(issuing.RawData)];
            app.Use(async (c, next) =>
            {
                if (c.Request.Headers.Authorization != "Bearer service-key")
                {
                    c.Response.StatusCode = 401;
                    await c.Response.WriteAsJsonAsync(new { error = "invalid api key" });
                    return;
                }

                await next(c);
            });
            app.MapPost("/v1/certificates", () => Microsoft.AspNetCore.Http.Results.Json(new { certificates = chain }));
            app.MapPost("/v1/sign", async (HttpContext c) =>
            {
                var body = await JsonSerializer.DeserializeAsync<JsonElement>(c.Request.Body);
                lock (service!.SignRequests)
                {
                    service.SignRequests.Add(body);
                }

                var hash = Convert.FromBase64String(body.GetProperty("hash").GetString()!);
                switch (service.Behavior)
                {
                    case "refuse":
                        return Microsoft.AspNetCore.Http.Results.Json(new { error = "Người ký đã từ chối yêu cầu" }, statusCode: 403);
                    case "stall":
                        await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted);
                        return Microsoft.AspNetCore.Http.Results.StatusCode(504);
                    case "cheat":
                        using (var other = RSA.Create(2048))
                        {
                            return Microsoft.AspNetCore.Http.Results.Json(new { signature = Convert.ToBase64String(other.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), certificates = chain });
                        }

                    default:
                        using (var rsa = signer.GetRSAPrivateKey()!)
                        {
                            return Microsoft.AspNetCore.Http.Results.Json(new { signature = Convert.ToBase64String(rsa.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), certificates = chain });
                        }
                }
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
            var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1");
            service = new RemoteService(app, url);
            return service;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_remote_signing_service_signs_the_hash_of_the_signed_attributes_and_its_refusals_are_errors()
    {
        using var signer = _pki.IssueSigner("Chủ tịch UBND xã Bác Ái (ký từ xa)");
        await using var service = await RemoteService.StartAsync(signer, _pki.Issuing);
        using var app = new AppFactory();
        app.Settings["Signing:KeySource"] = "Remote";
        app.Settings["Signing:Remote:Url"] = service.Url.ToString();
        app.Settings["Signing:Remote:ApiKey"] = "service-key";
        app.Settings["Signing:Remote:CredentialId"] = "cred-001";
        app.Settings["Signing:Remote:TimeoutSeconds"] = "5"; // the stalled call waits it out; 2 s was too short on a loaded CI machine
        app.Settings["Signing:TrustedRoots"] = _pki.WriteRootPem(Path.Combine(_folder, "root.pem"));
        var pdfSigner = app.Services.GetRequiredService<PdfSigner>();

        var signed = await pdfSigner.SignPdfAsync(PadesSigningTests.Document(), new SignOptions("Ký duyệt", "Bác Ái"), Ct);

        var (sigs, output) = await Pdfsig.RunAsync(signed);
        Assert.True(Assert.Single(sigs).Valid, output);
        var check = Assert.Single((await app.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(signed, Ct))!);
        Assert.Equal("PAdES B-B", check.Level);
        Assert.True(check.ChainTrusted, string.Join("; ", check.Problems));
        // What went out is the SHA-256 of the DER signed attributes, with the attributes themselves, for credential cred-001.
        var request = Assert.Single(service.SignRequests);
        Assert.Equal("cred-001", request.GetProperty("credentialId").GetString());
        Assert.Equal(SHA256.HashData(Convert.FromBase64String(request.GetProperty("signedAttributes").GetString()!)),
            Convert.FromBase64String(request.GetProperty("hash").GetString()!));

        service.Behavior = "refuse";
        var refused = await Assert.ThrowsAsync<SigningKeyException>(() => pdfSigner.SignPdfAsync(PadesSigningTests.Document(), new SignOptions("Ký", "Bác Ái"), Ct));
        Assert.Contains("từ chối", refused.Message);
        service.Behavior = "stall";
        var stalled = await Assert.ThrowsAsync<SigningKeyException>(() => pdfSigner.SignPdfAsync(PadesSigningTests.Document(), new SignOptions("Ký", "Bác Ái"), Ct));
        Assert.Contains("Signing:Remote:TimeoutSeconds", stalled.Message);
        service.Behavior = "cheat";
        var cheated = await Assert.ThrowsAsync<SigningKeyException>(() => pdfSigner.SignPdfAsync(PadesSigningTests.Document(), new SignOptions("Ký", "Bác Ái"), Ct));
        Assert.Contains("does not verify", cheated.Message);
    }

    [Fact]
    public async Task The_fake_remote_service_signs_in_the_demo_and_can_refuse_or_never_answer()
    {
        using var app = new AppFactory();
        app.Settings["Signing:KeySource"] = "Remote";
        app.Settings["Signing:Remote:Provider"] = "Fake";
        app.Settings["Signing:Remote:TimeoutSeconds"] = "1";
        var signed = await app.Services.GetRequiredService<PdfSigner>().SignPdfAsync(PadesSigningTests.Document(), new SignOptions("Ký", "Bác Ái"), Ct);
        var (sigs, output) = await Pdfsig.RunAsync(signed);
        Assert.True(Assert.Single(sigs).Valid, output);

        var options = new RemoteSigningOptions { Provider = "Fake", TimeoutSeconds = 1, FakeBehavior = "Refuse" };
        using var fake = new FakeRemoteSigningService(options, TimeProvider.System);
        var key = new RemoteSigningKey(fake, options);
        await Assert.ThrowsAsync<SigningKeyException>(() => key.SignAsync([1, 2, 3], Ct));
        options.FakeBehavior = "Timeout";
        Assert.Contains("did not answer", (await Assert.ThrowsAsync<SigningKeyException>(() => key.SignAsync([1, 2, 3], Ct))).Message);
    }

    [Theory]
    [InlineData("Signing:KeySource=Demo", "Signing:KeySource")]
    [InlineData("Signing:KeySource=Remote;Signing:Remote:Provider=Fake", "Signing:Remote:Provider")]
    [InlineData("Signing:KeySource=Remote;Signing:Remote:Url=http://ca.example.vn;Signing:Remote:ApiKey=k;Signing:Remote:CredentialId=c", "Signing:Remote:Url")]
    [InlineData("Signing:KeySource=Pkcs11;Signing:Pkcs11:Library=/usr/lib/x.so;Signing:Pkcs11:TokenLabel=t;Signing:Pkcs11:KeyLabel=k", "Signing:Pkcs11:Pin")]
    [InlineData("Signing:KeySource=Hsm", "Signing:KeySource")]
    public void Production_refuses_the_demo_keys_naming_the_setting(string settings, string named)
    {
        var config = ProductionGuardTests.Complete();
        config.Remove("Signing:CertificatePath");
        foreach (var pair in settings.Split(';'))
        {
            config[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        var problems = ProductionGuard.Problems(new ConfigurationBuilder().AddInMemoryCollection(config).Build());

        Assert.Equal([named], problems.Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Production_accepts_a_complete_remote_or_PKCS11_configuration()
    {
        foreach (var extra in new Dictionary<string, string?>[]
        {
            new() { ["Signing:KeySource"] = "Remote", ["Signing:Remote:Url"] = "https://rs.ca.example.vn/v1", ["Signing:Remote:ApiKey"] = "issued-key", ["Signing:Remote:CredentialId"] = "c-1" },
            new() { ["Signing:KeySource"] = "Pkcs11", ["Signing:Pkcs11:Library"] = "/usr/lib/x.so", ["Signing:Pkcs11:TokenLabel"] = "t", ["Signing:Pkcs11:Pin"] = "p", ["Signing:Pkcs11:KeyLabel"] = "k" },
        })
        {
            var config = ProductionGuardTests.Complete();
            config.Remove("Signing:CertificatePath");
            foreach (var (k, v) in extra)
            {
                config[k] = v;
            }

            Assert.Empty(ProductionGuard.Problems(new ConfigurationBuilder().AddInMemoryCollection(config).Build()));
        }
    }
}
