using MotCua.Web.Features.Signing;

namespace MotCua.IntegrationTests.Features.Signing;

/// <summary>The pure pieces of the PDF plumbing and the public report (no app): text strings, dates, byte ranges, masking.</summary>
public sealed class SignatureTextTests
{
    [Fact]
    public void Vietnamese_text_is_written_as_UTF16_with_its_mark_and_ASCII_as_a_literal()
    {
        Assert.Equal("(Bac Ai)", PdfIncrementalSigner.Text("Bac Ai"));
        Assert.Equal("<FEFF0042006100AF>", PdfIncrementalSigner.Text("Ba¯"));
        Assert.StartsWith("<FEFF", PdfIncrementalSigner.Text("Bác Ái"));
        // Parentheses and backslashes would need escaping in a literal: they go to hex as well.
        Assert.StartsWith("<FEFF", PdfIncrementalSigner.Text("a (b)"));
    }

    [Fact]
    public void Signing_times_are_written_in_Vietnam_time_and_read_back_with_their_offset()
    {
        var at = new DateTimeOffset(2026, 12, 7, 3, 30, 0, TimeSpan.Zero);
        Assert.Equal("D:20261207103000+07'00'", PdfIncrementalSigner.PdfDate(at));
        Assert.Equal(at, PdfSignatureReader.ParseDate("D:20261207103000+07'00'"));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), PdfSignatureReader.ParseDate("D:2026"));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 3, 30, 0, TimeSpan.Zero), PdfSignatureReader.ParseDate("D:20261207033000Z"));
        Assert.Null(PdfSignatureReader.ParseDate("yesterday"));
        Assert.Null(PdfSignatureReader.ParseDate("D:20261399"));
    }

    [Fact]
    public void A_byte_range_must_frame_exactly_the_contents_inside_the_file()
    {
        var pdf = "%PDF-1.7 head <0A0B00> tail"u8.ToArray();
        var open = Array.IndexOf(pdf, (byte)'<');
        var close = Array.IndexOf(pdf, (byte)'>') + 1;
        var covered = PdfSignatureReader.CoveredBytes(pdf, [0, open, close, pdf.Length - close]);
        Assert.Equal("%PDF-1.7 head  tail"u8.ToArray(), covered);
        Assert.Null(PdfSignatureReader.CoveredBytes(pdf, [0, open - 1, close, pdf.Length - close]));
        Assert.Null(PdfSignatureReader.CoveredBytes(pdf, [0, open, close, pdf.Length]));
        Assert.Null(PdfSignatureReader.CoveredBytes(pdf, [1, open, close, pdf.Length - close]));
        Assert.Null(PdfSignatureReader.CoveredBytes(pdf, [0, open, close]));
    }

    [Theory]
    [InlineData("CN=Nguyễn Văn An, SERIALNUMBER=CCCD:079123456789", "CN=Nguyễn Văn An, SERIALNUMBER=CCCD:*********789")]
    [InlineData("CN=UBND xã Bác Ái, E=vanthu.bacai@khanhhoa.gov.vn", "CN=UBND xã Bác Ái, E=v***********@khanhhoa.gov.vn")]
    [InlineData("CN=UBND xã Bác Ái, MST=4200123456", "CN=UBND xã Bác Ái, MST=*******456")]
    [InlineData("revoked on 2026-12-07 10:00 UTC", "revoked on 2026-12-07 10:00 UTC")]
    public void Identity_numbers_and_addresses_are_masked_in_public_answers(string text, string masked) =>
        Assert.Equal(masked, VerifyPdfSignatures.Mask(text));
}
