using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace MotCua.Web.Features.Signing;

/// <summary>
/// The CMS SignedData of a PAdES signature (ETSI EN 319 142-1, baseline B-B): detached, SHA-256, signed attributes
/// content-type, message-digest and ESS signing-certificate-v2 (RFC 5035) and nothing else: no signing-time, the time is
/// the PDF's /M. B-T adds the RFC 3161 token over the signature value as the unsigned signature-time-stamp attribute.
/// BouncyCastle's ASN.1 types do the encoding; the key signs through <see cref="ISigningKey"/>, wherever it lives.
/// </summary>
public static class CadesSignature
{
    /// <summary>id-aa-signatureTimeStampToken (RFC 3161 appendix A).</summary>
    public static readonly DerObjectIdentifier SignatureTimeStampToken = PkcsObjectIdentifiers.IdAASignatureTimeStampToken;

    /// <summary>The DER of the signed attributes (a SET OF, as it is signed); what a key or a remote service signs.</summary>
    public static byte[] SignedAttributes(byte[] contentSha256, X509Certificate2 signer)
    {
        var certificate = X509CertificateStructure.GetInstance(signer.RawData);
        var issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(certificate.Issuer)), certificate.SerialNumber);
        // SHA-256 is the default hash of ESSCertIDv2, so its algorithm is left out of the encoding (RFC 5035 §5.4.1.1).
        var certId = new EssCertIDv2(SHA256.HashData(signer.RawData), issuerSerial);
        var attributes = new Asn1EncodableVector(
            new CmsAttribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.Data)),
            new CmsAttribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(contentSha256))),
            new CmsAttribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(new SigningCertificateV2([certId]))));
        return new DerSet(attributes).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>The ContentInfo (SignedData) DER with the signature and the chain; <paramref name="timestampToken"/> (a TimeStampToken DER) makes it B-T.</summary>
    public static byte[] Assemble(byte[] signedAttributes, byte[] signature, IReadOnlyList<X509Certificate2> chain, byte[]? timestampToken = null)
    {
        var signer = X509CertificateStructure.GetInstance(chain[0].RawData);
        Asn1Set? unsigned = timestampToken is null
            ? null
            : new DerSet(new CmsAttribute(SignatureTimeStampToken, new DerSet(Asn1Object.FromByteArray(timestampToken))));
        var signerInfo = new SignerInfo(
            new SignerIdentifier(new IssuerAndSerialNumber(signer.Issuer, signer.SerialNumber)),
            new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256, DerNull.Instance),
            Asn1Set.GetInstance(Asn1Object.FromByteArray(signedAttributes)),
            SignatureAlgorithm(chain[0]),
            new DerOctetString(signature),
            unsigned);
        var certificates = new DerSet(chain.Select(c => (Asn1Encodable)X509CertificateStructure.GetInstance(c.RawData)).ToArray());
        var signedData = new SignedData(
            new DerSet(new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256, DerNull.Instance)),
            new ContentInfo(CmsObjectIdentifiers.Data, null),
            certificates,
            null,
            new DerSet(signerInfo));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded(Asn1Encodable.Der);
    }

    private static AlgorithmIdentifier SignatureAlgorithm(X509Certificate2 signer) => signer.GetKeyAlgorithm() switch
    {
        "1.2.840.113549.1.1.1" => new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerNull.Instance),
        "1.2.840.10045.2.1" => new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha256),
        var other => throw new SigningKeyException($"The certificate {signer.Subject} has a key of type {other}, which is not RSA or EC."),
    };
}
