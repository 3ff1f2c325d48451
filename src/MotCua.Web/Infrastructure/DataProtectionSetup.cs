using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// The certificates that encrypt the data-protection key ring at rest. The ring itself stays in the database (every instance
/// shares it), but its keys are readable only with a certificate supplied from outside the database: a PKCS#12 file named
/// by <c>DataProtection:CertificatePath</c> (and <c>CertificatePassword</c>), plus older ones under
/// <c>DataProtection:PreviousCertificates</c> that still decrypt keys written before a rotation (docs/reliability.md).
/// Without configuration (demo) a throwaway certificate is made once in the data folder, never in the database.
/// </summary>
public sealed class KeyCertificates
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";
    public const string PreviousCertificatesKey = "DataProtection:PreviousCertificates";
    public const string DemoCertificatePathKey = "DataProtection:DemoCertificatePath";

    /// <summary>Encrypts new keys (and signs the history anchors).</summary>
    public required X509Certificate2 Current { get; init; }

    /// <summary>The current certificate first, then the previous ones: any of them decrypts.</summary>
    public required IReadOnlyList<X509Certificate2> All { get; init; }

    /// <summary>True when <see cref="Current"/> came from configuration, false for the generated demo certificate.</summary>
    public required bool FromConfiguration { get; init; }

    /// <summary>Where the current certificate was read from (for messages; no secret).</summary>
    public required string Source { get; init; }

    /// <summary>Whether a real certificate is configured, i.e. the demo one would not be generated.</summary>
    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config[CertificatePathKey]);

    public static KeyCertificates Load(IConfiguration config, string dataFolder)
    {
        var previous = config.GetSection(PreviousCertificatesKey).GetChildren()
            .Select((c, i) => Read(c["Path"], c["Password"], $"{PreviousCertificatesKey}:{i}:Path"))
            .ToList();
        if (IsConfigured(config))
        {
            var current = Read(config[CertificatePathKey], config[CertificatePasswordKey], CertificatePathKey);
            return new() { Current = current, All = [current, .. previous], FromConfiguration = true, Source = config[CertificatePathKey]! };
        }

        var demoPath = config[DemoCertificatePathKey] is { Length: > 0 } p ? p : Path.Combine(dataFolder, "data-protection-demo.pfx");
        var demo = LoadOrCreateDemo(Path.GetFullPath(demoPath));
        return new() { Current = demo, All = [demo, .. previous], FromConfiguration = false, Source = demoPath };
    }

    private static X509Certificate2 Read(string? path, string? password, string setting)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"{setting}: the PKCS#12 file '{path}' does not exist.");
        }

        X509Certificate2 cert;
        try
        {
            cert = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{setting}: '{path}' cannot be read (wrong password or not PKCS#12): {ex.Message}", ex);
        }

        return cert.GetRSAPrivateKey() is null
            ? throw new InvalidOperationException($"{setting}: '{path}' holds no RSA private key; the key ring needs one to encrypt and decrypt.")
            : cert;
    }

    /// <summary>Two instances starting together keep the first file written: the loser loads it.</summary>
    private static X509Certificate2 LoadOrCreateDemo(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=MotCua data protection - demo throwaway", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature, true));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temp, options))
            {
                file.Write(created.Export(X509ContentType.Pkcs12));
            }

            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.Exportable);
    }
}

public static class DataProtectionSetup
{
    /// <summary>
    /// For the Production start checks: true when the key ring is encrypted with a certificate from configuration
    /// (<c>DataProtection:CertificatePath</c>), false when the throwaway demo certificate of the data folder would be used.
    /// </summary>
    public static bool IsConfiguredFromSecret(IConfiguration config) => KeyCertificates.IsConfigured(config);

    /// <summary>The key ring in the database, each key encrypted with <see cref="KeyCertificates.Current"/>; any listed certificate decrypts.</summary>
    public static IHostApplicationBuilder AddDataProtectionKeys(this IHostApplicationBuilder builder)
    {
        var certificates = KeyCertificates.Load(builder.Configuration, DataFolder.Resolve(builder.Configuration, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton(certificates);
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<AppDbContext>().ProtectWith(certificates);
        return builder;
    }

    public const string ApplicationName = "MotCua";

    /// <summary>The encryption settings alone, so that a tool or a test reading the ring elsewhere applies the same ones.</summary>
    public static IDataProtectionBuilder ProtectWith(this IDataProtectionBuilder builder, KeyCertificates certificates) =>
        builder.ProtectKeysWithCertificate(certificates.Current).UnprotectKeysWithAnyCertificate([.. certificates.All]);
}

/// <summary>The app's data folder: beside the SQLite database, or <c>data/</c> under the content root on PostgreSQL.</summary>
public static class DataFolder
{
    public static string Resolve(IConfiguration config, string contentRoot)
    {
        var folder = DatabaseSetup.Provider(config) == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(config, contentRoot)).DataSource))!
            : Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
