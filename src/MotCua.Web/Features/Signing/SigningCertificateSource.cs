using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Web.Features.Signing;

/// <summary>
/// The unit's signing certificate from configuration: a PKCS#12 file (<c>Signing:CertificatePath</c>, <c>Signing:CertificatePassword</c>)
/// or a certificate with its private key in a certificate store (<c>Signing:CertificateThumbprint</c>, <c>Signing:CertificateStore</c>:
/// LocalMachine or CurrentUser). Without either, the demo's self-signed certificate is generated (<see cref="SigningKeyProvider"/>).
/// </summary>
public static class SigningCertificateSource
{
    public const string PathKey = "Signing:CertificatePath";
    public const string PasswordKey = "Signing:CertificatePassword";
    public const string ThumbprintKey = "Signing:CertificateThumbprint";
    public const string StoreKey = "Signing:CertificateStore";

    public static bool IsConfigured(IConfiguration config) =>
        !string.IsNullOrWhiteSpace(config[PathKey]) || !string.IsNullOrWhiteSpace(config[ThumbprintKey]);

    /// <summary>The configured certificate, checked (private key, validity); an exception naming the setting when it cannot be used.</summary>
    public static X509Certificate2 Load(IConfiguration config, DateTimeOffset now)
    {
        var path = config[PathKey];
        var thumbprint = config[ThumbprintKey];
        if (!string.IsNullOrWhiteSpace(path) && !string.IsNullOrWhiteSpace(thumbprint))
        {
            throw new InvalidOperationException($"{PathKey} and {ThumbprintKey} are both set: keep one.");
        }

        var (certificate, setting) = string.IsNullOrWhiteSpace(path)
            ? (FromStore(thumbprint ?? "", config[StoreKey]), ThumbprintKey)
            : (FromFile(path, config[PasswordKey]), PathKey);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{setting}: the certificate {certificate.Subject} has no private key, so it cannot sign.");
        }

        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            throw new InvalidOperationException(
                $"{setting}: the certificate {certificate.Subject} is valid from {certificate.NotBefore:yyyy-MM-dd} to {certificate.NotAfter:yyyy-MM-dd}, not today.");
        }

        return certificate;
    }

    /// <summary>The issuing CAs that came in the PKCS#12 file with the certificate, so that the signature carries its chain.</summary>
    public static IReadOnlyList<X509Certificate2> LoadIssuers(IConfiguration config, X509Certificate2 signer)
    {
        var path = config[PathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return [];
        }

        var password = config[PasswordKey];
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, string.IsNullOrEmpty(password) ? null : password);
        return CertificateSigningKey.IssuersFrom(all, signer);
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{PathKey}: the file '{path}' does not exist.");
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{PathKey}: '{path}' cannot be read as PKCS#12 with {PasswordKey} ({ex.Message}).", ex);
        }
    }

    private static X509Certificate2 FromStore(string thumbprint, string? storeName)
    {
        // Linux has no LocalMachine "My" store for .NET: CurrentUser there unless told otherwise.
        var location = string.IsNullOrWhiteSpace(storeName)
            ? OperatingSystem.IsWindows() ? StoreLocation.LocalMachine : StoreLocation.CurrentUser
            : Enum.TryParse<StoreLocation>(storeName, ignoreCase: true, out var l) ? l
            : throw new InvalidOperationException($"{StoreKey} must be LocalMachine or CurrentUser, not '{storeName}'.");
        using var store = new X509Store(StoreName.My, location);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{StoreKey}: the {location} certificate store cannot be opened ({ex.Message}).", ex);
        }

        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", "", StringComparison.Ordinal), validOnly: false);
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException($"{ThumbprintKey}: no certificate with thumbprint {thumbprint} in the {location} store.");
    }
}
