using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Results;

/// <summary>Issue 20 item 1: record-result takes the id of an uploaded PDF the officer may read; an electronic result is stored signed.</summary>
public sealed class ResultFileTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private async Task<string> ApprovedAsync()
    {
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "56.BACAI" });
        await ActOkAsync(await app.ClientFor("chuyenvien.bacai"), code, new { action = "submit-for-approval" });
        await ActOkAsync(await app.ClientFor("lanhdao.bacai"), code, new { action = "approve" });
        return code;
    }

    private static async Task<string> ResultErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body.GetProperty("errors").GetProperty("resultFileId")[0].GetString()!;
    }

    [Fact]
    public async Task Record_result_refuses_an_unknown_id_a_file_that_is_not_a_pdf_and_a_file_the_officer_may_not_read()
    {
        app.Clock.SetUtcNow(Today);
        var code = await ApprovedAsync();
        var specialist = await app.ClientFor("chuyenvien.bacai");

        var unknown = await ResultErrorAsync(await ActAsync(specialist, code, new { action = "record-result", resultFileId = "ket-qua-so-01" }));
        Assert.Contains("Không tìm thấy tệp kết quả PDF", unknown, StringComparison.Ordinal);

        var image = await UploadAsync(specialist, Png, "anh.png");
        Assert.Contains("Không tìm thấy tệp kết quả PDF", await ResultErrorAsync(await ActAsync(specialist, code, new { action = "record-result", resultFileId = image })), StringComparison.Ordinal);

        // Someone else's upload is answered as an unknown id: its existence does not leak.
        var citizens = await UploadAsync(await app.ClientFor("congdan"));
        Assert.Equal(
            unknown.Replace("ket-qua-so-01", citizens, StringComparison.Ordinal),
            await ResultErrorAsync(await ActAsync(specialist, code, new { action = "record-result", resultFileId = citizens })));

        Assert.Equal("Approved", (await GetAsync(specialist, code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_electronic_result_is_signed_when_recorded_and_the_dossier_references_the_signed_file()
    {
        app.Clock.SetUtcNow(Today);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Procedures.Where(p => p.Code == Certification)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ResultKind, ResultKind.Electronic), Ct);
        }

        var code = await ApprovedAsync();
        var specialist = await app.ClientFor("chuyenvien.bacai");
        var broken = await UploadAsync(specialist, "%PDF-1.4 khong phai PDF day du"u8.ToArray(), "hong.pdf");
        Assert.Contains("Không mở được tệp PDF", await ResultErrorAsync(await ActAsync(specialist, code, new { action = "record-result", resultFileId = broken })), StringComparison.Ordinal);

        var original = await UploadAsync(specialist, name: "ket-qua.pdf");
        var recorded = await ActOkAsync(specialist, code, new { action = "record-result", resultFileId = original });
        var signedId = recorded.GetProperty("resultFileId").GetString()!;
        Assert.NotEqual(original, signedId);

        var signed = await specialist.GetByteArrayAsync($"/api/v1/files/{signedId}", Ct);
        var signer = Signing.PdfSignatures.Verify(signed);
        var certificate = await app.Services.GetRequiredService<MotCua.Web.Features.Signing.PdfSigner>().CertificateAsync(Ct);
        Assert.Equal(certificate.Thumbprint, signer.Thumbprint);
        var result = await specialist.GetByteArrayAsync($"/api/v1/dossiers/{code}/result.pdf", Ct);
        Assert.Equal(signed, result);

        var history = await specialist.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", Ct);
        Assert.Equal(["record-result", "sign-result"], history![^2..].Select(e => e.GetProperty("action").GetString()!).ToArray());
        Assert.Equal(original, history[^2].GetProperty("attachments")[0].GetString());
    }
}
