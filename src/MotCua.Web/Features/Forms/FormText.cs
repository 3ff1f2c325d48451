using System.Globalization;
using System.Text;

namespace MotCua.Web.Features.Forms;

/// <summary>Vietnamese wording and number formats shared by the PDF, HTML and Excel outputs.</summary>
public static class FormText
{
    public const string Motto1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto2 = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>"Bác Ái, ngày 03 tháng 6 năm 2025": ND 30/2020 pads days below 10 and months 1–2 with a zero.</summary>
    public static string DateLine(string place, DateOnly date) =>
        $"{place}, ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00") : date.Month.ToString())} năm {date.Year}";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string Time(DateTime at) => at.ToString("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string ShortTime(DateTime? at) => at?.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Kind(DocumentKind kind) => kind switch
    {
        DocumentKind.Original => "Bản chính",
        DocumentKind.CertifiedCopy => "Bản sao chứng thực",
        _ => "Bản photo",
    };

    public static string Result(StepResult? result) => result switch
    {
        StepResult.Early => "Trước hạn",
        StepResult.OnTime => "Đúng hạn",
        StepResult.Late => "Quá hạn",
        _ => "",
    };

    public static string Channel(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.InPerson => "Trao trực tiếp",
        DeliveryChannel.Email => "Gửi thư điện tử",
        _ => "Gửi tin nhắn SMS",
    };

    /// <summary>"Nguyễn Văn An" → "N. V. A.": the book can be shown without disclosing who filed.</summary>
    public static string MaskName(string name) =>
        string.Join(' ', Nfc(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[..1] + "."));

    /// <summary>PDFsharp draws no combining marks, so decomposed input (e.g. pasted from macOS) is composed first.</summary>
    public static string Nfc(string? text) => (text ?? "").Normalize(NormalizationForm.FormC);
}
