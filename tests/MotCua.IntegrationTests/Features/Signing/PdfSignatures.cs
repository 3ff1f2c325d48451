using System.Formats.Asn1;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.IntegrationTests.Features.Signing;

public static partial class PdfSignatures
{
    /// <summary>Checks the PDF's CMS signature over its /ByteRange, as a PDF reader does; returns the signer's certificate.</summary>
    public static X509Certificate2 Verify(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var range = ByteRange().Match(text);
        Assert.True(range.Success, "no /ByteRange in the PDF");
        var r = range.Groups.Cast<Group>().Skip(1).Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var signed = pdf[r[0]..(r[0] + r[1])].Concat(pdf[r[2]..(r[2] + r[3])]).ToArray();
        var hex = text[(r[0] + r[1] + 1)..(r[2] - 1)];
        var der = Convert.FromHexString(hex);
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var length);
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        cms.Decode(der.AsSpan(0, length));
        cms.CheckSignature(verifySignatureOnly: true);
        return cms.SignerInfos[0].Certificate!;
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
