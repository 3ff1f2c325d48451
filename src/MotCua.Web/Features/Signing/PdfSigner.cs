using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace MotCua.Web.Features.Signing;

/// <summary>
/// Signs PDFs (PAdES-style CMS, SHA-256) with the unit's certificate: electronic results today, official documents next.
/// The certificate comes from configuration (<see cref="SigningCertificateSource"/>); without it (the demo) a self-signed
/// certificate is generated on first use and kept in the database, encrypted with the data-protection keys, so every
/// instance signs with the same one. Production refuses to start without a configured one (ProductionGuard).
/// </summary>
public sealed class PdfSigner(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time, IConfiguration config)
{
    // Both names were given when only results were signed; they stay, or the stored certificate could not be found or decrypted.
    public const string CertificateName = "result-signing";
    private const string Purpose = "MotCua.Results.SigningCertificate";
    private Task<X509Certificate2>? _loading;

    /// <summary>Loaded once per process; two instances racing to create it keep the first stored one.</summary>
    public Task<X509Certificate2> CertificateAsync(CancellationToken ct)
    {
        if (_loading is null or { IsFaulted: true } or { IsCanceled: true })
        {
            _loading = LoadOrCreateAsync(CancellationToken.None);
        }

        return _loading.WaitAsync(ct);
    }

    /// <summary>Adds a visible signature on the last page and saves the signed document.</summary>
    public async Task<byte[]> SignAsync(PdfDocument document, string reason, string location, CancellationToken ct)
    {
        var certificate = await CertificateAsync(ct);
        var page = document.Pages[document.PageCount - 1];
        var options = new DigitalSignatureOptions
        {
            ContactInfo = certificate.GetNameInfo(X509NameType.SimpleName, false),
            Location = location,
            Reason = reason,
            AppName = "MotCua",
            PageIndex = document.PageCount - 1,
            Rectangle = new XRect(page.Width.Point - 42 - 220, page.Height.Point - 42 - 60, 220, 60),
        };
        DigitalSignatureHandler.ForDocument(document, new PdfSharpDefaultSigner(certificate, PdfMessageDigestType.SHA256, null), options);
        using var output = new MemoryStream();
        await document.SaveAsync(output, false);
        return output.ToArray();
    }

    private async Task<X509Certificate2> LoadOrCreateAsync(CancellationToken ct)
    {
        if (SigningCertificateSource.IsConfigured(config))
        {
            return SigningCertificateSource.Load(config, time.GetUtcNow());
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = protection.CreateProtector(Purpose);
        var row = await db.SigningCertificates.AsNoTracking().SingleOrDefaultAsync(c => c.Name == CertificateName, ct);
        if (row is null)
        {
            using var created = Create(time.GetUtcNow());
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

    private static X509Certificate2 Create(DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName("MotCua (chứng thư thử nghiệm, không có giá trị pháp lý)");
        name.AddCommonName("Ủy ban nhân dân huyện Bác Ái - chữ ký số kết quả (demo)");
        var request = new CertificateRequest(name.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
    }
}
