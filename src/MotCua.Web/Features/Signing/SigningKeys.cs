using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Web.Features.Signing;

/// <summary>
/// Where the signing key lives: it signs the DER of the CMS signed attributes (PAdES: the hash of the document is inside
/// them), never the document itself. The certificate chain is asked first, because the ESS signing-certificate-v2
/// attribute names the certificate before anything is signed.
/// </summary>
public interface ISigningKey
{
    /// <summary>Short name of the source for logs and the signature's record: pkcs12, store, pkcs11, remote, demo.</summary>
    string Source { get; }

    /// <summary>The signer's certificate first, then its issuers (as many as are known; the root may be left out).</summary>
    Task<IReadOnlyList<X509Certificate2>> ChainAsync(CancellationToken ct);

    /// <summary>
    /// The signature of <paramref name="signedAttributes"/> with SHA-256: PKCS#1 v1.5 for an RSA key, DER (r, s) for an EC key.
    /// Throws <see cref="SigningKeyException"/> with a message a user can read when the key refuses or cannot be reached.
    /// </summary>
    Task<byte[]> SignAsync(byte[] signedAttributes, CancellationToken ct);
}

/// <summary>The key could not sign (token missing, wrong PIN, the remote service refused or timed out); the message says which.</summary>
public sealed class SigningKeyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A certificate whose private key .NET holds: a PKCS#12 file, the certificate store, the demo's generated certificate.</summary>
public sealed class CertificateSigningKey(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> issuers, string source) : ISigningKey
{
    public string Source => source;

    public X509Certificate2 Certificate => certificate;

    public Task<IReadOnlyList<X509Certificate2>> ChainAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<X509Certificate2>>([certificate, .. issuers]);

    public Task<byte[]> SignAsync(byte[] signedAttributes, CancellationToken ct)
    {
        if (certificate.GetRSAPrivateKey() is { } rsa)
        {
            using (rsa)
            {
                return Task.FromResult(rsa.SignData(signedAttributes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            }
        }

        if (certificate.GetECDsaPrivateKey() is { } ec)
        {
            using (ec)
            {
                return Task.FromResult(ec.SignData(signedAttributes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            }
        }

        throw new SigningKeyException($"The certificate {certificate.Subject} has no RSA or EC private key.");
    }

    /// <summary>
    /// The issuers of <paramref name="signer"/> among <paramref name="collection"/> (a PKCS#12 file's, a token's), in chain
    /// order: X509Chain picks them by key identifier and signature, not by name alone (two CAs may share a name).
    /// </summary>
    public static IReadOnlyList<X509Certificate2> IssuersFrom(X509Certificate2Collection collection, X509Certificate2 signer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.ExtraStore.AddRange(collection);
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllFlags;
        chain.Build(signer);
        return [.. chain.ChainElements.Skip(1).Select(e => e.Certificate).Where(c => collection.Any(x => x.Thumbprint == c.Thumbprint))];
    }
}
