using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Forms;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;
using PdfSharp.Pdf;

namespace MotCua.IntegrationTests.Features.Signing;

public sealed class PdfSignerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Any_pdf_is_signed_with_the_one_certificate_kept_in_the_database()
    {
        // The visible signature box is drawn in text, with the font resolver that rendering a form installs.
        FormPdf.EnsureFonts();
        var signer = app.Services.GetRequiredService<PdfSigner>();
        using var document = new PdfDocument();
        document.AddPage();

        var pdf = await signer.SignAsync(document, "Kiểm thử ký số", "Bác Ái", Ct);

        var certificate = await signer.CertificateAsync(Ct);
        Assert.Equal(certificate.Thumbprint, PdfSignatures.Verify(pdf).Thumbprint);
        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SigningCertificates.AsNoTracking()
            .SingleAsync(c => c.Name == PdfSigner.CertificateName, Ct);
        Assert.Equal(certificate.Thumbprint, stored.Thumbprint);
    }

    [Fact]
    public async Task A_configured_pkcs12_file_signs_and_nothing_is_generated_or_stored()
    {
        FormPdf.EnsureFonts();
        var folder = Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "unit-signing.pfx");
        var thumbprint = TestCertificates.WritePfx(path, "UBND xã Bác Ái", "pfx-secret");
        try
        {
            using var configured = new AppFactory();
            configured.Settings["Signing:CertificatePath"] = path;
            configured.Settings["Signing:CertificatePassword"] = "pfx-secret";
            var signer = configured.Services.GetRequiredService<PdfSigner>();
            using var document = new PdfDocument();
            document.AddPage();

            var pdf = await signer.SignAsync(document, "Kiểm thử ký số", "Bác Ái", Ct);

            Assert.Equal(thumbprint, PdfSignatures.Verify(pdf).Thumbprint);
            using var scope = configured.Services.CreateScope();
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().SigningCertificates.AnyAsync(Ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_configured_certificate_that_cannot_sign_is_refused_naming_the_setting()
    {
        var folder = Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N"));
        var good = Path.Combine(folder, "good.pfx");
        TestCertificates.WritePfx(good, "UBND", "right");
        var publicOnly = Path.Combine(folder, "public-only.pfx");
        using (var withKey = TestCertificates.Create("No key"))
        using (var withoutKey = X509CertificateLoader.LoadCertificate(withKey.RawData))
        {
            File.WriteAllBytes(publicOnly, withoutKey.Export(X509ContentType.Pkcs12));
        }

        var expired = Path.Combine(folder, "expired.pfx");
        using (var old = TestCertificates.Create("Old", DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddYears(-1)))
        {
            File.WriteAllBytes(expired, old.Export(X509ContentType.Pkcs12));
        }

        try
        {
            string Refusal(params (string Key, string? Value)[] settings)
            {
                var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();
                return Assert.Throws<InvalidOperationException>(() => SigningCertificateSource.Load(config, DateTimeOffset.UtcNow)).Message;
            }

            Assert.StartsWith("Signing:CertificatePath", Refusal(("Signing:CertificatePath", Path.Combine(folder, "missing.pfx"))));
            Assert.StartsWith("Signing:CertificatePath", Refusal(("Signing:CertificatePath", good), ("Signing:CertificatePassword", "wrong")));
            Assert.Contains("no private key", Refusal(("Signing:CertificatePath", publicOnly)));
            Assert.Contains("not today", Refusal(("Signing:CertificatePath", expired)));
            Assert.StartsWith("Signing:CertificateThumbprint", Refusal(("Signing:CertificateThumbprint", new string('A', 40)), ("Signing:CertificateStore", "CurrentUser")));
            Assert.Contains("both set", Refusal(("Signing:CertificatePath", good), ("Signing:CertificateThumbprint", new string('A', 40))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_certificate_in_the_store_is_found_by_its_thumbprint()
    {
        using var created = TestCertificates.Create("UBND store test");
        // Through PKCS#12 so that the private key is persisted with the certificate in the store.
        using var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.PersistKeySet | X509KeyStorageFlags.Exportable);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Signing:CertificateThumbprint"] = certificate.Thumbprint.ToLowerInvariant(),
                ["Signing:CertificateStore"] = "CurrentUser",
            }).Build();

            using var loaded = SigningCertificateSource.Load(config, DateTimeOffset.UtcNow);

            Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
            Assert.True(loaded.HasPrivateKey);
        }
        finally
        {
            store.Remove(certificate);
        }
    }
}
