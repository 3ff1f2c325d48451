using MotCua.Web.Features.Forms;

namespace MotCua.IntegrationTests.Features.Forms;

public sealed class ReceiptQrTests
{
    [Fact]
    public void Form_01_QR_decodes_to_its_tracking_link_whatever_the_token()
    {
        var failures = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var token = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            var url = $"http://localhost/Tracking?code={FormSamples.Receipt.Dossier.DossierCode}&t={token}";
            var pdf = FormPdf.Render(FormSamples.Receipt with { TrackingUrl = url });
            if (FormReading.QrInPdf(pdf) != url)
            {
                failures.Add(url);
            }
        }

        Assert.Empty(failures);
    }
}
