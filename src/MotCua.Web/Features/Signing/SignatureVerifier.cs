using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace MotCua.Web.Features.Signing;

/// <summary>Revocation of the signer's certificate as its CA's OCSP responder answered.</summary>
public enum RevocationStatus
{
    /// <summary>The certificate names no OCSP responder (or has no issuer to ask about).</summary>
    NotChecked,
    Good,
    Revoked,

    /// <summary>The responder could not be reached or its answer could not be trusted.</summary>
    Unknown,
}

/// <summary>What one signature is worth: each property a separate check, so a reader sees which one failed.</summary>
public sealed record SignatureCheck(
    string FieldName,
    string? SubFilter,
    string Level,
    string? SignerSubject,
    string? IssuerSubject,
    string? SignerThumbprint,
    DateTimeOffset? CertificateNotAfter,
    DateTimeOffset? SigningTime,
    DateTimeOffset? TimestampTime,
    bool? TimestampValid,
    bool IntegrityValid,
    bool CoversWholeDocument,
    bool ChainTrusted,
    RevocationStatus Revocation,
    DateTimeOffset? RevokedAt,
    IReadOnlyList<string> Problems);

/// <summary>
/// The product's own verifier of PDF signatures: the PDF side (<see cref="PdfSignatureReader"/>), then per signature with
/// BouncyCastle the CMS (message digest over the /ByteRange, the signature, the ESS signing-certificate(-v2) attribute,
/// the RFC 3161 token over the signature value), then the chain to the trust anchors with .NET's X509Chain at the
/// signing time (the time-stamp's when there is one) and the signer's revocation from its CA's OCSP responder.
/// Problems are written in English for the log and the API's <c>problems</c>; the page says the same in Vietnamese from the flags.
/// </summary>
public sealed class SignatureVerifier(TrustAnchors anchors, IHttpClientFactory http, TimeProvider time, ILogger<SignatureVerifier> log)
{
    public const string HttpClientName = "signing";

    public async Task<IReadOnlyList<SignatureCheck>?> VerifyAsync(byte[] pdf, CancellationToken ct)
    {
        if (PdfSignatureReader.Read(pdf) is not { } fields)
        {
            return null;
        }

        var checks = new List<SignatureCheck>(fields.Count);
        foreach (var field in fields)
        {
            checks.Add(await CheckAsync(pdf, field, ct));
        }

        return checks;
    }

    private async Task<SignatureCheck> CheckAsync(byte[] pdf, PdfSignatureField field, CancellationToken ct)
    {
        var problems = new List<string>();
        var covered = PdfSignatureReader.CoveredBytes(pdf, field.ByteRange);
        var whole = covered is not null && field.ByteRange[2] + field.ByteRange[3] == pdf.Length;
        if (covered is null)
        {
            problems.Add("The /ByteRange does not frame the /Contents inside the file.");
        }
        else if (!whole)
        {
            problems.Add("The file was changed after this signature (an incremental update follows it).");
        }

        SignerInformation? signer = null;
        BcCertificate? certificate = null;
        var certificates = new List<BcCertificate>();
        var integrity = false;
        var essOk = false;
        try
        {
            using var input = new Asn1InputStream(field.Contents);
            var cms = new CmsSignedData(new CmsProcessableByteArray(covered ?? []), ContentInfo.GetInstance(input.ReadObject()));
            certificates.AddRange(cms.GetCertificates().EnumerateMatches(null));
            signer = cms.GetSignerInfos().GetSigners().FirstOrDefault();
            certificate = signer is null ? null : cms.GetCertificates().EnumerateMatches(signer.SignerID).FirstOrDefault();
            if (signer is null || certificate is null)
            {
                problems.Add("The signature carries no signer certificate.");
            }
            else
            {
                integrity = covered is not null && signer.Verify(certificate);
                if (!integrity && covered is not null)
                {
                    problems.Add("The signature does not match the signed bytes.");
                }

                essOk = SigningCertificateMatches(signer, certificate);
            }
        }
        catch (Exception ex) when (ex is CmsException or IOException or ArgumentException or InvalidCastException or InvalidOperationException
            or Org.BouncyCastle.Security.SecurityUtilityException or CryptographicException)
        {
            problems.Add($"The signature cannot be checked: {ex.Message}");
            integrity = false;
        }

        DateTimeOffset? timestamp = null;
        bool? timestampValid = null;
        if (signer?.UnsignedAttributes?[CadesSignature.SignatureTimeStampToken] is { } stampAttribute)
        {
            (timestamp, timestampValid) = CheckTimestamp(stampAttribute, signer, problems);
        }

        var level = field.SubFilter switch
        {
            "ETSI.CAdES.detached" when essOk && timestampValid == true => "PAdES B-T",
            "ETSI.CAdES.detached" when essOk => "PAdES B-B",
            "ETSI.CAdES.detached" => "CAdES (no signing-certificate attribute)",
            { } other => other,
            null => "unknown",
        };
        if (field.SubFilter == "ETSI.CAdES.detached" && !essOk && certificate is not null)
        {
            problems.Add("The ESS signing-certificate-v2 attribute is missing or names another certificate.");
        }

        var trusted = false;
        var revocation = RevocationStatus.NotChecked;
        DateTimeOffset? revokedAt = null;
        X509Certificate2? signerCertificate = null;
        if (certificate is not null)
        {
            signerCertificate = X509CertificateLoader.LoadCertificate(certificate.GetEncoded());
            var at = timestampValid == true ? timestamp : field.SigningTime;
            var extra = certificates.Select(c => X509CertificateLoader.LoadCertificate(c.GetEncoded())).ToList();
            var (chainOk, issuer) = await BuildChainAsync(signerCertificate, extra, at ?? time.GetUtcNow(), problems, ct);
            trusted = chainOk;
            if (issuer is not null)
            {
                (revocation, revokedAt) = await CheckRevocationAsync(signerCertificate, issuer, problems, ct);
                if (revocation == RevocationStatus.Revoked && (timestampValid != true || revokedAt <= timestamp))
                {
                    trusted = false;
                }
            }
        }

        return new SignatureCheck(
            field.FieldName, field.SubFilter, level,
            signerCertificate?.Subject, signerCertificate?.Issuer, signerCertificate?.Thumbprint,
            signerCertificate is null ? null : new DateTimeOffset(signerCertificate.NotAfter.ToUniversalTime()),
            field.SigningTime, timestamp, timestampValid, integrity, whole, trusted, revocation, revokedAt, problems);
    }

    private static bool SigningCertificateMatches(SignerInformation signer, BcCertificate certificate)
    {
        var attributes = signer.SignedAttributes;
        if (attributes?[PkcsObjectIdentifiers.IdAASigningCertificateV2] is { } v2)
        {
            var id = SigningCertificateV2.GetInstance(v2.AttrValues[0]).GetCerts()[0];
            var algorithm = id.HashAlgorithm.Algorithm.Id;
            return DigestUtilities.CalculateDigest(algorithm, certificate.GetEncoded()).AsSpan().SequenceEqual(id.GetCertHash());
        }

        if (attributes?[PkcsObjectIdentifiers.IdAASigningCertificate] is { } v1)
        {
            var id = Org.BouncyCastle.Asn1.Ess.SigningCertificate.GetInstance(v1.AttrValues[0]).GetCerts()[0];
            return DigestUtilities.CalculateDigest("SHA-1", certificate.GetEncoded()).AsSpan().SequenceEqual(id.GetCertHash());
        }

        return false;
    }

    private (DateTimeOffset? Time, bool Valid) CheckTimestamp(Org.BouncyCastle.Asn1.Cms.Attribute attribute, SignerInformation signer, List<string> problems)
    {
        try
        {
            var token = new TimeStampToken(ContentInfo.GetInstance(attribute.AttrValues[0]));
            var genTime = new DateTimeOffset(DateTime.SpecifyKind(token.TimeStampInfo.GenTime, DateTimeKind.Utc));
            var tsa = token.GetCertificates().EnumerateMatches(token.SignerID).FirstOrDefault();
            if (tsa is null)
            {
                problems.Add("The time-stamp token carries no certificate of its authority.");
                return (genTime, false);
            }

            token.Validate(tsa);
            var imprint = DigestUtilities.CalculateDigest(token.TimeStampInfo.MessageImprintAlgOid, signer.GetSignature());
            if (!imprint.AsSpan().SequenceEqual(token.TimeStampInfo.GetMessageImprintDigest()))
            {
                problems.Add("The time-stamp was given for another signature.");
                return (genTime, false);
            }

            var tsaCertificate = X509CertificateLoader.LoadCertificate(tsa.GetEncoded());
            var others = token.GetCertificates().EnumerateMatches(null).Select(c => X509CertificateLoader.LoadCertificate(c.GetEncoded())).ToList();
            if (!anchors.Chains(tsaCertificate, others, genTime, out var why))
            {
                problems.Add($"The time-stamp authority is not trusted: {why}");
                return (genTime, false);
            }

            return (genTime, true);
        }
        catch (Exception ex) when (ex is TspException or TspValidationException or CmsException or ArgumentException or IOException or InvalidOperationException)
        {
            problems.Add($"The time-stamp token is not valid: {ex.Message}");
            return (null, false);
        }
    }

    private Task<(bool Trusted, X509Certificate2? Issuer)> BuildChainAsync(X509Certificate2 signer, List<X509Certificate2> extra, DateTimeOffset at,
        List<string> problems, CancellationToken ct)
    {
        _ = ct;
        var trusted = anchors.Chains(signer, extra, at, out var why, out var issuer);
        if (!trusted)
        {
            problems.Add($"The signer's certificate does not chain to a trusted root: {why}");
        }

        return Task.FromResult((trusted, issuer));
    }

    private async Task<(RevocationStatus, DateTimeOffset?)> CheckRevocationAsync(X509Certificate2 signer, X509Certificate2 issuer, List<string> problems, CancellationToken ct)
    {
        var aia = signer.Extensions.OfType<X509AuthorityInformationAccessExtension>().FirstOrDefault();
        var url = aia?.EnumerateOcspUris().FirstOrDefault();
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var ocsp) || ocsp.Scheme is not ("http" or "https"))
        {
            return (RevocationStatus.NotChecked, null);
        }

        try
        {
            var bcIssuer = new BcCertificate(issuer.RawData);
            var id = new CertificateID(CertificateID.DigestSha1, bcIssuer, new Org.BouncyCastle.Math.BigInteger(1, signer.SerialNumberBytes.ToArray()));
            var generator = new OcspReqGenerator();
            generator.AddRequest(id);
            using var content = new ByteArrayContent(generator.Generate().GetEncoded());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/ocsp-request");
            using var response = await http.CreateClient(HttpClientName).PostAsync(ocsp, content, ct);
            if (!response.IsSuccessStatusCode)
            {
                problems.Add($"The OCSP responder {ocsp.Host} answered HTTP {(int)response.StatusCode}.");
                return (RevocationStatus.Unknown, null);
            }

            var answer = new OcspResp(await response.Content.ReadAsByteArrayAsync(ct));
            if (answer.Status != OcspRespStatus.Successful || answer.GetResponseObject() is not BasicOcspResp basic)
            {
                problems.Add($"The OCSP responder {ocsp.Host} did not give a status (code {answer.Status}).");
                return (RevocationStatus.Unknown, null);
            }

            // Signed by the issuing CA itself, or by a responder certificate the CA issued for OCSP signing.
            var signedByCa = basic.Verify(bcIssuer.GetPublicKey());
            var delegated = !signedByCa && basic.GetCerts().Any(c =>
                c.IssuerDN.Equivalent(bcIssuer.SubjectDN) && IsSignedBy(c, bcIssuer) && c.GetExtendedKeyUsage().Any(o => o.Id == "1.3.6.1.5.5.7.3.9")
                && basic.Verify(c.GetPublicKey()));
            if (!signedByCa && !delegated)
            {
                problems.Add($"The OCSP answer from {ocsp.Host} is not signed by the certificate's CA.");
                return (RevocationStatus.Unknown, null);
            }

            var single = basic.Responses.FirstOrDefault(r => r.GetCertID().Equals(id));
            return single?.GetCertStatus() switch
            {
                null when single is not null => (RevocationStatus.Good, null),
                RevokedStatus revoked => Revoked(revoked, problems),
                _ => (RevocationStatus.Unknown, null),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OcspException or IOException or ArgumentException)
        {
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            log.LogWarning("OCSP check at {Host} failed: {Message}", ocsp.Host, ex.Message);
            problems.Add($"The OCSP responder {ocsp.Host} cannot be reached.");
            return (RevocationStatus.Unknown, null);
        }
    }

    private static (RevocationStatus, DateTimeOffset?) Revoked(RevokedStatus revoked, List<string> problems)
    {
        var when = new DateTimeOffset(DateTime.SpecifyKind(revoked.RevocationTime, DateTimeKind.Utc));
        problems.Add($"The signer's certificate was revoked on {when:yyyy-MM-dd HH:mm} UTC.");
        return (RevocationStatus.Revoked, when);
    }

    private static bool IsSignedBy(BcCertificate certificate, BcCertificate issuer)
    {
        try
        {
            certificate.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception ex) when (ex is Org.BouncyCastle.Security.Certificates.CertificateException or InvalidKeyException or SignatureException)
        {
            return false;
        }
    }
}
