using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
}
