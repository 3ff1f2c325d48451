using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MotCua.IntegrationTests.Features.Payments;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Signing;

namespace MotCua.IntegrationTests.Features.Signing;

/// <summary>
/// Verification for anyone (issue 23.4): <c>POST /api/v1/signatures/verify</c> and the /Verify page, on a result the system
/// signed and issued, on a changed copy, on files that are not signed PDFs, with personal data masked and a rate limit.
/// </summary>
public sealed class VerifySignaturesTests(PaymentsFactory app) : IClassFixture<PaymentsFactory>
{
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(byte[] bytes, string name = "ket-qua.pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", name);
        return form;
    }

    private async Task<(string Code, string ResultCode, byte[] Pdf)> IssuedResultAsync()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierWithResultAsync();
        var citizen = await app.ClientFor("congdan");
        var pdf = await citizen.GetByteArrayAsync($"/api/v1/dossiers/{code}/result.pdf", Ct);
        var resultCode = (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}/result", Ct)).GetProperty("resultCode").GetString()!;
        return (code, resultCode, pdf);
    }

    [Fact]
    public async Task Anyone_checks_an_issued_result_signed_by_the_system_and_sees_it_is_the_issued_file()
    {
        var (_, resultCode, pdf) = await IssuedResultAsync();
        var anonymous = app.CreateClient();

        var response = await anonymous.PostAsync("/api/v1/signatures/verify", Upload(pdf), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), report.GetProperty("sha256").GetString());
        Assert.True(report.GetProperty("valid").GetBoolean());
        Assert.Equal(resultCode, report.GetProperty("issued").GetProperty("code").GetString());
        var signature = Assert.Single(report.GetProperty("signatures").EnumerateArray());
        Assert.Equal("PAdES B-B", signature.GetProperty("level").GetString());
        Assert.True(signature.GetProperty("integrityValid").GetBoolean());
        Assert.True(signature.GetProperty("coversWholeDocument").GetBoolean());
        // The demo certificate is under no configured root: it is trusted as the system's own, on the file it issued.
        Assert.True(signature.GetProperty("trusted").GetBoolean());
        Assert.Equal("issued-by-system", signature.GetProperty("trustBasis").GetString());
        Assert.Contains("Bác Ái", signature.GetProperty("signer").GetString());
        Assert.True(signature.TryGetProperty("signingTime", out _));
        var (sigs, output) = await Pdfsig.RunAsync(pdf);
        Assert.True(Assert.Single(sigs).Valid, output);
        Assert.Equal("ETSI.CAdES.detached", sigs[0].Type);

        // A changed copy: not intact, not trusted, not the issued file.
        var tampered = (byte[])pdf.Clone();
        var at = Encoding.Latin1.GetString(pdf).IndexOf("/MediaBox", StringComparison.Ordinal);
        tampered[at + 1] = (byte)'m';
        var changed = await (await anonymous.PostAsync("/api/v1/signatures/verify", Upload(tampered), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(changed.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("issued").ValueKind);
        var broken = Assert.Single(changed.GetProperty("signatures").EnumerateArray());
        Assert.False(broken.GetProperty("integrityValid").GetBoolean());
        Assert.False(broken.GetProperty("trusted").GetBoolean());
    }

    [Fact]
    public async Task The_QR_link_names_the_result_and_the_page_says_whether_the_uploaded_file_is_it()
    {
        var (_, resultCode, pdf) = await IssuedResultAsync();
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = $"/Verify?code={Uri.EscapeDataString(resultCode)}";

        var page = await anonymous.GetStringAsync(url, Ct);
        Assert.Contains("data-testid=\"verify-expected\"", page);
        Assert.Contains(resultCode, page);

        var token = await PageClient.TokenAsync(anonymous, url);
        using var form = Upload(pdf);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(resultCode), "Code");
        var answer = await (await anonymous.PostAsync(url, form, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Chữ ký số hợp lệ", answer);
        Assert.Contains("Đây đúng là tệp do hệ thống cấp", answer);
        Assert.Contains("Toàn bộ tệp", answer);

        // Another signed PDF against the same code: not the issued file.
        using var other = Upload(SignedSamples.Pdf);
        other.Add(new StringContent(token), "__RequestVerificationToken");
        other.Add(new StringContent(resultCode), "Code");
        var mismatch = await (await anonymous.PostAsync(url, other, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("KHÔNG phải bản đã cấp", mismatch);

        var unknown = await anonymous.GetStringAsync("/Verify?code=KQ-KHONG-CO", Ct);
        Assert.Contains("data-testid=\"verify-code-missing\"", unknown);
    }

    [Fact]
    public async Task A_file_that_is_not_a_signed_PDF_gets_problem_details()
    {
        var anonymous = app.CreateClient();

        var notPdf = await anonymous.PostAsync("/api/v1/signatures/verify", Upload("xin chào"u8.ToArray(), "a.pdf"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notPdf.StatusCode);
        Assert.Equal("application/problem+json", notPdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("không phải là PDF", (await notPdf.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());

        var unsigned = await anonymous.PostAsync("/api/v1/signatures/verify", Upload(PadesSigningTests.Document()), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsigned.StatusCode);
        Assert.Contains("không có chữ ký số", (await unsigned.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());

        var empty = await anonymous.PostAsync("/api/v1/signatures/verify", new MultipartFormDataContent { { new StringContent("x"), "note" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var json = await anonymous.PostAsync("/api/v1/signatures/verify", JsonContent.Create(new { file = "abc" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }

    [Fact]
    public async Task Identity_numbers_in_the_signer_s_certificate_are_masked()
    {
        using var certificate = TestCertificates.Create("Nguyễn Văn An 079123456789");
        var prepared = PdfIncrementalSigner.Prepare(PadesSigningTests.Document(), new SignatureField("ChuKy1", DateTimeOffset.UtcNow, "Ký", "Bác Ái"));
        var attributes = CadesSignature.SignedAttributes(prepared.Sha256(), certificate);
        using var rsa = certificate.GetRSAPrivateKey()!;
        var pdf = prepared.Complete(CadesSignature.Assemble(attributes, rsa.SignData(attributes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), [certificate]));

        var body = await (await app.CreateClient().PostAsync("/api/v1/signatures/verify", Upload(pdf), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("079123456789", body);
        Assert.Contains("*********789", body);
        var signature = JsonDocument.Parse(body).RootElement.GetProperty("signatures")[0];
        Assert.True(signature.GetProperty("integrityValid").GetBoolean());
        Assert.False(signature.GetProperty("trusted").GetBoolean());
        Assert.Equal("none", signature.GetProperty("trustBasis").GetString());
    }

    [Fact]
    public async Task Verification_is_rate_limited_per_client_like_tracking()
    {
        using var limited = new AppFactory();
        limited.Settings["Security:VerifyPermitLimit"] = "2";
        var client = limited.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/signatures/verify", Upload(SignedSamples.Pdf), Ct)).StatusCode);
        }

        var refused = await client.PostAsync("/api/v1/signatures/verify", Upload(SignedSamples.Pdf), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }
}
