using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Signing;

/// <summary>The key sources <c>Signing:KeySource</c> names.</summary>
public static class KeySources
{
    public const string Setting = "Signing:KeySource";
    public const string Pkcs12 = "Pkcs12";
    public const string Store = "Store";
    public const string Pkcs11 = "Pkcs11";
    public const string Remote = "Remote";
    public const string Demo = "Demo";

    /// <summary>The configured source; without <c>Signing:KeySource</c>, a PKCS#12 path or a thumbprint picks those, else the demo's generated certificate.</summary>
    public static string Of(IConfiguration config)
    {
        var named = config[Setting];
        if (!string.IsNullOrWhiteSpace(named))
        {
            return new[] { Pkcs12, Store, Pkcs11, Remote, Demo }.FirstOrDefault(s => s.Equals(named.Trim(), StringComparison.OrdinalIgnoreCase)) ?? named.Trim();
        }

        return !string.IsNullOrWhiteSpace(config[SigningCertificateSource.PathKey]) ? Pkcs12
            : !string.IsNullOrWhiteSpace(config[SigningCertificateSource.ThumbprintKey]) ? Store
            : Demo;
    }
}

/// <summary>
/// The one signing key of this instance, from configuration (<see cref="KeySources"/>), made once per process. The demo's
/// key is a self-signed certificate generated on first use and kept in the database, encrypted with the data-protection
/// keys, so every instance signs with the same one; Production refuses it (ProductionGuard).
/// </summary>
public sealed class SigningKeyProvider(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time, IConfiguration config, IServiceProvider services)
{
    // Both names were given when only results were signed; they stay, or the stored certificate could not be found or decrypted.
    public const string CertificateName = "result-signing";
    private const string Purpose = "MotCua.Results.SigningCertificate";
    private Task<ISigningKey>? _loading;

    public string Source => KeySources.Of(config);

    public Task<ISigningKey> KeyAsync(CancellationToken ct)
    {
        if (_loading is null or { IsFaulted: true } or { IsCanceled: true })
        {
            _loading = LoadAsync(CancellationToken.None);
        }

        return _loading.WaitAsync(ct);
    }

    private async Task<ISigningKey> LoadAsync(CancellationToken ct)
    {
        switch (KeySources.Of(config))
        {
            case KeySources.Pkcs12 or KeySources.Store:
                var configured = SigningCertificateSource.Load(config, time.GetUtcNow());
                return new CertificateSigningKey(configured, SigningCertificateSource.LoadIssuers(config, configured), KeySources.Of(config).ToLowerInvariant());
            case KeySources.Pkcs11:
                var pkcs11 = config.GetSection(Pkcs11Options.Section).Get<Pkcs11Options>() ?? new();
                return new Pkcs11SigningKey(pkcs11);
            case KeySources.Remote:
                return new RemoteSigningKey(services.GetRequiredService<IRemoteSigningService>(), RemoteOptions(config));
            case KeySources.Demo:
                return new CertificateSigningKey(await DemoCertificateAsync(ct), [], "demo");
            case var other:
                throw new InvalidOperationException($"{KeySources.Setting}: '{other}' is not a key source; use Pkcs12, Store, Pkcs11, Remote or Demo.");
        }
    }

    internal static RemoteSigningOptions RemoteOptions(IConfiguration config) =>
        config.GetSection(RemoteSigningOptions.Section).Get<RemoteSigningOptions>() ?? new();

    private async Task<X509Certificate2> DemoCertificateAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = protection.CreateProtector(Purpose);
        var row = await db.SigningCertificates.AsNoTracking().SingleOrDefaultAsync(c => c.Name == CertificateName, ct);
        if (row is null)
        {
            using var created = CreateDemo(time.GetUtcNow());
            row = new SigningCertificate
            {
                Name = CertificateName,
                Subject = created.Subject,
                Thumbprint = created.Thumbprint,
                ProtectedPfx = protector.Protect(Convert.ToBase64String(created.Export(X509ContentType.Pkcs12))),
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                NotAfterUtc = created.NotAfter.ToUniversalTime(),
            };
            db.SigningCertificates.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another instance stored its certificate first: use that one.
                db.ChangeTracker.Clear();
                row = await db.SigningCertificates.AsNoTracking().SingleAsync(c => c.Name == CertificateName, ct);
            }
        }

        var pfx = Convert.FromBase64String(protector.Unprotect(row.ProtectedPfx));
        return X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.Exportable);
    }

    private static X509Certificate2 CreateDemo(DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName("MotCua (chứng thư thử nghiệm, không có giá trị pháp lý)");
        name.AddCommonName("Ủy ban nhân dân xã Bác Ái - chữ ký số kết quả (demo)");
        var request = new CertificateRequest(name.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
    }
}
