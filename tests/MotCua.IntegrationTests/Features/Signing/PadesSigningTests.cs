using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Forms;
using MotCua.Web.Features.Signing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MotCua.IntegrationTests.Features.Signing;

/// <summary>
/// PAdES signing (issue 23.3) against a CA, a time-stamp authority and an OCSP responder built in the test process: every
/// signed file is checked by poppler's pdfsig and by the product's own verifier.
/// </summary>
public sealed class PadesSigningTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "motcua-tests", "pades-" + Guid.NewGuid().ToString("N"));
    private TestPki _pki = null!;

    public async ValueTask InitializeAsync() => _pki = await TestPki.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _pki.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The app signing with a PKCS#12 file the test CA issued, trusting the test root.</summary>
    private AppFactory Signing(string commonName, bool timestamp = false, bool ec = false)
    {
        var pfx = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".pfx");
        using var signer = _pki.IssueSigner(commonName, ec);
        _pki.WritePfx(signer, pfx, "secret");
        var app = new AppFactory();
        app.Settings["Signing:CertificatePath"] = pfx;
        app.Settings["Signing:CertificatePassword"] = "secret";
        app.Settings["Signing:TrustedRoots"] = _pki.WriteRootPem(Path.Combine(_folder, "root.pem"));
        if (timestamp)
        {
            app.Settings["Signing:TimestampUrl"] = _pki.TsaUrl.ToString();
        }

        return app;
    }

    /// <summary>A plain one-page PDF, as an officer uploads one.</summary>
    internal static byte[] Document(string text = "Quyết định số 12/QĐ-UBND")
    {
        FormPdf.EnsureFonts();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawString(text, new XFont("Noto Sans", 12, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode)), XBrushes.Black, 72, 72);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    [Fact]
    public async Task B_B_signature_from_a_CA_certificate_is_valid_for_pdfsig_and_the_own_verifier()
    {
        using var app = Signing("UBND xã Bác Ái");
        var original = Document();

        var signed = await app.Services.GetRequiredService<PdfSigner>().SignPdfAsync(original, new SignOptions("Phát hành văn bản", "Bác Ái"), Ct);

        Assert.Equal(original, signed[..original.Length]);
        var (sigs, output) = await Pdfsig.RunAsync(signed);
        var only = Assert.Single(sigs);
        Assert.True(only.Valid, output);
        Assert.True(only.TotalDocumentSigned, output);
        Assert.Equal("ETSI.CAdES.detached", only.Type);
        Assert.Equal("UBND xã Bác Ái", only.CommonName);

        var check = Assert.Single((await app.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(signed, Ct))!);
        Assert.Equal("PAdES B-B", check.Level);
        Assert.True(check.IntegrityValid);
        Assert.True(check.CoversWholeDocument);
        Assert.True(check.ChainTrusted, string.Join("; ", check.Problems));
        Assert.Equal(RevocationStatus.Good, check.Revocation);
        Assert.Null(check.TimestampTime);
        Assert.True(_pki.OcspRequests > 0);
    }

    [Fact]
    public async Task B_T_signature_carries_the_authority_s_timestamp_over_the_signature()
    {
        using var app = Signing("UBND xã Bác Ái", timestamp: true);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var signed = await app.Services.GetRequiredService<PdfSigner>().SignPdfAsync(Document(), new SignOptions("Phát hành", "Bác Ái"), Ct);

        Assert.Equal(1, _pki.TsaRequests);
        var (sigs, output) = await Pdfsig.RunAsync(signed);
        Assert.True(Assert.Single(sigs).Valid, output);
        Assert.True(sigs[0].TotalDocumentSigned, output);
        var check = Assert.Single((await app.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(signed, Ct))!);
        Assert.Equal("PAdES B-T", check.Level);
        Assert.True(check.TimestampValid);
        Assert.InRange(check.TimestampTime!.Value, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.True(check.ChainTrusted, string.Join("; ", check.Problems));

        // The authority down: nothing is signed without the time-stamp that was asked for.
        _pki.TsaDown = true;
        var failure = await Assert.ThrowsAsync<SigningKeyException>(() =>
            app.Services.GetRequiredService<PdfSigner>().SignPdfAsync(Document(), new SignOptions("Phát hành", "Bác Ái"), Ct));
        Assert.Contains("503", failure.Message);
    }

    [Fact]
    public async Task The_agency_s_signature_is_appended_by_incremental_update_and_the_signer_s_stays_valid()
    {
        using var leader = Signing("Nguyễn Văn An - Chủ tịch", ec: true);
        using var agency = Signing("UBND xã Bác Ái", timestamp: true);
        var first = await leader.Services.GetRequiredService<PdfSigner>().SignPdfAsync(Document(), new SignOptions("Ký duyệt", "Bác Ái"), Ct);

        var second = await agency.Services.GetRequiredService<PdfSigner>().SignPdfAsync(first, new SignOptions("Phát hành văn bản", "Bác Ái"), Ct);

        Assert.Equal(first, second[..first.Length]);
        var (sigs, output) = await Pdfsig.RunAsync(second);
        Assert.Equal(2, sigs.Count);
        Assert.True(sigs[0].Valid, output);
        Assert.True(sigs[0].NotTotalDocumentSigned, output);
        Assert.Equal("Nguyễn Văn An - Chủ tịch", sigs[0].CommonName);
        Assert.True(sigs[1].Valid, output);
        Assert.True(sigs[1].TotalDocumentSigned, output);
        Assert.Equal("UBND xã Bác Ái", sigs[1].CommonName);

        var checks = (await agency.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(second, Ct))!;
        Assert.Equal(2, checks.Count);
        Assert.True(checks[0].IntegrityValid);
        Assert.False(checks[0].CoversWholeDocument);
        Assert.Equal("PAdES B-B", checks[0].Level);
        Assert.True(checks[1].IntegrityValid);
        Assert.True(checks[1].CoversWholeDocument);
        Assert.Equal("PAdES B-T", checks[1].Level);
        Assert.All(checks, c => Assert.True(c.ChainTrusted, string.Join("; ", c.Problems)));
    }

    [Fact]
    public async Task A_changed_byte_in_the_signed_range_is_detected_by_both_verifiers()
    {
        using var app = Signing("UBND xã Bác Ái");
        var signed = await app.Services.GetRequiredService<PdfSigner>().SignPdfAsync(Document(), new SignOptions("Approve", "Bac Ai"), Ct);
        var text = Encoding.Latin1.GetString(signed);
        var at = text.LastIndexOf("(Approve)", StringComparison.Ordinal);
        Assert.True(at > 0);
        var tampered = (byte[])signed.Clone();
        tampered[at + 1] = (byte)'I';

        var (sigs, output) = await Pdfsig.RunAsync(tampered);
        Assert.False(Assert.Single(sigs).Valid, output);
        var check = Assert.Single((await app.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(tampered, Ct))!);
        Assert.False(check.IntegrityValid);

        // Bytes appended after the signature (a later, unsigned update) leave it intact but no longer covering the file.
        byte[] appended = [.. signed, .. "\n% appended\n"u8.ToArray()];
        var late = Assert.Single((await app.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(appended, Ct))!);
        Assert.True(late.IntegrityValid);
        Assert.False(late.CoversWholeDocument);
    }

    [Fact]
    public async Task A_revoked_signer_is_not_trusted_and_an_unknown_root_is_not_either()
    {
        using var app = Signing("Người đã thu hồi");
        var pdfSigner = app.Services.GetRequiredService<PdfSigner>();
        var signed = await pdfSigner.SignPdfAsync(Document(), new SignOptions("Phát hành", "Bác Ái"), Ct);
        _pki.Revoke(await pdfSigner.CertificateAsync(Ct), DateTimeOffset.UtcNow.AddYears(-1));

        var check = Assert.Single((await app.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(signed, Ct))!);
        Assert.True(check.IntegrityValid);
        Assert.Equal(RevocationStatus.Revoked, check.Revocation);
        Assert.False(check.ChainTrusted);

        await using var other = await TestPki.StartAsync("Other");
        using var stranger = new AppFactory();
        stranger.Settings["Signing:TrustedRoots"] = other.WriteRootPem(Path.Combine(_folder, "other-root.pem"));
        var untrusted = Assert.Single((await stranger.Services.GetRequiredService<SignatureVerifier>().VerifyAsync(signed, Ct))!);
        Assert.True(untrusted.IntegrityValid);
        Assert.False(untrusted.ChainTrusted);
    }

    [Fact]
    public async Task A_pdfsharp_document_is_signed_visibly_on_its_last_page()
    {
        using var app = Signing("UBND xã Bác Ái");
        FormPdf.EnsureFonts();
        using var document = new PdfDocument();
        document.AddPage();
        document.AddPage();

        var signed = await app.Services.GetRequiredService<PdfSigner>().SignAsync(document, "Kết quả giải quyết hồ sơ", "Xã Bác Ái", Ct);

        var (sigs, output) = await Pdfsig.RunAsync(signed);
        Assert.True(Assert.Single(sigs).Valid, output);
        Assert.True(sigs[0].TotalDocumentSigned, output);
        using var pig = UglyToad.PdfPig.PdfDocument.Open(signed);
        Assert.Contains("Ký số bởi", pig.GetPage(2).Text, StringComparison.Ordinal);
        Assert.Contains(pig.GetPage(2).GetAnnotations(), a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Widget && a.Rectangle.Width > 100);
    }
}
