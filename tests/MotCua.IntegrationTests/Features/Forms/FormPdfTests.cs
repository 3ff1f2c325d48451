using System.Text;
using MotCua.Web.Features.Forms;
using PdfSharp.Pdf.IO;

namespace MotCua.IntegrationTests.Features.Forms;

public sealed class FormPdfTests
{
    [Theory]
    [MemberData(nameof(FormSamples.Numbers), MemberType = typeof(FormSamples))]
    public void Every_form_renders_a_pdf_with_Noto_Sans_embedded_and_its_title(string number)
    {
        var pdf = FormPdf.Render(FormSamples.Form(number));
        WriteSample(number, pdf);

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using var parsed = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.True(parsed.PageCount >= 1);
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Matches(@"/BaseFont\s*/[A-Z]{6}\+Noto#20Sans", raw);
        Assert.Contains("/FontFile2", raw);
        Assert.All(FormReading.FontNames(pdf), f => Assert.Contains("Noto Sans", f));
        Assert.Contains(FormSamples.Title(number), FormReading.Text(pdf));
    }

    [Theory]
    [MemberData(nameof(FormSamples.Numbers), MemberType = typeof(FormSamples))]
    public void Qr_code_in_every_pdf_decodes_to_its_payload(string number)
    {
        var form = FormSamples.Form(number);
        var expected = number == "07"
            ? "SO:H15.50.05.13;TU:2025-06-01;DEN:2025-06-30;BM:07"
            : $"MC:{FormSamples.DossierCode};TT:{FormSamples.ProcedureCode};BM:{number}";

        Assert.Equal(expected, FormQr.Payload(form));
        Assert.Equal(expected, FormReading.QrInPdf(FormPdf.Render(form)));
    }

    [Fact]
    public void Receipt_prints_Vietnamese_names_and_fields_with_their_diacritics()
    {
        var text = FormReading.Text(FormPdf.Render(FormSamples.Receipt));

        Assert.Contains("ỦY BAN NHÂN DÂN HUYỆN BÁC ÁI", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("Bác Ái, ngày 03 tháng 6 năm 2025", text);
        Assert.Contains(FormSamples.ApplicantName, text);
        Assert.Contains("xã Phước Bình", text);
        Assert.Contains("Phường Đô Vinh", text);
        Assert.Contains("Mã hồ sơ: " + FormSamples.DossierCode, text);
        Assert.Contains("09 giờ 15 phút, ngày 03/06/2025", text);
        Assert.Contains("ngày 10/06/2025", text);
        Assert.Contains("Quyển số 02/2025, số thứ tự 1375", text);
        Assert.Contains("Bản sao chứng thực", text);
    }

    [Fact]
    public void Decomposed_input_prints_composed_letters()
    {
        var decomposed = "Nguyễn Thị Ỹ Phường".Normalize(NormalizationForm.FormD);
        var form = FormSamples.Receipt with { Applicant = FormSamples.Applicant with { FullName = decomposed } };

        Assert.Contains("Nguyễn Thị Ỹ Phường", FormReading.Text(FormPdf.Render(form)));
    }

    [Fact]
    public void Long_tracking_book_continues_on_further_pages()
    {
        var pages = FormReading.PageTexts(FormPdf.Render(FormSamples.Book(rows: 60)));

        Assert.True(pages.Length >= 2, $"{pages.Length} page(s)");
        Assert.Contains("Mã hồ sơ", pages[^1]);
        Assert.Contains("H15.50.05.13-250605-0060", pages[^1]);
        Assert.Contains("Tổng số: 60 hồ sơ", pages[^1]);
    }

    [Fact]
    public void Masked_tracking_book_prints_initials_instead_of_names()
    {
        var text = FormReading.Text(FormPdf.Render(FormSamples.Book(masked: true)));

        Assert.DoesNotContain(FormSamples.ApplicantName, text);
        Assert.Contains("C. T. M. H.", text);
    }

    [Fact]
    public void Missing_fonts_give_an_error_that_says_what_to_install()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new NotoSansFontResolver("/nonexistent/fonts"));

        Assert.Contains("fonts-noto-core", error.Message);
        Assert.Contains("/nonexistent/fonts", error.Message);
    }

    [Theory]
    [InlineData(2025, 6, 3, "Bác Ái, ngày 03 tháng 6 năm 2025")]
    [InlineData(2026, 2, 14, "Bác Ái, ngày 14 tháng 02 năm 2026")]
    [InlineData(2025, 12, 31, "Bác Ái, ngày 31 tháng 12 năm 2025")]
    public void Date_line_pads_days_below_ten_and_months_one_and_two(int year, int month, int day, string expected) =>
        Assert.Equal(expected, FormText.DateLine("Bác Ái", new DateOnly(year, month, day)));

    /// <summary>Set MOTCUA_FORM_SAMPLES to a folder to keep the rendered samples (then: pdftoppm -png -r 60).</summary>
    static void WriteSample(string number, byte[] pdf)
    {
        if (Environment.GetEnvironmentVariable("MOTCUA_FORM_SAMPLES") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"mau-{number}.pdf"), pdf);
            File.WriteAllText(Path.Combine(folder, $"mau-{number}.html"), FormHtml.Render(FormSamples.Form(number)));
        }
    }
}
