using System.Text.RegularExpressions;
using MotCua.Web.Features.Forms;

namespace MotCua.IntegrationTests.Features.Forms;

public sealed partial class FormHtmlTests
{
    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex QrImage();

    [Theory]
    [MemberData(nameof(FormSamples.Numbers), MemberType = typeof(FormSamples))]
    public void Every_form_renders_printable_html_with_an_inline_qr(string number)
    {
        var form = FormSamples.Form(number);
        var html = FormHtml.Render(form);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("@media print", html);
        Assert.Contains($"<h1>{FormSamples.Title(number)}</h1>", html);
        Assert.Contains("ỦY BAN NHÂN DÂN HUYỆN BÁC ÁI", html);
        var png = Convert.FromBase64String(QrImage().Match(html).Groups[1].Value);
        Assert.Equal(FormQr.Payload(form), FormReading.DecodeQr(png));
    }

    [Fact]
    public void Html_escapes_typed_text_and_keeps_Vietnamese_letters()
    {
        var form = FormSamples.Receipt with { Applicant = FormSamples.Applicant with { FullName = "Lê Thị Ậu <script>alert(1)</script>" } };
        var html = FormHtml.Render(form);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("Lê Thị Ậu &lt;script&gt;", html);
        Assert.Contains("xã Phước Bình", html);
    }
}
