using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Features.Payments;
using MotCua.IntegrationTests.Features.Signing;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;
using UglyToad.PdfPig;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Results;

public sealed class ResultsOnlineTests(PaymentsFactory app) : IClassFixture<PaymentsFactory>
{
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_applicant_downloads_the_result_signed_with_the_unit_certificate_and_it_counts_as_returned_online()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierWithResultAsync();
        var citizen = await app.ClientFor("congdan");

        var response = await citizen.GetAsync($"/api/v1/dossiers/{code}/result.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);

        var signer = PdfSignatures.Verify(pdf);
        var certificate = await app.Services.GetRequiredService<PdfSigner>().CertificateAsync(Ct);
        Assert.Equal(certificate.Thumbprint, signer.Thumbprint);
        var tampered = (byte[])pdf.Clone();
        var at = Encoding.Latin1.GetString(pdf).IndexOf(code, StringComparison.Ordinal);
        tampered[at > 0 ? at : 200] ^= 0x01;
        Assert.ThrowsAny<CryptographicException>(() => PdfSignatures.Verify(tampered));
        // The specialist's uploaded PDF, signed when the result was recorded: the bytes stored as the dossier's signed result.
        var signedSha = app.InScope(db => db.SignedResults.AsNoTracking().Single(r => r.DossierCode == code).Sha256);
        Assert.Equal(signedSha, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        using (var doc = PdfDocument.Open(pdf))
        {
            Assert.Equal(1, doc.NumberOfPages);
        }

        var dossier = await GetAsync(citizen, code);
        Assert.Equal("Returned", dossier.GetProperty("status").GetString());
        var stored = app.InScope(db => db.Dossiers.AsNoTracking().Single(d => d.Code == code));
        Assert.True(stored.ElectronicResult);
        Assert.Equal("online", stored.ReturnChannel);
        var actions = await PaymentsFactory.ActionsAsync(citizen, code);
        Assert.Equal(["sign-result", "return-result"], actions[^2..]);

        var again = await citizen.GetByteArrayAsync($"/api/v1/dossiers/{code}/result.pdf", Ct);
        Assert.Equal(pdf, again);
        Assert.Single(await PaymentsFactory.ActionsAsync(citizen, code), a => a == "sign-result");
    }

    [Fact]
    public async Task A_result_cannot_be_downloaded_before_it_exists_nor_for_a_paper_only_procedure()
    {
        app.Clock.SetUtcNow(Tuesday);
        var citizen = await app.ClientFor("congdan");
        var waiting = await app.DossierAwaitingFeeAsync();
        var early = await citizen.GetAsync($"/api/v1/dossiers/{waiting}/result.pdf", Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var code = await app.DossierWithResultAsync();
        var procedureId = app.InScope(db => db.Dossiers.Single(d => d.Code == code).ProcedureId);
        await SetResultKind(procedureId, ResultKind.Paper);
        try
        {
            var paper = await citizen.GetAsync($"/api/v1/dossiers/{code}/result.pdf", Ct);
            Assert.Equal(HttpStatusCode.Conflict, paper.StatusCode);
            Assert.Contains("bản giấy", (await paper.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
            Assert.Equal("ResultReady", (await GetAsync(citizen, code)).GetProperty("status").GetString());
        }
        finally
        {
            await SetResultKind(procedureId, ResultKind.Both);
        }

        var stranger = await app.ClientFor("motcua.phuoctien");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/dossiers/{code}/result.pdf", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_applicant_asks_for_the_result_by_post_and_the_desk_sees_the_address_and_sends_it()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierWithResultAsync();
        var citizen = await app.ClientFor("congdan");
        var desk = await app.ClientFor("motcua.phuocbinh");

        var invalid = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/result-delivery", new { recipientName = "", address = "ngắn" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("address", out _));
        Assert.True(errors.TryGetProperty("recipientName", out _));

        const string address = "Thôn Ma Hoa, xã Phước Bình, tỉnh Khánh Hòa";
        var ok = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/result-delivery", new { recipientName = "Chamaléa Thị Dân", phone = "0912345678", address }, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("request-postal-return", await PaymentsFactory.ActionsAsync(citizen, code));

        var details = await desk.GetStringAsync($"/Dossiers/Details?code={code}", Ct);
        Assert.Contains(address, WebUtility.HtmlDecode(details));
        Assert.Contains(address, WebUtility.HtmlDecode(await desk.GetStringAsync("/Results/Postal", Ct)));

        await ActOkAsync(desk, code, new { action = "return-result", trackingNumber = "EB123456789VN" });
        var stored = app.InScope(db => db.Dossiers.AsNoTracking().Single(d => d.Code == code));
        Assert.Equal("post", stored.ReturnChannel);
        Assert.Equal("EB123456789VN", stored.PostalTrackingNumber);
        var late = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/result-delivery", new { recipientName = "A", address }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    private async Task SetResultKind(int procedureId, ResultKind kind)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var p = await db.Procedures.SingleAsync(x => x.Id == procedureId, Ct);
        p.ResultKind = kind;
        await db.SaveChangesAsync(Ct);
    }
}
