using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Features.Signing;

namespace MotCua.IntegrationTests.Features.Signing;

/// <summary>A PDF signed without an app (a throwaway self-signed certificate, untrusted): a valid body for the security matrices.</summary>
public static class SignedSamples
{
    private static readonly Lazy<byte[]> Signed = new(() =>
    {
        using var certificate = TestCertificates.Create("Mẫu kiểm thử ký số");
        var prepared = PdfIncrementalSigner.Prepare(PadesSigningTests.Document(), new SignatureField("ChuKy1", DateTimeOffset.UtcNow, "Kiểm thử", "Bác Ái"));
        var attributes = CadesSignature.SignedAttributes(prepared.Sha256(), certificate);
        using var rsa = certificate.GetRSAPrivateKey()!;
        return prepared.Complete(CadesSignature.Assemble(attributes, rsa.SignData(attributes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), [certificate]));
    });

    public static byte[] Pdf => Signed.Value;
}
