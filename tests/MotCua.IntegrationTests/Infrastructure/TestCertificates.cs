using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Throwaway RSA certificates written as PKCS#12 files, standing in for a unit's signing or key-ring certificate.</summary>
public static class TestCertificates
{
    public static X509Certificate2 Create(string commonName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=MotCua tests, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyEncipherment, false));
        // From 2020: valid on the test clocks (2025) as on the real one.
        return request.CreateSelfSigned(notBefore ?? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), notAfter ?? DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>Writes a new certificate with its private key to <paramref name="path"/>; returns its thumbprint.</summary>
    public static string WritePfx(string path, string commonName, string? password)
    {
        using var certificate = Create(commonName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return certificate.Thumbprint;
    }
}
